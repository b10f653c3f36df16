// The inside of a session: the two tables (capnweb.md §3), the import hooks that stand
// for the peer's objects, and the devaluator that exports ours. Internal to reference/rpc.
#pragma once

#include <map>
#include <optional>

#include "reference/rpc/error.hpp"
#include "reference/rpc/evaluator.hpp"

namespace conform::reference::rpc {

class session_state;

// An entry of our imports table: something the peer exports to us. It lives as long as
// a hook refers to it; the last one gone sends ["release", id, introductions].
struct import_entry {
  std::weak_ptr<session_state> session;
  std::int64_t id = 0;
  std::int64_t introductions = 1;
  future_ptr result;  // call results and promises; nullptr for stubs
  bool released = false;
  ~import_entry();
};

class import_hook final : public hook {
 public:
  import_hook(std::shared_ptr<import_entry> entry, bool promise)
      : entry_(std::move(entry)), promise_(promise) {}
  future_ptr call(path const& p, payload args) override;
  future_ptr get(path const& p) override;
  bool is_promise() const override { return promise_; }
  future_ptr resolution() override { return promise_ ? entry_->result : nullptr; }
  std::shared_ptr<import_entry> const& entry() const { return entry_; }

 private:
  std::shared_ptr<import_entry> entry_;
  bool promise_ = false;
};

struct export_entry {
  hook_ptr target;
  std::int64_t refcount = 1;
  bool pulled = false;
  bool auto_release = false;  // "stream" results
};

class session_state final : public importer, public std::enable_shared_from_this<session_state> {
 public:
  explicit session_state(rpc_limits limits) : limits_(limits) {}
  void start(hook_ptr main);

  // importer
  rpc_limits const& limits() const override { return limits_; }
  hook_ptr get_export(std::int64_t id) override;
  hook_ptr import_stub(std::int64_t id) override;
  hook_ptr import_promise(std::int64_t id) override;

  // Messages (session.cpp).
  void receive(std::string_view text);
  void dispatch(json const& msg);
  void abort(rpc_error const& error, bool send);

  // Tables (tables.cpp).
  void add_push_result(payload value, bool stream);
  void add_pipe();
  void ensure_resolving(std::int64_t id);
  void release_export(std::int64_t id, std::int64_t count);
  void settle_import(std::int64_t id, json const& expression, bool rejected);
  void release_import(import_entry& entry);
  future_ptr call_peer(std::int64_t id, path const& p, std::optional<payload> args);
  future_ptr remap_peer(std::int64_t id, path const& p, std::vector<hook_ptr> captures, json instructions);
  // Pushes an expression, pulls its result: the import that settles it.
  future_ptr push_and_pull(json expression);
  json devaluate(payload const& value);

  void send(json const& msg);

  std::vector<std::string> output_;
  std::optional<rpc_error> aborted_;
  std::string abort_reason_;
  std::size_t pending_pulls_ = 0;
  std::map<std::int64_t, export_entry> exports_;
  struct import_slot {
    std::shared_ptr<import_entry> strong;  // held until a result or promise settles
    std::weak_ptr<import_entry> weak;
  };
  std::map<std::int64_t, import_slot> imports_;
  std::shared_ptr<import_entry> main_import_;
  std::vector<std::int64_t> deferred_pulls_;  // promises exported by the message being built

 private:
  json devaluate_value(json const& value, payload const& from);
  json export_cap(hook_ptr const& h);
  void settle_export(std::int64_t id, future const& f);

  rpc_limits limits_;
  std::int64_t next_push_ = 1;     // the peer's next positive import = our next export
  std::int64_t next_export_ = -1;  // our next negative export
  std::int64_t next_import_ = 1;   // our next push
};

}  // namespace conform::reference::rpc
