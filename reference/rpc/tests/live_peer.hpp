// Live Cap'n Web peers for the vector runner: a WebSocket client (one session per
// vector) and an HTTP batch POST, both with deadlines, for the end-to-end and interop
// tests. Test code only.
#pragma once

#include <cstdint>
#include <memory>

#include "reference/rpc/tests/vector_runner.hpp"

namespace conform::reference::rpc::testing {

std::unique_ptr<message_peer> connect_websocket(std::uint16_t port, std::string const& path = "/rpc");
http_reply http_batch(std::uint16_t port, std::string const& method, std::string const& body,
                      std::string const& path = "/rpc");

// Runs every vector of sessions.json for `transport` ("websocket" or "batch") against
// the peer on 127.0.0.1:port; returns "id: problem" lines, empty when all pass.
std::vector<std::string> run_session_vectors(std::uint16_t port, std::string const& transport,
                                             std::size_t* run = nullptr);

}  // namespace conform::reference::rpc::testing
