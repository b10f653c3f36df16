// Values, results and capabilities inside the reference Cap'n Web peer (capnweb.md §1,
// §6, §7). Everything is single-threaded and sans-I/O: a call either completes at once
// or waits on a message from the peer, so a future's callbacks run when the session
// processes that message, in registration order (which keeps E-order).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "reference/rpc/json.hpp"

namespace conform::reference::rpc {

class hook;
using hook_ptr = std::shared_ptr<hook>;

// A value as the application sees it: its canonical wire form (every literal array
// escaped, every tag normalized the way capnweb 0.12 re-sends it), except that each
// capability is the marker ["$cap", i] naming caps[i]. The marker cannot come from the
// wire: "$cap" is not a tag, so the evaluator refuses it.
struct payload {
  json value;
  std::vector<hook_ptr> caps;
};

json cap_marker(std::size_t index);
// The index of a ["$cap", i] marker, or -1 when value is something else.
std::int64_t cap_index(json const& value);

// A property path: strings and numbers, as on the wire.
using path = std::vector<json>;
std::string join_path(path const& p);  // "a.b.0", for error messages

class future;
using future_ptr = std::shared_ptr<future>;

// A settle-once result: a payload, or an error expression (["error", ...]).
class future {
 public:
  static future_ptr pending();
  static future_ptr resolved(payload value);
  static future_ptr rejected(json error);

  bool settled() const { return state_ != state::pending; }
  bool rejected() const { return state_ == state::rejected; }
  payload const& value() const { return value_; }
  json const& error() const { return error_; }

  void resolve(payload value);
  void reject(json error);
  // Runs now when settled, else when it settles; callbacks run in registration order.
  void on_settled(std::function<void(future const&)> callback);
  // Settles `target` the same way this one settles.
  void forward_to(future_ptr const& target);

 private:
  enum class state { pending, fulfilled, rejected };
  void run_waiters();

  state state_ = state::pending;
  payload value_;
  json error_;
  std::vector<std::function<void(future const&)>> waiters_;
};

// Something calls can be made on: a local object, a promise, or an object of the peer.
class hook : public std::enable_shared_from_this<hook> {
 public:
  virtual ~hook() = default;
  virtual future_ptr call(path const& p, payload args) = 0;
  virtual future_ptr get(path const& p) = 0;
  // Promises are sent as ["promise", id] and awaited before delivery; stubs as ["export", id].
  virtual bool is_promise() const { return false; }
  // The future a promise settles through (nullptr for stubs).
  virtual future_ptr resolution() { return nullptr; }
  // Stubs received in call arguments belong to the call; a callee that keeps one takes
  // a dup. Plain hooks are their own dup.
  virtual hook_ptr dup() { return shared_from_this(); }
  virtual void dispose() {}
};

// A hook whose every use fails with the same error.
class error_hook final : public hook {
 public:
  explicit error_hook(json error) : error_(std::move(error)) {}
  future_ptr call(path const&, payload) override { return future::rejected(error_); }
  future_ptr get(path const&) override { return future::rejected(error_); }
  bool is_promise() const override { return true; }
  future_ptr resolution() override { return future::rejected(error_); }

 private:
  json error_;
};

// A local promise: calls wait for the future, then follow the path into its value.
class promise_hook final : public hook {
 public:
  explicit promise_hook(future_ptr f) : future_(std::move(f)) {}
  future_ptr call(path const& p, payload args) override;
  future_ptr get(path const& p) override;
  bool is_promise() const override { return true; }
  future_ptr resolution() override { return future_; }

 private:
  future_ptr future_;
};

// A stub from a call's arguments: usable until the call returns, then disposed.
class borrowed_hook final : public hook {
 public:
  explicit borrowed_hook(hook_ptr inner) : inner_(std::move(inner)) {}
  future_ptr call(path const& p, payload args) override;
  future_ptr get(path const& p) override;
  bool is_promise() const override { return inner_ && inner_->is_promise(); }
  future_ptr resolution() override;
  hook_ptr dup() override;
  void dispose() override { inner_.reset(); }
  hook_ptr const& inner() const { return inner_; }

 private:
  hook_ptr inner_;
};

json disposed_error();  // "Attempted to use an RPC StubHook after it was disposed."

// Following a path into a settled value (capnweb core.ts followPath): the rest of the
// path is forwarded to a capability met on the way.
future_ptr call_in_payload(payload const& value, path const& p, payload args);
future_ptr get_in_payload(payload const& value, path const& p);

// The sub-payload at `value` (copied), keeping only the caps it refers to, renumbered.
payload extract(json const& value, std::vector<hook_ptr> const& caps);
// Appends other's caps to into's and returns other's value renumbered to match.
json merge_caps(payload& into, payload const& other);

}  // namespace conform::reference::rpc
