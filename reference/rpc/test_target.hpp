// The standard test interface served as the main object at /rpc (docs/rpc-test-interface.md):
// capnweb's own TestTarget and Counter (__tests__/test-util.ts) plus the few methods wire
// coverage needs. The Node peer (tools/peers/capnweb) serves the same interface.
#pragma once

#include <memory>

#include "reference/rpc/target.hpp"

namespace conform::reference::rpc {

std::shared_ptr<rpc_target> make_test_target();

// JavaScript's ToNumber for the values the test interface receives.
double js_number(json const& value);
// A number as the wire carries it: finite numbers literally, else ["inf"]/["-inf"]/["nan"].
json wire_number(double x);

}  // namespace conform::reference::rpc
