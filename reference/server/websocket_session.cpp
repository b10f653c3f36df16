// The /ws echo endpoint on Boost.Beast (RFC 6455, RFC 7692). The opening handshake was
// already checked by reference/websocket/opening_handshake.cpp; Beast answers it,
// negotiates permessage-deflate and enforces the framing rules (masking, RSV bits,
// opcodes, control frames, fragmentation, UTF-8, close codes and reasons), failing
// the connection with the close code RFC 6455 §7.4.1 names.
#include "reference/server/websocket_session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "reference/server/worker.hpp"

namespace conform::reference {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

beast::http::request<beast::http::empty_body> beast_request(http1::request const& req) {
  beast::http::request<beast::http::empty_body> r;
  r.method_string(req.method_text());
  r.target(req.target());
  r.version(req.version());
  for (std::size_t i = 0; i < req.field_count(); ++i) r.insert(req.field_name(i), req.field_value(i));
  return r;
}

template <class Stream>
void configure(websocket::stream<Stream&>& ws, websocket_limits const& limits) {
  websocket::permessage_deflate pmd;
  pmd.server_enable = limits.permessage_deflate;
  pmd.server_max_window_bits = 15;
  pmd.client_max_window_bits = 15;
  pmd.msg_size_threshold = 0;
  // Beast's default level 8 spends most of an echo in longest_match; level 1 is
  // zlib's fast path, and a conformance peer needs valid output, not small output.
  pmd.compLevel = 1;
  ws.set_option(pmd);
  ws.set_option(websocket::stream_base::timeout{limits.handshake, limits.idle, false});
  ws.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(beast::http::field::server, "conform-reference"); }));
  ws.read_message_max(limits.max_message);
  ws.auto_fragment(false);
}

template <class Stream>
asio::awaitable<void> serve(Stream& stream, http1::request const& req, std::string_view unread, worker& w) {
  // RFC 6455 §4.1: a client waits for our answer before sending frames; bytes behind
  // the request came too early and could only be misread.
  if (!unread.empty()) co_return;
  websocket::stream<Stream&> ws(stream);
  configure(ws, w.websocket());
  auto [ec] = co_await ws.async_accept(beast_request(req), use_tuple);
  if (ec) co_return;
  beast::flat_buffer message;
  for (;;) {
    auto [read_ec, n] = co_await ws.async_read(message, use_tuple);
    // Closed by the peer, or failed by Beast with its close frame already sent.
    if (read_ec) co_return;
    ws.text(ws.got_text());
    auto [write_ec, written] = co_await ws.async_write(message.data(), use_tuple);
    if (write_ec) co_return;
    message.consume(message.size());
  }
}

}  // namespace

asio::awaitable<void> serve_websocket(asio::ip::tcp::socket& stream, http1::request const& req,
                                      std::string_view unread, worker& w) {
  return serve(stream, req, unread, w);
}

asio::awaitable<void> serve_websocket(tls_stream& stream, http1::request const& req, std::string_view unread,
                                      worker& w) {
  return serve(stream, req, unread, w);
}

}  // namespace conform::reference
