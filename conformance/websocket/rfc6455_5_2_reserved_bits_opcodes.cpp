// RFC 6455 §5.2: RSV bits set without an extension defining them, and reserved opcodes,
// fail the connection. Autobahn|Testsuite groups 3 (reserved bits) and 4 (opcodes).
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

struct bad_frame_row {
  std::string_view name;
  std::uint8_t op;      // of the offending frame
  std::uint8_t rsv;
  bool payload;         // the offending frame carries a payload
  bool message_first;   // a valid text message before it (then a ping after it)
  ws::chop how;
};

constexpr bad_frame_row rows[] = {
    {"rsv1-text", 1, 1, true, false, ws::whole},
    {"rsv2-after-message", 1, 2, true, true, ws::whole},
    {"rsv3-after-message-framewise", 1, 3, true, true, ws::frame_wise},
    {"rsv4-after-message-octetwise", 1, 4, true, true, ws::octet_wise},
    {"rsv5-binary", 2, 5, true, false, ws::whole},
    {"rsv6-ping", 9, 6, true, false, ws::whole},
    {"rsv7-close", 8, 7, false, false, ws::whole},
    {"data-3", 3, 0, false, false, ws::whole},
    {"data-4-payload", 4, 0, true, false, ws::whole},
    {"data-5-after-message", 5, 0, false, true, ws::whole},
    {"data-6-after-message", 6, 0, true, true, ws::whole},
    {"data-7-after-message", 7, 0, true, true, ws::whole},
    {"control-11", 11, 0, false, false, ws::whole},
    {"control-12-payload", 12, 0, true, false, ws::whole},
    {"control-13-after-message", 13, 0, false, true, ws::whole},
    {"control-14-after-message", 14, 0, true, true, ws::whole},
    {"control-15-after-message", 15, 0, true, true, ws::whole},
};

outcome bad_frame(context& cx) {
  auto const& r = row_for(cx, rows);
  script s{.how = r.how, .then = script::ending::fail, .codes = {1002}};
  if (r.message_first) {
    s.frames.push_back(ws::text_frame("Hello, world!"));
    s.expect.push_back(ws::text_event("Hello, world!"));
    s.lenient.push_back({});  // failed before echoing the valid message: NON-STRICT
  }
  auto f = r.op == 8 ? ws::close_frame(1000) : ws::data_frame(r.op, r.payload ? "Hello, world!" : "");
  f.rsv = r.rsv;
  s.frames.push_back(f);
  if (r.message_first) s.frames.push_back(ws::control_frame(ws::opcode::ping, ""));
  return run(cx, s);
}

constexpr std::string_view rsv_rule =
    "RSV1, RSV2, RSV3: 1 bit each. MUST be 0 unless an extension is negotiated that defines meanings for non-zero "
    "values. If a nonzero value is received and none of the negotiated extensions defines the meaning of such a "
    "nonzero value, the receiving endpoint MUST _Fail the WebSocket Connection_.";
constexpr std::string_view opcode_rule =
    "If an unknown opcode is received, the receiving endpoint MUST _Fail the WebSocket Connection_.";

case_def rsv_case(std::string_view id, std::string_view title, std::string_view autobahn) {
  return {.id = id, .section = "RFC 6455 §5.2", .level = requirement_level::must, .title = title,
          .requirement = rsv_rule, .see_also = {autobahn}, .needs = {capability::websocket}, .run = bad_frame};
}

case_def opcode_case(std::string_view id, std::string_view title, std::string_view autobahn) {
  return {.id = id, .section = "RFC 6455 §5.2", .level = requirement_level::must, .title = title,
          .requirement = opcode_rule, .see_also = {autobahn}, .needs = {capability::websocket}, .run = bad_frame};
}

case_def const cases[] = {
    rsv_case("ws/reserved-bits/rsv1-text", "a text frame with RSV1 set fails the connection", "autobahn:3.1"),
    rsv_case("ws/reserved-bits/rsv2-after-message",
             "a valid message is echoed, then a text frame with RSV2 set fails the connection", "autobahn:3.2"),
    rsv_case("ws/reserved-bits/rsv3-after-message-framewise",
             "RSV2 and RSV3 set, written frame by frame, fail the connection after the echo", "autobahn:3.3"),
    rsv_case("ws/reserved-bits/rsv4-after-message-octetwise",
             "RSV1 set, written octet by octet, fails the connection after the echo", "autobahn:3.4"),
    rsv_case("ws/reserved-bits/rsv5-binary", "a binary frame with RSV1 and RSV3 set fails the connection",
             "autobahn:3.5"),
    rsv_case("ws/reserved-bits/rsv6-ping", "a ping with RSV1 and RSV2 set fails the connection", "autobahn:3.6"),
    rsv_case("ws/reserved-bits/rsv7-close", "a close frame with all RSV bits set fails the connection",
             "autobahn:3.7"),
    opcode_case("ws/opcodes/data-3", "a frame with reserved data opcode 3 fails the connection", "autobahn:4.1.1"),
    opcode_case("ws/opcodes/data-4-payload", "reserved data opcode 4 with a payload fails the connection",
                "autobahn:4.1.2"),
    opcode_case("ws/opcodes/data-5-after-message",
                "a valid message is echoed, then reserved opcode 5 fails the connection", "autobahn:4.1.3"),
    opcode_case("ws/opcodes/data-6-after-message",
                "a valid message is echoed, then reserved opcode 6 with payload fails the connection", "autobahn:4.1.4"),
    opcode_case("ws/opcodes/data-7-after-message",
                "a valid message is echoed, then reserved opcode 7 with payload fails the connection", "autobahn:4.1.5"),
    opcode_case("ws/opcodes/control-11", "a frame with reserved control opcode 11 fails the connection",
                "autobahn:4.2.1"),
    opcode_case("ws/opcodes/control-12-payload", "reserved control opcode 12 with a payload fails the connection",
                "autobahn:4.2.2"),
    opcode_case("ws/opcodes/control-13-after-message",
                "a valid message is echoed, then reserved control opcode 13 fails the connection", "autobahn:4.2.3"),
    opcode_case("ws/opcodes/control-14-after-message",
                "a valid message is echoed, then reserved opcode 14 with payload fails the connection",
                "autobahn:4.2.4"),
    opcode_case("ws/opcodes/control-15-after-message",
                "a valid message is echoed, then reserved opcode 15 with payload fails the connection",
                "autobahn:4.2.5"),
};

}  // namespace

std::span<case_def const> reserved_bits_opcode_cases() { return cases; }

}  // namespace conform::websocket
