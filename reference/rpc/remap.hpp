// "remap", the .map() instruction (capnweb.md §9): once the subject resolves, the
// instructions run once per array element (or once on a non-array value; null and
// undefined pass through) with a private variable table.
#pragma once

#include "reference/rpc/capability.hpp"
#include "reference/rpc/limits.hpp"

namespace conform::reference::rpc {

future_ptr run_remap(future_ptr subject, std::vector<hook_ptr> captures, json instructions,
                     rpc_limits const& limits, std::size_t depth);

}  // namespace conform::reference::rpc
