#include "reference/server/upgrade_dispatch.hpp"

#include "reference/server/websocket_session.hpp"

namespace conform::reference {
namespace {

using tcp_socket = boost::asio::ip::tcp::socket;

struct upgrade_transport {
  std::string_view path;
  boost::asio::awaitable<void> (*plain)(tcp_socket&, http1::request const&, std::string_view, worker&);
  boost::asio::awaitable<void> (*tls)(tls_stream&, http1::request const&, std::string_view, worker&);
};

// The paths of reference/http1/upgrade.cpp, with the transport that takes over.
upgrade_transport const transports[] = {
    {"/ws", &serve_websocket, &serve_websocket},
};

upgrade_transport const* find(std::string_view path) {
  for (auto const& t : transports)
    if (t.path == path) return &t;
  return nullptr;
}

}  // namespace

boost::asio::awaitable<void> serve_upgraded(tcp_socket& stream, http1::request const& req, std::string_view unread,
                                            worker& w) {
  if (auto const* t = find(req.path())) co_await t->plain(stream, req, unread, w);
}

boost::asio::awaitable<void> serve_upgraded(tls_stream& stream, http1::request const& req, std::string_view unread,
                                            worker& w) {
  if (auto const* t = find(req.path())) co_await t->tls(stream, req, unread, w);
}

}  // namespace conform::reference
