// Cap'n Web over WebSocket at /rpc (capnweb.md §2.3): one text frame per message; an
// abort closes with 3000 and the error message (at most 123 bytes, cut on a code point
// boundary). A plain GET /rpc gets 405, as capnweb's batch helper answers non-POSTs.
// Only this file and session.cpp's /rpc dispatch include Beast's WebSocket headers.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace conform::reference {

// True when the first bytes of a connection start a request for /rpc (or /rpc?...),
// or could still turn out to; false as soon as they cannot.
enum class rpc_prefix { no, yes, undecided };
rpc_prefix classify_rpc_prefix(std::string_view first_bytes);

// Serves the connection: reads the request, upgrades (or answers 405), runs the session.
// The socket stays the HTTP session's, so its shutdown and force-close reach this one;
// `deadline(d)` arms the session's watchdog, which cancels the socket's I/O when d passes.
boost::asio::awaitable<void> serve_rpc_websocket(
    boost::asio::ip::tcp::socket& socket, std::function<void(std::chrono::milliseconds)> const& deadline);

// The close reason for an abort: the message cut to 123 UTF-8 bytes on a code point
// boundary (RFC 6455 §5.5.1 leaves 123 bytes for the reason).
std::string close_reason(std::string_view message);

}  // namespace conform::reference
