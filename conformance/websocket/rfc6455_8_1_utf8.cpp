// RFC 6455 §8.1 and §5.6: text messages are UTF-8; invalid UTF-8 fails the connection
// (close 1007), preferably as soon as the invalid octet arrives. Autobahn|Testsuite
// group 6: 6.1–6.4 here, the stress sequences 6.5–6.23 built from utf8_sequences.cpp.
#include <deque>

#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/utf8_sequences.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

constexpr std::string_view kosme = "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5";
constexpr std::string_view hello_utf8 = "Hello-\xc2\xb5@\xc3\x9f\xc3\xb6\xc3\xa4\xc3\xbc\xc3\xa0\xc3\xa1-UTF-8!!";
constexpr std::string_view invalid_text = "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80\x65\x64\x69\x74\x65\x64";

// A text message split into frames at `cuts` (octet offsets).
std::vector<frame_spec> fragments(std::string_view text, std::vector<std::size_t> cuts) {
  std::vector<frame_spec> out;
  std::size_t at = 0;
  cuts.push_back(text.size());
  for (auto cut : cuts) {
    out.push_back(ws::data_frame(out.empty() ? 1 : 0, text.substr(at, cut - at), cut == text.size()));
    at = cut;
  }
  return out;
}

std::vector<std::size_t> every_octet(std::string_view text) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < text.size(); ++i) cuts.push_back(i);
  return cuts;
}

outcome empty_text(context& cx) { return run(cx, {.frames = {ws::text_frame("")}, .expect = {ws::text_event("")}}); }
outcome empty_fragments(context& cx) {
  return run(cx, {.frames = {ws::text_frame("", false), ws::continuation_frame("", false), ws::continuation_frame("", true)},
                  .expect = {ws::text_event("")}});
}
outcome empty_outer_fragments(context& cx) {
  return run(cx, {.frames = {ws::text_frame("", false), ws::continuation_frame("middle frame payload", false),
                             ws::continuation_frame("", true)},
                  .expect = {ws::text_event("middle frame payload")}});
}
outcome valid_one_frame(context& cx) {
  return run(cx, {.frames = {ws::text_frame(hello_utf8)}, .expect = {ws::text_event(hello_utf8)}});
}
outcome valid_split_on_code_point(context& cx) {
  return run(cx, {.frames = fragments(hello_utf8, {15}), .expect = {ws::text_event(hello_utf8)}});
}
outcome valid_split_every_octet(context& cx) {
  return run(cx, {.frames = fragments(hello_utf8, every_octet(hello_utf8)), .expect = {ws::text_event(hello_utf8)}});
}
outcome kosme_split_every_octet(context& cx) {
  return run(cx, {.frames = fragments(kosme, every_octet(kosme)), .expect = {ws::text_event(kosme)}});
}
outcome invalid_one_frame(context& cx) {
  return run(cx, {.frames = {ws::text_frame(invalid_text)}, .then = script::ending::fail, .codes = {1007}});
}
outcome invalid_every_octet(context& cx) {
  return run(cx, {.frames = fragments(invalid_text, every_octet(invalid_text)), .then = script::ending::fail,
                  .codes = {1007}});
}

// Autobahn 6.4.x: the invalid octets arrive, then a pause; a fail-fast target fails the
// connection in the pause, a lenient one only once the message is complete (WARN).
struct fail_fast_row {
  std::string_view name;
  std::string_view part1, part2, part3;
  bool as_frames;  // three fragments; else one frame written in three chops
};
constexpr fail_fast_row fail_fast_rows[] = {
    {"fail-fast-fragments", kosme, "\xf4\x90\x80\x80", "edited", true},
    {"fail-fast-fragments-in-code-point", "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xf4", "\x90", "\x80\x80" "edited",
     true},
    {"fail-fast-chops", kosme, "\xf4\x90\x80\x80", "edited", false},
    {"fail-fast-chops-in-code-point", "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xf4", "\x90", "\x80\x80" "edited",
     false},
};

outcome fail_fast(context& cx) {
  auto const& r = row_for(cx, fail_fast_rows);
  ws::client c(cx);
  if (auto e = open_or_error(c)) return *e;
  std::string const whole = std::string(r.part1) + std::string(r.part2) + std::string(r.part3);
  std::string wire;
  if (r.as_frames) {
    c.send_frames({ws::text_frame(r.part1, false), ws::continuation_frame(r.part2, false)});
  } else {
    wire = c.wire(ws::text_frame(whole));
    auto const head = wire.size() - whole.size();
    c.send_bytes(wire.substr(0, head + r.part1.size()));
    c.send_bytes(wire.substr(head + r.part1.size(), r.part2.size()));
  }
  script const s{.then = script::ending::fail, .codes = {1007}};
  auto seen = c.until_closed(cx.deadline_in(std::chrono::milliseconds(1000)));
  if (c.connection_end() != ws::ending::open || c.target_sent_close()) return judge(c, s, seen);
  if (r.as_frames) c.send_frames({ws::continuation_frame(r.part3, true)});
  else c.send_bytes(wire.substr(wire.size() - r.part3.size()));
  seen = c.until_closed();
  auto late = judge(c, s, seen);
  if (late.what != outcome::kind::pass) return late;
  auto o = warn("the connection failed as soon as the invalid octets arrived",
                "it failed only after the rest of the message came, 1 s later");
  o.close = late.close;
  return o;
}

constexpr std::string_view utf8_rule =
    "When an endpoint is to interpret a byte stream as UTF-8 but finds that the byte stream is not, in fact, a valid "
    "UTF-8 stream, that endpoint MUST _Fail the WebSocket Connection_.";
constexpr std::string_view text_rule =
    "The \"Payload data\" is text data encoded as UTF-8. Note that a particular text frame might include a partial "
    "UTF-8 sequence; however, the whole message MUST contain valid UTF-8.";

case_def make(std::string_view id, std::string_view title, std::string_view rule, std::string_view autobahn,
              case_body body, requirement_level level = requirement_level::must) {
  return {.id = id, .section = "RFC 6455 §8.1", .level = level, .title = title, .requirement = rule,
          .see_also = {autobahn}, .needs = {capability::websocket}, .run = body};
}

case_def const cases[] = {
    make("ws/utf8/empty-text", "an empty text message is echoed", text_rule, "autobahn:6.1.1", empty_text),
    make("ws/utf8/empty-fragments", "a text message of three empty fragments is echoed", text_rule, "autobahn:6.1.2",
         empty_fragments),
    make("ws/utf8/empty-outer-fragments", "a text message with empty first and last fragments is echoed", text_rule,
         "autobahn:6.1.3", empty_outer_fragments),
    make("ws/utf8/valid-one-frame", "valid multi-octet UTF-8 in one frame is echoed", text_rule, "autobahn:6.2.1",
         valid_one_frame),
    make("ws/utf8/valid-split-on-code-point", "valid UTF-8 fragmented on a code point boundary is echoed", text_rule,
         "autobahn:6.2.2", valid_split_on_code_point),
    make("ws/utf8/valid-split-every-octet", "valid UTF-8 fragmented inside code points is echoed", text_rule,
         "autobahn:6.2.3", valid_split_every_octet),
    make("ws/utf8/kosme-split-every-octet", "\"κόσμε\" in one-octet fragments is echoed", text_rule, "autobahn:6.2.4",
         kosme_split_every_octet),
    make("ws/utf8/invalid-one-frame", "invalid UTF-8 (a surrogate) in one frame fails the connection", utf8_rule,
         "autobahn:6.3.1", invalid_one_frame),
    make("ws/utf8/invalid-split-every-octet", "invalid UTF-8 in one-octet fragments fails the connection", utf8_rule,
         "autobahn:6.3.2", invalid_every_octet),
    make("ws/utf8/fail-fast-fragments", "an invalid code point in the second of three fragments fails at once",
         utf8_rule, "autobahn:6.4.1", fail_fast, requirement_level::should),
    make("ws/utf8/fail-fast-fragments-in-code-point",
         "a fragment that makes a code point invalid fails the connection at once", utf8_rule, "autobahn:6.4.2",
         fail_fast, requirement_level::should),
    make("ws/utf8/fail-fast-chops", "invalid octets arriving inside one frame fail the connection at once",
         utf8_rule, "autobahn:6.4.3", fail_fast, requirement_level::should),
    make("ws/utf8/fail-fast-chops-in-code-point",
         "an invalid continuation arriving inside one frame fails the connection at once", utf8_rule,
         "autobahn:6.4.4", fail_fast, requirement_level::should),
};

// 6.5–6.23: one case per sequence, looked up by id.
struct sequence_case {
  utf8_sequence const* sequence;
  std::string id;
};

std::string hex(std::string_view bytes) {
  std::string s;
  for (unsigned char c : bytes) s += "0123456789abcdef"[c >> 4], s += "0123456789abcdef"[c & 15];
  return s;
}

std::string name_of(std::string_view bytes) {
  if (bytes.size() <= 8) return hex(bytes);
  return hex(bytes.substr(0, 4)) + "-" + std::to_string(bytes.size()) + "B";
}

std::deque<sequence_case>& sequence_index() {
  static std::deque<sequence_case> index;
  return index;
}

outcome stress_sequence(context& cx) {
  for (auto const& s : sequence_index()) {
    if (s.id != cx.current_case().id) continue;
    auto const& bytes = s.sequence->bytes;
    if (s.sequence->valid) return run(cx, {.frames = {ws::text_frame(bytes)}, .expect = {ws::text_event(bytes)}});
    return run(cx, {.frames = {ws::text_frame(bytes)}, .then = script::ending::fail, .codes = {1007}});
  }
  return error("no UTF-8 sequence for this case id");
}

std::vector<case_def> build_sequence_cases() {
  static std::deque<std::string> text;  // ids, titles and see_also live as long as the tables
  std::vector<case_def> out;
  for (auto const& g : utf8_groups()) {
    int n = 1;
    for (auto const& seq : g.sequences) {
      auto const& id = text.emplace_back("ws/utf8/" + std::string(g.slug) + "/" + name_of(seq.bytes));
      sequence_index().push_back({&seq, id});
      auto const& title = text.emplace_back(
          (seq.valid ? "valid UTF-8 is echoed: " : "invalid UTF-8 fails the connection: ") + std::string(g.title) +
          ", 0x" + hex(seq.bytes.substr(0, 12)) + (seq.bytes.size() > 12 ? "…" : ""));
      auto const& see = text.emplace_back("autobahn:6." + std::to_string(g.autobahn_minor) + "." + std::to_string(n++));
      out.push_back(make(id, title, seq.valid ? text_rule : utf8_rule, see, stress_sequence));
    }
  }
  return out;
}

}  // namespace

std::span<case_def const> utf8_cases() { return cases; }

std::span<case_def const> utf8_sequence_cases() {
  static std::vector<case_def> const table = build_sequence_cases();
  return table;
}

}  // namespace conform::websocket
