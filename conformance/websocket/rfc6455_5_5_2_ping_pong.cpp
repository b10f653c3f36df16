// RFC 6455 §5.5.2–§5.5.3: a Ping is answered by a Pong with its application data; an
// unsolicited Pong is not answered; control frames carry at most 125 octets.
// Autobahn|Testsuite group 2.
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

using ws::opcode;

frame_spec ping(std::string_view p) { return ws::control_frame(opcode::ping, p); }
frame_spec pong(std::string_view p) { return ws::control_frame(opcode::pong, p); }

struct ping_row {
  std::string_view name;
  std::string payload;
  ws::chop how;
};

ping_row const ping_rows[] = {
    {"ping-empty", "", ws::whole},
    {"ping-text", "Hello, world!", ws::whole},
    {"ping-binary", std::string("\x00\xff\xfe\xfd\xfc\xfb\x00\xff", 8), ws::whole},
    {"ping-125", binary_payload(125), ws::whole},
    {"ping-125-octetwise", binary_payload(125), ws::octet_wise},
};

outcome ping_answered(context& cx) {
  auto const& r = row_for(cx, ping_rows);
  return run(cx, {.frames = {ping(r.payload)}, .how = r.how, .expect = {ws::pong_event(r.payload)}});
}

outcome ping_126(context& cx) {
  return run(cx, {.frames = {ping(binary_payload(126))}, .then = script::ending::fail, .codes = {1002}});
}

outcome unsolicited_pong_empty(context& cx) { return run(cx, {.frames = {pong("")}}); }
outcome unsolicited_pong(context& cx) { return run(cx, {.frames = {pong("unsolicited pong payload")}}); }

outcome pong_then_ping(context& cx) {
  return run(cx, {.frames = {pong("unsolicited pong payload"), ping("ping payload")},
                  .expect = {ws::pong_event("ping payload")}});
}

outcome ten_pings(ws::chop how, context& cx) {
  script s{.how = how};
  for (int i = 0; i < 10; ++i) {
    auto const p = "payload-" + std::to_string(i);
    s.frames.push_back(ping(p));
    s.expect.push_back(ws::pong_event(p));
  }
  return run(cx, s);
}
outcome ten_pings_whole(context& cx) { return ten_pings(ws::whole, cx); }
outcome ten_pings_octetwise(context& cx) { return ten_pings(ws::octet_wise, cx); }

constexpr std::string_view pong_rule =
    "Upon receipt of a Ping frame, an endpoint MUST send a Pong frame in response, unless it already received a "
    "Close frame. [...] A Pong frame sent in response to a Ping frame must have identical \"Application data\" as "
    "found in the message body of the Ping frame being replied to.";
constexpr std::string_view unsolicited_rule =
    "A Pong frame MAY be sent unsolicited. This serves as a unidirectional heartbeat. A response to an unsolicited "
    "Pong frame is not expected.";
constexpr std::string_view coalesce_rule =
    "If an endpoint receives a Ping frame and has not yet sent Pong frame(s) in response to previous Ping frame(s), "
    "the endpoint MAY elect to send a Pong frame for only the most recently processed Ping frame.";

case_def pong_case(std::string_view id, std::string_view title, std::string_view autobahn) {
  return {.id = id, .section = "RFC 6455 §5.5.2", .level = requirement_level::must, .title = title,
          .requirement = pong_rule, .see_also = {autobahn}, .needs = {capability::websocket}, .run = ping_answered};
}

case_def const cases[] = {
    pong_case("ws/ping-pong/ping-empty", "a ping without payload is answered by an empty pong", "autobahn:2.1"),
    pong_case("ws/ping-pong/ping-text", "a ping with a short text payload is answered by a pong with that payload",
              "autobahn:2.2"),
    pong_case("ws/ping-pong/ping-binary", "a ping with a binary (non-UTF-8) payload is answered with that payload",
              "autobahn:2.3"),
    pong_case("ws/ping-pong/ping-125", "a ping with 125 octets (the largest allowed) is answered", "autobahn:2.4"),
    {.id = "ws/ping-pong/ping-126",
     .section = "RFC 6455 §5.5",
     .level = requirement_level::must,
     .title = "a ping with 126 octets of payload fails the connection",
     .requirement = "All control frames MUST have a payload length of 125 bytes or less and MUST NOT be fragmented.",
     .see_also = {"autobahn:2.5"},
     .needs = {capability::websocket},
     .run = ping_126},
    pong_case("ws/ping-pong/ping-125-octetwise", "a 125-octet ping written one octet at a time is answered",
              "autobahn:2.6"),
    {.id = "ws/ping-pong/unsolicited-pong-empty",
     .section = "RFC 6455 §5.5.3",
     .level = requirement_level::must,
     .title = "an unsolicited empty pong gets no reply",
     .requirement = unsolicited_rule,
     .see_also = {"autobahn:2.7"},
     .needs = {capability::websocket},
     .run = unsolicited_pong_empty},
    {.id = "ws/ping-pong/unsolicited-pong",
     .section = "RFC 6455 §5.5.3",
     .level = requirement_level::must,
     .title = "an unsolicited pong with payload gets no reply",
     .requirement = unsolicited_rule,
     .see_also = {"autobahn:2.8"},
     .needs = {capability::websocket},
     .run = unsolicited_pong},
    {.id = "ws/ping-pong/pong-then-ping",
     .section = "RFC 6455 §5.5.3",
     .level = requirement_level::must,
     .title = "after an unsolicited pong, a ping is answered and the pong is not",
     .requirement = unsolicited_rule,
     .see_also = {"autobahn:2.9"},
     .needs = {capability::websocket},
     .run = pong_then_ping},
    {.id = "ws/ping-pong/ten-pings",
     .section = "RFC 6455 §5.5.3",
     .level = requirement_level::info,
     .title = "ten pings in a row are each answered (the RFC lets a server answer only the last)",
     .requirement = coalesce_rule,
     .see_also = {"autobahn:2.10"},
     .needs = {capability::websocket},
     .run = ten_pings_whole},
    {.id = "ws/ping-pong/ten-pings-octetwise",
     .section = "RFC 6455 §5.5.3",
     .level = requirement_level::info,
     .title = "ten pings written one octet at a time are each answered",
     .requirement = coalesce_rule,
     .see_also = {"autobahn:2.11"},
     .needs = {capability::websocket},
     .run = ten_pings_octetwise},
};

}  // namespace

std::span<case_def const> ping_pong_cases() { return cases; }

}  // namespace conform::websocket
