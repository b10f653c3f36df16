// Receiving side of the expression encoding (capnweb serialize.ts Evaluator): a wire
// expression becomes a payload. Every malformed form raises the error capnweb 0.12
// raises; the session turns it into an abort.
#pragma once

#include <cstdint>

#include "reference/rpc/capability.hpp"
#include "reference/rpc/limits.hpp"

namespace conform::reference::rpc {

// What an expression's IDs refer to. The session implements it with its tables; a
// mapper (remap) with its variables.
class importer {
 public:
  virtual ~importer() = default;
  virtual rpc_limits const& limits() const = 0;
  // Our export `id` (the sender's import), or nullptr.
  virtual hook_ptr get_export(std::int64_t id) = 0;
  // ["export", id] / ["promise", id]: the sender exports something to us.
  virtual hook_ptr import_stub(std::int64_t id) = 0;
  virtual hook_ptr import_promise(std::int64_t id) = 0;
  // ["readable", id]: the readable end of a pipe; the reference has no pipes.
  virtual json readable_error(std::int64_t id) const;
};

payload evaluate(json const& expression, importer& in);

// Waits for every promise in `value`, substitutes its resolution, and hands the result
// on; the first rejection wins. This is how a call's arguments reach the callee.
void await_promises(payload value, std::function<void(payload)> done,
                    std::function<void(json)> failed);

// A call whose arguments may still hold promises: made once they have resolved.
future_ptr deliver_call(hook_ptr target, path p, payload args);

}  // namespace conform::reference::rpc
