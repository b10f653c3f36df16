// Local objects served over RPC (capnweb's RpcTarget) and the hook that calls them.
// Member lookup follows capnweb core.ts: prototype members (methods, getters) are
// reachable, instance properties raise a TypeError, Object.prototype names are
// `undefined`.
#pragma once

#include <string>

#include "reference/rpc/capability.hpp"

namespace conform::reference::rpc {

class rpc_target {
 public:
  enum class member { none, method, getter, instance_property };

  virtual ~rpc_target() = default;
  virtual member find(std::string const& name) const = 0;
  // Calls a method. Stubs in args are borrowed: they are disposed when this returns, so a
  // method that keeps one stores its dup().
  virtual future_ptr invoke(std::string const& name, payload& args) = 0;
  virtual payload read(std::string const& name) = 0;  // runs a getter
};

class target_hook final : public hook {
 public:
  // `main` marks the session's main object: ["pipeline", 0] on it yields the object
  // itself, while on any other exported target capnweb refuses it.
  target_hook(std::shared_ptr<rpc_target> target, bool main = false)
      : target_(std::move(target)), main_(main) {}
  future_ptr call(path const& p, payload args) override;
  future_ptr get(path const& p) override;

 private:
  std::shared_ptr<rpc_target> target_;
  bool main_ = false;
};

// A method of a target taken as a value (["pipeline", 0, ["square"]]): calling it with
// an empty path invokes the method.
class method_hook final : public hook {
 public:
  method_hook(std::shared_ptr<rpc_target> target, std::string name)
      : target_(std::move(target)), name_(std::move(name)) {}
  future_ptr call(path const& p, payload args) override;
  future_ptr get(path const& p) override;

 private:
  std::shared_ptr<rpc_target> target_;
  std::string name_;
};

// A local function passed by reference (a callback a client hands to callFunction).
class function_hook final : public hook {
 public:
  using body = std::function<future_ptr(payload& args)>;
  explicit function_hook(body f) : body_(std::move(f)) {}
  future_ptr call(path const& p, payload args) override;
  future_ptr get(path const& p) override;

 private:
  body body_;
};

// A payload holding one stub: what makeCounter returns.
payload stub_payload(hook_ptr h);
// A target's value as a future: ["$cap", 0] with the target as caps[0].
future_ptr resolved_stub(hook_ptr h);

// The (path-joined) TypeError capnweb raises for instance properties.
json instance_property_error(std::string const& name);

}  // namespace conform::reference::rpc
