// The WebSocket opening handshake as the ws and rpc fuzzers need it: valid, plain, and
// judged by the harness's own handshake checks.
#pragma once

#include <chrono>
#include <string>

#include "harness/engine/target.hpp"
#include "harness/net/connection.hpp"

namespace conform::fuzz {

// Opens a WebSocket at the target's path on `c`; empty when it is open, else why not.
std::string open_websocket(net::connection& c, target const& t, std::chrono::steady_clock::time_point until);

}  // namespace conform::fuzz
