// The Cap'n Web RPC suite (capnweb 0.12 wire protocol, shared/protocols/capnweb.md): one
// case per session vector of conformance/vectors/rpc/sessions.json (docs/rpc-vectors.md),
// played by the harness's own driver (harness/rpc/) over WebSocket on ws(s):// targets
// and over HTTP batch on http(s):// targets. The target serves the test interface
// (docs/rpc-test-interface.md) at its URL's path, or at /rpc when the URL names none.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "harness/engine/case.hpp"

namespace conform::rpc_suite {

suite make_suite();

// One table per section of the vector file, in file order.
std::vector<std::span<case_def const>> session_tables();  // session_cases.cpp

// The transport a target's scheme selects: "websocket" (ws, wss) or "batch" (http, https).
std::string_view transport_of(target const& t);

// Whether the target answers square(3) with 9 on its Cap'n Web endpoint.
probe_report probe(context& cx);

}  // namespace conform::rpc_suite
