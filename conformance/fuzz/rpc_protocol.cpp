#include "conformance/fuzz/rpc_protocol.hpp"

#include "conformance/fuzz/ws_open.hpp"
#include "harness/http1/response_reader.hpp"
#include "harness/net/connection.hpp"
#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"

namespace conform::fuzz {
namespace {

using clock = std::chrono::steady_clock;

constexpr std::string_view square_call = "[\"push\",[\"pipeline\",0,[\"square\"],[3]]]\n[\"pull\",1]";

bool websocket(target const& t) { return t.scheme == "ws" || t.scheme == "wss"; }

class rpc_protocol final : public protocol {
 public:
  std::string_view suite() const override { return "rpc"; }

  std::vector<std::string> seeds(target const&) const override {
    return {
        std::string(square_call),
        R"(["push",["pipeline",0,["makeCounter"],[5]]])" "\n" R"(["push",["pipeline",1,["increment"],[2]]])" "\n" R"(["pull",2])",
        R"(["push",["pipeline",0,["callSquare"],[["import",0],3]]])" "\n" R"(["pull",1])",
        R"(["push",["pipeline",0,["throwError"],[]]])" "\n" R"(["pull",1])",
        R"(["push",["pipeline",0,["echo"],[[[["date",0],["bigint","12"],["bytes","aGk"],["undefined"],["inf"]]]]]])" "\n" R"(["pull",1])",
        R"(["push",["pipeline",0,["generateFibonacci"],[10]]])" "\n" R"(["pull",1])" "\n" R"(["release",1,1])",
        R"(["push",["pipeline",0,["returnUndefined"],[]]])" "\n" R"(["pull",1])",
    };
  }

  std::string mutate(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) const override {
    return mutate_rpc(input, seeds, rng);
  }

  std::vector<std::string> units(std::string_view input) const override { return rpc_units(input); }

  observation exchange(std::string_view input, target const& t, connector const& connect, transcript& log,
                       std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    auto c = connect(t, {.alpn = {"http/1.1"}}, log, until);
    observation seen;
    if (websocket(t)) over_websocket(*c, t, input, until, seen, false);
    else over_batch(*c, t, input, until, seen);
    c->close();
    return seen;
  }

  std::string health(target const& t, connector const& connect, transcript& log,
                     std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    std::string why;
    auto c = health_connection(t, connect, {.alpn = {"http/1.1"}}, log, until, why);
    if (!c) return why;
    observation seen;
    if (websocket(t)) over_websocket(*c, t, square_call, until, seen, true);
    else over_batch(*c, t, square_call, until, seen);
    if (seen.violation) return *seen.violation;
    if (seen.responses.find('9') == std::string::npos) return "square(3) was not answered with 9";
    return {};
  }

 private:
  // Notes one message from the peer; false when it is no Cap'n Web message.
  static bool take_message(std::string_view text, observation& seen) {
    if (auto const why = judge_rpc_message(text); !why.empty()) {
      seen.violation = why + ": " + std::string(text.substr(0, 200));
      return false;
    }
    // The answer's shape: the message type's letter, and the square's result marked.
    seen.responses += text.size() > 2 ? static_cast<char>(text[2]) : '?';
    if (text == "[\"resolve\",1,9]") seen.responses += '9';
    return true;
  }

  static void over_websocket(net::connection& c, target const& t, std::string_view input, clock::time_point until,
                             observation& seen, bool stop_at_square) {
    if (auto const why = open_websocket(c, t, until); !why.empty()) {
      seen.violation = why;
      return;
    }
    std::string bytes;
    for (auto const& message : rpc_units(input)) {
      auto const text = message.ends_with('\n') ? std::string_view(message).substr(0, message.size() - 1) : std::string_view(message);
      bytes += ws::encode(ws::text_frame(text));
    }
    if (!stop_at_square) bytes += ws::encode(ws::close_frame(1000));
    if (c.write(bytes, until) == net::io_status::ok && !stop_at_square) c.shutdown_send();
    ws::frame_reader reader(16u << 20);
    for (;;) {
      auto const r = c.read_some(until);
      if (r.status != net::io_status::ok) {
        seen.end = ending_of(r.status);
        return;
      }
      seen.received += r.bytes.size();
      reader.feed(r.bytes);
      ws::frame f;
      for (auto st = reader.next(f); st != ws::frame_reader::state::need_more; st = reader.next(f)) {
        if (st == ws::frame_reader::state::failed) {
          seen.violation = "unreadable frames: " + reader.error();
          return;
        }
        if (f.op == 0x8) {  // the close handshake ends the exchange
          seen.answered = true;
          seen.end = observation::ending::closed;
          return;
        }
        if (f.op == 0x1 && !take_message(f.payload, seen)) return;
        if (stop_at_square && seen.responses.find('9') != std::string::npos) {
          seen.answered = true;
          return;
        }
      }
    }
  }

  static void over_batch(net::connection& c, target const& t, std::string_view input, clock::time_point until,
                         observation& seen) {
    std::string request = "POST " + t.path + " HTTP/1.1\r\nHost: " + t.authority() +
                          "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " + std::to_string(input.size()) +
                          "\r\n\r\n";
    request += input;
    if (c.write(request, until) == net::io_status::ok) c.shutdown_send();
    h1::response_reader reader;
    while (reader.current() == h1::response_reader::state::need_more) {
      auto const r = c.read_some(until);
      if (r.status == net::io_status::ok) {
        seen.received += r.bytes.size();
        reader.feed(r.bytes);
        continue;
      }
      if (r.status == net::io_status::eof && reader.started()) reader.end_of_input();
      seen.end = ending_of(r.status);
      if (reader.current() == h1::response_reader::state::need_more) return;
    }
    if (reader.current() == h1::response_reader::state::failed) {
      seen.violation = "unreadable HTTP response to the batch: " + reader.error();
      return;
    }
    seen.answered = true;
    seen.end = observation::ending::closed;
    auto const response = reader.take();
    if (response.status != 200) {
      seen.responses += std::to_string(response.status);
      return;
    }
    std::string_view body = response.body;
    while (!body.empty()) {
      auto const nl = body.find('\n');
      if (!take_message(body.substr(0, nl), seen)) return;
      if (nl == std::string_view::npos) break;
      body.remove_prefix(nl + 1);
    }
  }
};

}  // namespace

std::unique_ptr<protocol> make_rpc_protocol() { return std::make_unique<rpc_protocol>(); }

}  // namespace conform::fuzz
