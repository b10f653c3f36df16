#include "conformance/fuzz/h2_protocol.hpp"

#include "harness/http2/frame_builder.hpp"
#include "harness/http2/frame_reader.hpp"
#include "harness/http2/hpack_encoder.hpp"
#include "harness/http2/hpack_inflater.hpp"
#include "harness/net/connection.hpp"

namespace conform::fuzz {
namespace {

using clock = std::chrono::steady_clock;
namespace type = h2::frame_type;

constexpr std::string_view final_ping = "fuzzend!";

// The largest header table any SETTINGS of ours allowed: the target's encoder may use
// up to that much, so the inflater accepts it.
std::uint32_t largest_table_offered(std::string_view input) {
  std::uint32_t largest = 4096;
  for (auto const& unit : h2_units(input)) {
    if (unit.size() < 9 || static_cast<std::uint8_t>(unit[3]) != type::settings) continue;
    for (std::size_t i = 9; i + 6 <= unit.size(); i += 6) {
      auto const b = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(unit[k])); };
      if (((b(i) << 8) | b(i + 1)) == h2::setting::header_table_size)
        largest = std::max(largest, (b(i + 2) << 24) | (b(i + 3) << 16) | (b(i + 4) << 8) | b(i + 5));
    }
  }
  return largest;
}

// What is wrong with a frame the target sent, or empty (RFC 9113 §6).
std::string judge_frame(h2::frame const& f) {
  bool const connection_level = f.type == type::settings || f.type == type::ping || f.type == type::goaway;
  bool const stream_level = f.type == type::data || f.type == type::headers || f.type == type::continuation ||
                            f.type == type::rst_stream || f.type == type::priority || f.type == type::push_promise;
  if (connection_level && f.stream_id != 0) return h2::frame_type_name(f.type) + " on stream " + std::to_string(f.stream_id) + " (RFC 9113 §6)";
  if (stream_level && f.stream_id == 0) return h2::frame_type_name(f.type) + " on stream 0 (RFC 9113 §6)";
  if (f.type == type::settings && f.has(h2::flag::ack) && !f.payload.empty()) return "a SETTINGS ACK with a payload (RFC 9113 §6.5)";
  if (f.type == type::settings && f.payload.size() % 6) return "a SETTINGS payload that is not a multiple of 6 octets (RFC 9113 §6.5)";
  if (f.type == type::window_update && f.window_increment() == 0u) return "a WINDOW_UPDATE of 0 (RFC 9113 §6.9)";
  return {};
}

class h2_protocol final : public protocol {
 public:
  std::string_view suite() const override { return "h2"; }

  std::vector<std::string> seeds(target const& t) const override {
    auto const block = [&](std::string_view method, bool body) {
      h2::hpack_block b;
      b.fields(h2::request_fields(method, "/", t.authority(), t.tls ? "https" : "http",
                                  body ? h2::field_list{{"content-length", "5"}} : h2::field_list{}));
      return b.bytes();
    };
    auto const hello = h2::settings({{h2::setting::enable_push, 0}}).bytes();
    auto const get = block("GET", false);
    return {
        hello + h2::headers(1, get).bytes(),
        hello + h2::headers(1, block("POST", true), false).bytes() + h2::data(1, "hello", true).bytes(),
        hello + h2::headers(1, get.substr(0, 2), true, false).bytes() + h2::continuation(1, get.substr(2)).bytes(),
        hello + h2::headers(1, get).bytes() + h2::rst_stream(1, h2::error_code::cancel).bytes() + h2::headers(3, get).bytes(),
        hello + h2::settings({{h2::setting::initial_window_size, 1}}).bytes() + h2::headers(1, get).bytes() +
            h2::window_update(1, 100).bytes() + h2::window_update(0, 100).bytes(),
        hello + h2::priority(1, 0).bytes() + h2::headers(1, get).bytes() + h2::ping().bytes(),
        hello + h2::settings_ack().bytes() + h2::goaway(0, 0).bytes(),
    };
  }

  std::string mutate(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) const override {
    return mutate_h2(input, seeds, rng);
  }

  std::vector<std::string> units(std::string_view input) const override { return h2_units(input); }

  observation exchange(std::string_view input, target const& t, connector const& connect, transcript& log,
                       std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    auto c = connect(t, {.alpn = {"h2"}}, log, until);
    std::string bytes(h2::client_preface);
    bytes += input;
    bytes += h2::ping(final_ping).bytes();  // answered while the connection lives
    observation seen;
    if (c->write(bytes, until) == net::io_status::ok) c->shutdown_send();
    read_frames(*c, largest_table_offered(input), until, seen);
    c->close();
    return seen;
  }

  std::string health(target const& t, connector const& connect, transcript& log,
                     std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    std::string why;
    auto c = health_connection(t, connect, {.alpn = {"h2"}}, log, until, why);
    if (!c) return why;
    std::string const hello = std::string(h2::client_preface) + h2::settings().bytes() + h2::ping(final_ping).bytes();
    if (c->write(hello, until) != net::io_status::ok) return "could not send the preface: " + c->last_error();
    observation seen;
    read_frames(*c, 4096, until, seen, true);
    if (seen.violation) return *seen.violation;
    if (!seen.answered) return "no answer to a PING after the preface within " + std::to_string(deadline.count()) + " ms";
    return {};
  }

 private:
  // The answer's shape for the corpus: frame kinds in order, error codes included,
  // flow-control chatter left out.
  static void note_shape(h2::frame const& f, std::string& shape) {
    if (f.type == type::window_update || shape.size() > 64) return;
    static constexpr char letters[] = "DHPRSUIGWC";
    std::string letter(1, f.type < 10 ? letters[f.type] : 'X');
    if (f.type == type::rst_stream && f.rst_code()) letter += std::to_string(static_cast<int>(*f.rst_code()));
    if (f.type == type::goaway && f.goaway()) letter += std::to_string(static_cast<int>(f.goaway()->code));
    if (!shape.ends_with(letter)) shape += letter;
  }

  // Reads until the target closes or the deadline; with `until_answered`, only until
  // the ACK of our last PING (or a GOAWAY).
  static void read_frames(net::connection& c, std::uint32_t table, clock::time_point until, observation& seen,
                          bool until_answered = false) {
    h2::frame_reader reader(16777215);
    h2::hpack_inflater inflater;
    inflater.set_max_table_size(table);
    std::string block;  // a header block still arriving (HEADERS, then CONTINUATION)
    for (;;) {
      auto const r = c.read_some(until);
      if (r.status != net::io_status::ok) {
        seen.end = ending_of(r.status);
        return;
      }
      seen.received += r.bytes.size();
      reader.feed(r.bytes);
      h2::frame f;
      for (auto st = reader.next(f); st != h2::frame_reader::status::need_more; st = reader.next(f)) {
        if (st == h2::frame_reader::status::error) {
          seen.violation = reader.saw_http1() ? "answered the HTTP/2 preface with HTTP/1.1: not an h2c target (https:// "
                                                "URLs negotiate h2 by ALPN)"
                                              : "unreadable frames: " + reader.error();
          return;
        }
        if (auto const why = judge_frame(f); !why.empty()) {
          seen.violation = why;
          return;
        }
        note_shape(f, seen.responses);
        if (f.type == type::goaway) seen.answered = true;
        if (f.type == type::ping && f.has(h2::flag::ack) && f.payload == final_ping) seen.answered = true;
        if (seen.answered && until_answered) return;
        if (f.type == type::headers || f.type == type::push_promise || f.type == type::continuation) {
          block += f.payload;
          if (!f.has(h2::flag::end_headers)) continue;
          auto const fields = inflater.inflate(block);
          block.clear();
          if (!fields.ok()) {
            seen.violation = "a header block nghttp2 cannot decode: " + fields.error;
            return;
          }
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<protocol> make_h2_protocol() { return std::make_unique<h2_protocol>(); }

}  // namespace conform::fuzz
