#include "harness/rpc/channels.hpp"

#include "harness/engine/context.hpp"
#include "harness/http1/client.hpp"
#include "harness/websocket/client.hpp"

namespace conform::rpc {

std::string endpoint_path(context& cx) {
  auto const& path = cx.target_info().path;
  return path.empty() || path == "/" ? std::string("/rpc") : path;
}

websocket_channel::websocket_channel(context& cx) : cx_(cx), client_(std::make_unique<ws::client>(cx)) {}
websocket_channel::~websocket_channel() = default;

std::string websocket_channel::open() {
  ws::opening o;
  o.path = endpoint_path(cx_);
  return client_->open(o);
}

bool websocket_channel::send_text(std::string const& text) { return client_->send(ws::text_frame(text)); }

bool websocket_channel::send_binary(std::string const& bytes) {
  auto f = ws::text_frame(bytes);
  f.op = 0x2;
  return client_->send(f);
}

arrival websocket_channel::next(clock::time_point deadline) {
  using kind = ws::event::kind;
  while (!ended_) {
    auto const got = client_->collect(1, deadline);
    if (got.empty()) {
      if (client_->connection_end() == ws::ending::open) return {.what = arrival::kind::timeout};
      ended_ = true;
      break;
    }
    auto const& e = got.front();
    switch (e.what) {
      case kind::text: {
        auto parsed = json::parse(e.payload, nullptr, false);
        if (parsed.is_discarded()) return {.what = arrival::kind::not_json, .text = e.payload};
        return {.what = arrival::kind::message, .message = std::move(parsed)};
      }
      case kind::binary: return {.what = arrival::kind::binary, .text = e.payload};
      case kind::ping:
      case kind::pong: continue;  // the client answers pings itself
      case kind::close:
        ended_ = true;
        return {.what = arrival::kind::closed, .text = ws::describe(e)};
      case kind::problem: ended_ = true; return {.what = arrival::kind::failed, .text = e.payload};
    }
  }
  auto const end = client_->connection_end();
  return {.what = end == ws::ending::closed ? arrival::kind::closed : arrival::kind::failed,
          .text = end == ws::ending::closed ? "TCP closed without a close frame" : "the connection was reset or failed"};
}

void websocket_channel::close() {
  if (client_->connection_end() != ws::ending::open) return;
  // A target that closed first is answered, as RFC 6455 §5.5.1 asks.
  if (client_->target_sent_close() && !client_->harness_sent_close()) client_->send_close(ws::close_frame(1000));
  client_->close_normally();
}

batch_reply http_batch_channel::post(std::string const& method, std::string const& body) {
  auto const& t = cx_.target_info();
  h1::request r(method, endpoint_path(cx_));
  r.host(t).header("Content-Type", "text/plain;charset=UTF-8").header("Connection", "close");
  for (auto const& [name, value] : t.extra_headers) r.header(name, value);
  if (method == "POST" || !body.empty()) r.content(body);
  h1::reply reply;
  try {
    h1::client c(cx_);
    reply = c.exchange(r);
  } catch (std::exception const& e) {
    return {.answered = false, .failure = std::string("could not connect: ") + e.what()};
  }
  if (!reply.ok()) return {.answered = false, .failure = h1::describe(reply)};
  return {.answered = true, .status = reply.message.status, .body = reply.message.body};
}

}  // namespace conform::rpc
