// Who serves a connection after it switched protocols (http1::connection::upgrade_ready):
// one row per protocol, by path, for plain and TLS streams. Internal to the transport.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>

#include "reference/http1/request.hpp"

namespace conform::reference {

class worker;
using tls_stream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket&>;

// Runs the protocol `req` switched to until the connection ends. `unread` holds bytes
// the client sent behind its request, before it could have seen our answer.
boost::asio::awaitable<void> serve_upgraded(boost::asio::ip::tcp::socket& stream, http1::request const& req,
                                            std::string_view unread, worker& w);
boost::asio::awaitable<void> serve_upgraded(tls_stream& stream, http1::request const& req, std::string_view unread,
                                            worker& w);

}  // namespace conform::reference
