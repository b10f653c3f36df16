#include "conformance/fuzz/ws_protocol.hpp"

#include "conformance/fuzz/ws_open.hpp"

#include "harness/net/connection.hpp"
#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/utf8.hpp"

namespace conform::fuzz {
namespace {

using clock = std::chrono::steady_clock;

// RFC 6455 §7.4.1, §7.4.2. Codes from 5000 up are outside every range the RFC defines;
// Autobahn grades them informational (7.13.x), so they are not judged here either.
bool valid_close_code(std::uint16_t code) {
  if (code >= 3000) return true;
  return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006;
}

// What is wrong with a frame a server sent, or empty (RFC 6455 §5.1–§5.6, §7.4).
std::string judge_frame(ws::frame const& f) {
  if (f.masked) return "a masked frame from the server: " + f.describe();
  if (f.rsv) return "RSV bits set without a negotiated extension: " + f.describe();
  if ((f.op > 2 && f.op < 8) || f.op > 10) return "a reserved opcode: " + f.describe();
  if (ws::is_control(f.op) && (!f.fin || f.payload.size() > 125))
    return "a control frame fragmented or longer than 125 octets: " + f.describe();
  if (f.op == 0x8 && f.payload.size() == 1) return "a close frame with a one-octet payload";
  if (auto const code = ws::close_code_of(f.payload); f.op == 0x8 && code && !valid_close_code(*code))
    return "a close frame with code " + std::to_string(*code) + ", which no endpoint may send";
  return {};
}

class ws_protocol final : public protocol {
 public:
  std::string_view suite() const override { return "ws"; }

  std::vector<std::string> seeds(target const&) const override {
    std::vector<std::vector<ws::frame_spec>> const sequences = {
        {ws::text_frame("Hello")},
        {ws::binary_frame(std::string("\x00\x01\xfe\xff", 4))},
        {ws::text_frame("Hel", false), ws::continuation_frame("lo", true)},
        {ws::text_frame("frag", false), ws::control_frame(ws::opcode::ping, "p"), ws::continuation_frame("ment", true)},
        {ws::control_frame(ws::opcode::ping, "ping")},
        {ws::control_frame(ws::opcode::pong, "unasked")},
        {ws::text_frame("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5")},
        {ws::text_frame(std::string(126, 'a'))},
        {ws::binary_frame(std::string(70000, 'b'))},
        {ws::close_frame(1000, "bye")},
        {ws::empty_close_frame()},
    };
    std::vector<std::string> out;
    for (auto const& s : sequences) {
      std::string bytes;
      for (auto const& f : s) bytes += ws::encode(f);
      out.push_back(std::move(bytes));
    }
    return out;
  }

  std::string mutate(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) const override {
    return mutate_ws(input, seeds, rng);
  }

  std::vector<std::string> units(std::string_view input) const override { return ws_units(input); }

  observation exchange(std::string_view input, target const& t, connector const& connect, transcript& log,
                       std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    auto c = connect(t, {.alpn = {"http/1.1"}}, log, until);
    observation seen;
    if (auto const why = open_websocket(*c, t, until); !why.empty()) {
      seen.violation = why;
      return seen;
    }
    // Our close ends every input, so a compliant target always has something to do.
    std::string bytes(input);
    bytes += ws::encode(ws::close_frame(1000));
    // Then our half-close: a target still waiting inside a frame whose length lied must
    // see the end of input and close, else it is a hang.
    if (c->write(bytes, until) == net::io_status::ok) c->shutdown_send();
    read_frames(*c, until, seen);
    c->close();
    return seen;
  }

  std::string health(target const& t, connector const& connect, transcript& log,
                     std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    std::string why;
    auto c = health_connection(t, connect, {.alpn = {"http/1.1"}}, log, until, why);
    if (!c) return why;
    why = open_websocket(*c, t, until);
    return why.empty() ? why : "no WebSocket any more: " + why;
  }

 private:
  static void read_frames(net::connection& c, clock::time_point until, observation& seen) {
    ws::frame_reader reader(16u << 20);
    std::string message;  // "t" or "b", then the payload so far
    for (;;) {
      auto const r = c.read_some(until);
      if (r.status != net::io_status::ok) {
        seen.end = ending_of(r.status);
        return;
      }
      seen.received += r.bytes.size();
      seen.answered = true;
      reader.feed(r.bytes);
      ws::frame f;
      for (auto st = reader.next(f); st != ws::frame_reader::state::need_more; st = reader.next(f)) {
        if (st == ws::frame_reader::state::failed) {
          seen.violation = "unreadable frames: " + reader.error();
          return;
        }
        if (auto const why = judge_frame(f); !why.empty()) {
          seen.violation = why;
          return;
        }
        if (f.op == 0x8) {
          seen.responses += 'C';
          seen.end = observation::ending::closed;  // the close handshake is the end we wait for
          return;
        }
        if (ws::is_control(f.op)) continue;
        if (f.op != 0) message = f.op == 0x1 ? "t" : "b";
        if (message.empty()) {
          seen.violation = "a continuation frame with no message to continue";
          return;
        }
        message += f.payload;
        if (!f.fin) continue;
        if (message[0] == 't' && !ws::is_valid_utf8(std::string_view(message).substr(1))) {
          seen.violation = "a text message that is not UTF-8 (RFC 6455 §8.1): the target echoed what it had to refuse";
          return;
        }
        seen.responses += 'A';
        message.clear();
      }
    }
  }
};

}  // namespace

std::unique_ptr<protocol> make_ws_protocol() { return std::make_unique<ws_protocol>(); }

}  // namespace conform::fuzz
