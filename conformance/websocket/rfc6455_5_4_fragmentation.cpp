// RFC 6455 §5.4 fragmentation: fragmented messages are reassembled, control frames may
// arrive between fragments and are answered at once, control frames are never
// fragmented, and a continuation with nothing to continue (or a new data frame inside
// a message) fails the connection. Autobahn|Testsuite group 5.
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

using ws::opcode;

frame_spec ping(std::string_view p) { return ws::control_frame(opcode::ping, p); }

outcome fragmented_control(opcode op, context& cx) {
  auto first = ws::control_frame(op, "fragment1");
  first.fin = false;
  return run(cx, {.frames = {first, ws::continuation_frame("fragment2", true)},
                  .then = script::ending::fail,
                  .codes = {1002}});
}
outcome fragmented_ping(context& cx) { return fragmented_control(opcode::ping, cx); }
outcome fragmented_pong(context& cx) { return fragmented_control(opcode::pong, cx); }

struct two_fragments {
  std::string_view name;
  bool ping_between;
  ws::chop how;
};
constexpr two_fragments two_rows[] = {
    {"text-two-fragments", false, ws::whole},
    {"text-two-fragments-framewise", false, ws::frame_wise},
    {"text-two-fragments-octetwise", false, ws::octet_wise},
    {"ping-between-fragments", true, ws::whole},
    {"ping-between-fragments-framewise", true, ws::frame_wise},
    {"ping-between-fragments-octetwise", true, ws::octet_wise},
};

outcome reassembled(context& cx) {
  auto const& r = row_for(cx, two_rows);
  script s{.how = r.how};
  s.frames.push_back(ws::text_frame("fragment1", false));
  if (r.ping_between) {
    s.frames.push_back(ping("ping payload"));
    s.expect.push_back(ws::pong_event("ping payload"));
  }
  s.frames.push_back(ws::continuation_frame("fragment2", true));
  s.expect.push_back(ws::text_event("fragment1fragment2"));
  return run(cx, s);
}

struct orphan_row {
  std::string_view name;
  bool fin;
  ws::chop how;
};
constexpr orphan_row orphan_rows[] = {
    {"orphan-final-continuation", true, ws::whole},
    {"orphan-final-continuation-framewise", true, ws::frame_wise},
    {"orphan-final-continuation-octetwise", true, ws::octet_wise},
    {"orphan-continuation", false, ws::whole},
    {"orphan-continuation-framewise", false, ws::frame_wise},
    {"orphan-continuation-octetwise", false, ws::octet_wise},
};

outcome orphan_continuation(context& cx) {
  auto const& r = row_for(cx, orphan_rows);
  return run(cx, {.frames = {ws::continuation_frame("non-continuation payload", r.fin), ws::text_frame("Hello, world!")},
                  .how = r.how,
                  .then = script::ending::fail,
                  .codes = {1002}});
}

outcome orphan_after_message(context& cx) {
  return run(cx, {.frames = {ws::text_frame("fragment1", false), ws::continuation_frame("fragment2", true),
                             ws::continuation_frame("fragment3", false), ws::text_frame("fragment4", true)},
                  .expect = {ws::text_event("fragment1fragment2")},
                  .then = script::ending::fail,
                  .codes = {1002},
                  .lenient = {{}}});
}

outcome repeated_orphans(bool fin, context& cx) {
  std::vector<frame_spec> frames;
  for (int i = 0; i < 2; ++i) {
    frames.push_back(ws::continuation_frame("fragment1", fin));
    frames.push_back(ws::text_frame("fragment2", false));
    frames.push_back(ws::continuation_frame("fragment3", true));
  }
  return run(cx, {.frames = frames, .then = script::ending::fail, .codes = {1002}});
}
outcome repeated_orphans_open(context& cx) { return repeated_orphans(false, cx); }
outcome repeated_orphans_final(context& cx) { return repeated_orphans(true, cx); }

outcome text_inside_message(context& cx) {
  return run(cx, {.frames = {ws::text_frame("fragment1", false), ws::text_frame("fragment2", true)},
                  .then = script::ending::fail,
                  .codes = {1002}});
}

// Autobahn 5.19/5.20: the first ping must be answered before the message is complete.
outcome pings_in_long_message(ws::chop how, context& cx) {
  ws::client c(cx);
  if (auto e = open_or_error(c)) return *e;
  c.send_frames({ws::text_frame("fragment1", false), ws::continuation_frame("fragment2", false), ping("pongme 1!")}, how);
  auto seen = c.collect(1);
  script s{.expect = {ws::pong_event("pongme 1!"), ws::pong_event("pongme 2!"),
                      ws::text_event("fragment1fragment2fragment3fragment4fragment5")}};
  if (seen.size() == 1 && seen[0] == s.expect[0]) {
    c.send_frames({ws::continuation_frame("fragment3", false), ws::continuation_frame("fragment4", false),
                   ping("pongme 2!"), ws::continuation_frame("fragment5", true)},
                  how);
    auto more = c.collect(2);
    seen.insert(seen.end(), more.begin(), more.end());
  }
  auto rest = c.close_normally();
  seen.insert(seen.end(), rest.begin(), rest.end());
  return judge(c, s, seen);
}
outcome pings_in_long_message_whole(context& cx) { return pings_in_long_message(ws::whole, cx); }
outcome pings_in_long_message_framewise(context& cx) { return pings_in_long_message(ws::frame_wise, cx); }

constexpr std::string_view section = "RFC 6455 §5.4";
constexpr std::string_view control_rule = "Control frames (see Section 5.5) MAY be injected in the middle of a "
                                          "fragmented message. Control frames themselves MUST NOT be fragmented.";
constexpr std::string_view reassembly_rule =
    "A fragmented message consists of a single frame with the FIN bit clear and an opcode other than 0, followed by "
    "zero or more frames with the FIN bit clear and the opcode set to 0, and terminated by a single frame with the "
    "FIN bit set and an opcode of 0.";
constexpr std::string_view injected_rule =
    "An endpoint MUST be capable of handling control frames in the middle of a fragmented message.";

case_def make(std::string_view id, std::string_view title, std::string_view rule, std::string_view autobahn,
              case_body body) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = rule,
          .see_also = {autobahn}, .needs = {capability::websocket}, .run = body};
}

case_def const cases[] = {
    make("ws/fragmentation/fragmented-ping", "a ping in two fragments fails the connection", control_rule,
         "autobahn:5.1", fragmented_ping),
    make("ws/fragmentation/fragmented-pong", "a pong in two fragments fails the connection", control_rule,
         "autobahn:5.2", fragmented_pong),
    make("ws/fragmentation/text-two-fragments", "a text message in two fragments is echoed whole", reassembly_rule,
         "autobahn:5.3", reassembled),
    make("ws/fragmentation/text-two-fragments-framewise", "two fragments written frame by frame are echoed whole",
         reassembly_rule, "autobahn:5.4", reassembled),
    make("ws/fragmentation/text-two-fragments-octetwise", "two fragments written octet by octet are echoed whole",
         reassembly_rule, "autobahn:5.5", reassembled),
    make("ws/fragmentation/ping-between-fragments", "a ping between two fragments is answered, then the message echoed",
         injected_rule, "autobahn:5.6", reassembled),
    make("ws/fragmentation/ping-between-fragments-framewise",
         "a ping between fragments, written frame by frame, is answered first", injected_rule, "autobahn:5.7",
         reassembled),
    make("ws/fragmentation/ping-between-fragments-octetwise",
         "a ping between fragments, written octet by octet, is answered first", injected_rule, "autobahn:5.8",
         reassembled),
    make("ws/fragmentation/orphan-final-continuation",
         "a final continuation frame with no message to continue fails the connection", reassembly_rule,
         "autobahn:5.9", orphan_continuation),
    make("ws/fragmentation/orphan-final-continuation-framewise",
         "a final continuation with nothing to continue, written frame by frame, fails the connection",
         reassembly_rule, "autobahn:5.10", orphan_continuation),
    make("ws/fragmentation/orphan-final-continuation-octetwise",
         "a final continuation with nothing to continue, written octet by octet, fails the connection",
         reassembly_rule, "autobahn:5.11", orphan_continuation),
    make("ws/fragmentation/orphan-continuation", "a non-final continuation with nothing to continue fails the connection",
         reassembly_rule, "autobahn:5.12", orphan_continuation),
    make("ws/fragmentation/orphan-continuation-framewise",
         "a non-final continuation with nothing to continue, frame by frame, fails the connection", reassembly_rule,
         "autobahn:5.13", orphan_continuation),
    make("ws/fragmentation/orphan-continuation-octetwise",
         "a non-final continuation with nothing to continue, octet by octet, fails the connection", reassembly_rule,
         "autobahn:5.14", orphan_continuation),
    make("ws/fragmentation/orphan-after-message",
         "after a complete fragmented message, a continuation with nothing to continue fails the connection",
         reassembly_rule, "autobahn:5.15", orphan_after_message),
    make("ws/fragmentation/repeated-orphan-continuation",
         "a non-final continuation before a fragmented message, twice, fails the connection", reassembly_rule,
         "autobahn:5.16", repeated_orphans_open),
    make("ws/fragmentation/repeated-orphan-final-continuation",
         "a final continuation before a fragmented message, twice, fails the connection", reassembly_rule,
         "autobahn:5.17", repeated_orphans_final),
    make("ws/fragmentation/text-inside-message", "a text frame where a continuation must come fails the connection",
         reassembly_rule, "autobahn:5.18", text_inside_message),
    make("ws/fragmentation/pings-in-long-message",
         "pings inside a five-fragment message are answered before the message ends", injected_rule, "autobahn:5.19",
         pings_in_long_message_whole),
    make("ws/fragmentation/pings-in-long-message-framewise",
         "pings inside a five-fragment message, frame by frame, are answered before it ends", injected_rule,
         "autobahn:5.20", pings_in_long_message_framewise),
};

}  // namespace

std::span<case_def const> fragmentation_cases() { return cases; }

}  // namespace conform::websocket
