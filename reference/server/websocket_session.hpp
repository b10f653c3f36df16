// The /ws endpoint's transport: Boost.Beast's websocket stream over the connection the
// HTTP/1.1 session handed over, echoing every message (RFC 6455). Internal.
#pragma once

#include <string_view>

#include "reference/server/upgrade_dispatch.hpp"

namespace conform::reference {

boost::asio::awaitable<void> serve_websocket(boost::asio::ip::tcp::socket& stream, http1::request const& req,
                                             std::string_view unread, worker& w);
boost::asio::awaitable<void> serve_websocket(tls_stream& stream, http1::request const& req, std::string_view unread,
                                             worker& w);

}  // namespace conform::reference
