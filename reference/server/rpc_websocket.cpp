#include "reference/server/rpc_websocket.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>

#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"

namespace conform::reference {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

constexpr std::chrono::seconds handshake_timeout{10};
constexpr std::chrono::seconds idle_timeout{300};  // pings keep a quiet session open
constexpr std::size_t max_message = 32u * 1024 * 1024;  // capnweb's maxMessageSize

asio::awaitable<void> refuse(beast::tcp_stream& stream, http::request<http::string_body> const& req) {
  http::response<http::string_body> res{http::status::method_not_allowed, req.version()};
  res.reason("This endpoint only accepts POST requests.");
  res.set(http::field::allow, "POST");
  res.set(http::field::connection, "close");
  res.prepare_payload();
  stream.expires_after(handshake_timeout);
  co_await http::async_write(stream, res, use_tuple);
}

// Sends what the session produced; closes with 3000 after an abort.
template <class Ws>
asio::awaitable<bool> flush(Ws& ws, rpc::session& s) {
  for (auto const& m : s.take_output()) {
    ws.text(true);
    auto [ec, n] = co_await ws.async_write(asio::buffer(m), use_tuple);
    if (ec) co_return false;
  }
  if (!s.aborted()) co_return true;
  websocket::close_reason reason(websocket::close_code{3000}, close_reason(s.abort_reason()));
  co_await ws.async_close(reason, use_tuple);
  co_return false;
}

}  // namespace

rpc_prefix classify_rpc_prefix(std::string_view first) {
  for (std::string_view const want : {"GET /rpc ", "GET /rpc?"}) {
    auto const n = std::min(first.size(), want.size());
    if (first.substr(0, n) != want.substr(0, n)) continue;
    return first.size() >= want.size() ? rpc_prefix::yes : rpc_prefix::undecided;
  }
  return rpc_prefix::no;
}

std::string close_reason(std::string_view message) {
  if (message.size() <= 123) return std::string(message);
  std::size_t cut = 123;
  while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
  return std::string(message.substr(0, cut));
}

asio::awaitable<void> serve_rpc_websocket(asio::ip::tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(0);
  stream.expires_after(handshake_timeout);
  auto [read_ec, read_n] = co_await http::async_read(stream, buffer, parser, use_tuple);
  if (read_ec) co_return;
  auto req = parser.release();
  if (!websocket::is_upgrade(req)) co_return co_await refuse(stream, req);

  stream.expires_never();
  websocket::stream<beast::tcp_stream> ws(std::move(stream));
  websocket::stream_base::timeout t{handshake_timeout, idle_timeout, true};
  ws.set_option(t);
  ws.read_message_max(max_message);
  auto [accept_ec] = co_await ws.async_accept(req, use_tuple);
  if (accept_ec) co_return;

  rpc::session s(rpc::make_test_target());
  beast::flat_buffer frame;
  for (;;) {
    auto [ec, n] = co_await ws.async_read(frame, use_tuple);
    if (ec) {
      auto const& cr = ws.reason();
      s.close("Peer closed WebSocket: " + std::to_string(cr.code) + " " + std::string(cr.reason.data(), cr.reason.size()));
      co_return;
    }
    std::string const text = beast::buffers_to_string(frame.data());
    frame.consume(frame.size());
    if (ws.got_binary()) {
      s.fail("Binary WebSocket messages are not Cap'n Web messages.");
    } else {
      s.receive(text);
    }
    if (!co_await flush(ws, s)) co_return;
  }
}

}  // namespace conform::reference
