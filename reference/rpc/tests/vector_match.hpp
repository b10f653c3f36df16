// The matchers of conformance/vectors/rpc (docs/rpc-vectors.md), for the reference's own
// tests. The harness has its own implementation (it never judges with reference code).
#pragma once

#include <map>
#include <string>

#include "reference/rpc/json.hpp"

namespace conform::reference::rpc::testing {

using bindings = std::map<std::string, json>;

// True when `message` matches `pattern`; binds $export/$promise/$bind names.
bool matches(json const& pattern, json const& message, bindings& bound);
// A message to send with every {"$ref": name} replaced by its bound value.
json substitute(json const& pattern, bindings const& bound);

}  // namespace conform::reference::rpc::testing
