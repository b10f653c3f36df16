#include "reference/server/rpc_websocket.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
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

using deadline_fn = std::function<void(std::chrono::milliseconds)>;
using ws_stream = websocket::stream<asio::ip::tcp::socket&>;

constexpr std::chrono::milliseconds handshake_timeout{10'000};  // request, upgrade, each write
constexpr std::chrono::milliseconds idle_timeout{300'000};      // longest wait for a message
constexpr std::size_t max_message = 32u * 1024 * 1024;           // capnweb's maxMessageSize

asio::awaitable<void> refuse(asio::ip::tcp::socket& socket, http::request<http::string_body> const& req,
                             deadline_fn const& deadline) {
  http::response<http::string_body> res{http::status::method_not_allowed, req.version()};
  res.reason("This endpoint only accepts POST requests.");
  res.set(http::field::allow, "POST");
  res.set(http::field::connection, "close");
  res.prepare_payload();
  deadline(handshake_timeout);
  co_await http::async_write(socket, res, use_tuple);
}

// Sends what the session produced; closes with 3000 after an abort.
asio::awaitable<bool> flush(ws_stream& ws, rpc::session& s, deadline_fn const& deadline) {
  for (auto const& m : s.take_output()) {
    ws.text(true);
    deadline(handshake_timeout);
    auto [ec, n] = co_await ws.async_write(asio::buffer(m), use_tuple);
    if (ec) co_return false;
  }
  if (!s.aborted()) co_return true;
  websocket::close_reason reason(websocket::close_code{3000}, close_reason(s.abort_reason()));
  deadline(handshake_timeout);
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

asio::awaitable<void> serve_rpc_websocket(asio::ip::tcp::socket& socket, deadline_fn const& deadline) {
  beast::flat_buffer buffer;
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(0);
  deadline(handshake_timeout);
  auto [read_ec, read_n] = co_await http::async_read(socket, buffer, parser, use_tuple);
  if (read_ec) co_return;
  auto req = parser.release();
  if (!websocket::is_upgrade(req)) co_return co_await refuse(socket, req, deadline);

  ws_stream ws(socket);
  ws.read_message_max(max_message);
  deadline(handshake_timeout);
  auto [accept_ec] = co_await ws.async_accept(req, use_tuple);
  if (accept_ec) co_return;

  rpc::session s(rpc::make_test_target());
  beast::flat_buffer frame;
  for (;;) {
    deadline(idle_timeout);
    auto [ec, n] = co_await ws.async_read(frame, use_tuple);
    if (ec) {
      auto const& cr = ws.reason();
      s.close("Peer closed WebSocket: " + std::to_string(cr.code) + " " +
              std::string(cr.reason.data(), cr.reason.size()));
      co_return;
    }
    std::string const text = beast::buffers_to_string(frame.data());
    frame.consume(frame.size());
    if (ws.got_binary()) {
      s.fail("Binary WebSocket messages are not Cap'n Web messages.");
    } else {
      s.receive(text);
    }
    if (!co_await flush(ws, s, deadline)) co_return;
  }
}

}  // namespace conform::reference
