#include "conformance/rpc/tests/model_peer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "harness/websocket/frame.hpp"
#include "harness/websocket/handshake.hpp"
#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"

namespace conform::rpc_suite::testing {
namespace {

using reference::rpc::session;

constexpr char const* unsolicited = R"(["resolve",1,0])";

// The fault, applied once per connection to what the session produced.
struct breaker {
  fault mode = fault::none;
  bool used = false;
  bool silenced = false;  // an abort was dropped: the peer says nothing more

  void apply(std::vector<std::string>& out) {
    if (mode == fault::none) return;
    // It never aborts (it falls silent instead), and it loses its first real answer.
    auto const abort = std::find_if(out.begin(), out.end(), [](auto const& m) { return m.starts_with("[\"abort\""); });
    if (abort != out.end()) {
      out.erase(abort, out.end());
      used = silenced = true;
      return;
    }
    if (used) return;
    auto const it = std::find_if(out.begin(), out.end(), [](auto const& m) { return !m.starts_with("[\"release\""); });
    if (it == out.end()) return;
    used = true;
    out.erase(it);
  }
  // The peer would say nothing: the faulty one speaks once.
  bool speak_unasked() {
    if (mode == fault::none || used) return false;
    used = true;
    return true;
  }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of a header field in a request head, "" when absent.
std::string field(std::string_view head, std::string_view name) {
  auto const low = lower(head);
  auto const at = low.find("\r\n" + lower(name) + ":");
  if (at == std::string::npos) return {};
  auto start = at + 3 + name.size();
  auto const end = head.find("\r\n", start);
  while (start < end && head[start] == ' ') ++start;
  return std::string(head.substr(start, end - start));
}

std::string server_frame(std::uint8_t op, std::string_view payload) {
  ws::frame_spec f;
  f.op = op;
  f.masked = false;
  f.payload = std::string(payload);
  return ws::encode(f);
}

std::string close_payload(std::uint16_t code) {
  return {static_cast<char>(code >> 8), static_cast<char>(code & 0xff)};
}

class websocket_peer final : public net::scripted_peer {
 public:
  explicit websocket_peer(fault f) { fault_.mode = f; }

  void receive(std::string_view bytes, net::peer_reply& reply) override {
    in_ += bytes;
    if (!open_) {
      auto const end = in_.find("\r\n\r\n");
      if (end == std::string::npos) return;
      auto const key = field(in_.substr(0, end + 2), "Sec-WebSocket-Key");
      reply.bytes += "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " +
                     ws::accept_for(key) + "\r\n\r\n";
      in_.erase(0, end + 4);
      open_ = true;
    }
    while (!closed_ && take_frame(reply)) {
    }
  }

  void idle(net::peer_reply& reply) override {
    if (!closed_ && open_ && fault_.speak_unasked()) reply.bytes += server_frame(0x1, unsolicited);
  }

 private:
  // One masked client frame off the input; false when it is not all here.
  bool take_frame(net::peer_reply& reply) {
    if (in_.size() < 2) return false;
    auto const b = [this](std::size_t i) { return static_cast<std::uint8_t>(in_[i]); };
    std::uint8_t const op = b(0) & 0x0f;
    std::uint64_t len = b(1) & 0x7f;
    std::size_t at = 2;
    std::size_t const extra = len == 126 ? 2 : len == 127 ? 8 : 0;
    if (in_.size() < at + extra + 4) return false;
    if (extra) {
      len = 0;
      for (std::size_t i = 0; i < extra; ++i) len = len << 8 | b(at + i);
      at += extra;
    }
    std::size_t const key_at = at;
    at += 4;
    if (in_.size() - at < len) return false;
    std::string payload = in_.substr(at, len);
    for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<char>(payload[i] ^ in_[key_at + i % 4]);
    in_.erase(0, at + len);
    on_frame(op, payload, reply);
    return true;
  }

  void on_frame(std::uint8_t op, std::string const& payload, net::peer_reply& reply) {
    if (op == 0x8) {
      closed_ = true;
      if (!fault_.silenced) reply.bytes += server_frame(0x8, payload.substr(0, 2));
      reply.close = true;
      return;
    }
    if (op == 0x1) s_.receive(payload);
    else if (op == 0x2) s_.fail("Binary WebSocket messages are not Cap'n Web messages.");
    else return;
    auto out = s_.take_output();
    fault_.apply(out);
    if (fault_.silenced) return;
    for (auto const& m : out) reply.bytes += server_frame(0x1, m);
    if (s_.aborted()) {
      // Aborted by the client, with nothing to say: the faulty peer speaks anyway.
      if (out.empty() && fault_.speak_unasked()) reply.bytes += server_frame(0x1, unsolicited);
      closed_ = true;
      reply.bytes += server_frame(0x8, close_payload(3000));
      reply.close = true;
    }
  }

  session s_{reference::rpc::make_test_target()};
  breaker fault_;
  std::string in_;
  bool open_ = false;
  bool closed_ = false;
};

class batch_peer final : public net::scripted_peer {
 public:
  explicit batch_peer(fault f) { fault_.mode = f; }

  void receive(std::string_view bytes, net::peer_reply& reply) override {
    in_ += bytes;
    auto const end = in_.find("\r\n\r\n");
    if (answered_ || end == std::string::npos) return;
    auto const head = in_.substr(0, end + 2);
    auto const length = static_cast<std::size_t>(std::stoul("0" + field(head, "Content-Length")));
    if (in_.size() - end - 4 < length) return;
    answered_ = true;
    reply.bytes = respond(head.substr(0, head.find(' ')), in_.substr(end + 4, length));
    reply.close = true;
  }

 private:
  std::string respond(std::string const& method, std::string_view body) {
    if (method != "POST" && !fault_.speak_unasked()) return response(405, "Method Not Allowed", "");
    session s(reference::rpc::make_test_target());
    for (std::string_view rest = body; !rest.empty() && !s.aborted();) {
      auto const nl = rest.find('\n');
      s.receive(rest.substr(0, nl));
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    if (!body.empty() && body.back() == '\n') s.receive("");
    auto out = s.take_output();
    if (s.aborted()) {
      // The faulty peer hides the failure: a 200 with an answer.
      if (fault_.speak_unasked()) return response(200, "OK", unsolicited);
      return response(500, "Internal Server Error", "server error: " + s.abort_reason());
    }
    fault_.apply(out);
    std::string joined;
    for (auto const& m : out) joined += (joined.empty() ? "" : "\n") + m;
    if (out.empty() && fault_.speak_unasked()) joined = unsolicited;
    return response(200, "OK", joined);
  }

  static std::string response(int status, std::string_view reason, std::string_view body) {
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) +
           "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
           std::string(body);
  }

  breaker fault_;
  std::string in_;
  bool answered_ = false;
};

}  // namespace

std::unique_ptr<net::scripted_peer> make_websocket_peer(fault f) { return std::make_unique<websocket_peer>(f); }
std::unique_ptr<net::scripted_peer> make_batch_peer(fault f) { return std::make_unique<batch_peer>(f); }

}  // namespace conform::rpc_suite::testing
