// In-memory Cap'n Web peers for the rpc suite's self-tests: the reference's sans-I/O
// session serving the test interface, behind a minimal scripted WebSocket server (one
// text frame per message, close 3000 after an abort) or HTTP batch server (one POST,
// one session, 500 on abort). The faulty variant breaks exactly one thing per
// connection: the first non-release message the session produces is dropped, an abort
// is never sent (the peer falls silent instead), and a peer that would say nothing at
// all says something.
#pragma once

#include <memory>

#include "harness/net/memory_connection.hpp"

namespace conform::rpc_suite::testing {

enum class fault { none, first_message };

std::unique_ptr<net::scripted_peer> make_websocket_peer(fault f);
std::unique_ptr<net::scripted_peer> make_batch_peer(fault f);

}  // namespace conform::rpc_suite::testing
