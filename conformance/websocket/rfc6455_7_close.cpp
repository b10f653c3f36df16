// RFC 6455 §5.5.1 and §7: the closing handshake. A close frame is answered with a close
// frame and the server then closes TCP; nothing is processed after a close; a close
// payload is empty or a valid code with a UTF-8 reason of at most 123 octets.
// Autobahn|Testsuite group 7.
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

using ws::opcode;

// Our close is in the stimulus: the target must answer it and close TCP cleanly.
script closing(std::vector<frame_spec> frames, std::vector<event> expect = {}, std::vector<int> codes = {1000}) {
  return {.frames = std::move(frames), .expect = std::move(expect), .codes = std::move(codes), .harness_closes = true};
}

// RFC 6455 §5.5.1 lets a server answer the close at once, before the echo its
// application would have sent: WARN, not FAIL, when the echo does not come.
outcome message_then_close(context& cx) {
  auto s = closing({ws::text_frame("Hello World!"), ws::close_frame(1000)}, {ws::text_event("Hello World!")});
  s.lenient = {{}};
  return run(cx, s);
}
outcome two_closes(context& cx) { return run(cx, closing({ws::close_frame(1000), ws::close_frame(1000)})); }
outcome ping_after_close(context& cx) {
  return run(cx, closing({ws::close_frame(1000), ws::control_frame(opcode::ping, "Hello World!")}));
}
outcome text_after_close(context& cx) {
  return run(cx, closing({ws::close_frame(1000), ws::text_frame("Hello World!")}));
}
outcome close_between_fragments(context& cx) {
  return run(cx, closing({ws::text_frame("fragment1", false), ws::close_frame(1000),
                          ws::continuation_frame("fragment2", true)}));
}
outcome big_message_close_ping(context& cx) {
  auto s = closing({ws::text_frame(text_payload(256 * 1024)), ws::close_frame(1000),
                    ws::control_frame(opcode::ping, "Hello World!")});
  s.then = script::ending::any;
  return run(cx, s);
}

outcome empty_close(context& cx) { return run(cx, closing({ws::empty_close_frame()})); }
outcome one_octet_close(context& cx) {
  auto s = closing({ws::control_frame(opcode::close, "\x03")}, {}, {1002});
  s.then = script::ending::fail;
  return run(cx, s);
}
outcome code_only_close(context& cx) { return run(cx, closing({ws::close_frame(1000)})); }
outcome reason_close(context& cx) { return run(cx, closing({ws::close_frame(1000, "Hello World!")})); }
outcome reason_123_close(context& cx) { return run(cx, closing({ws::close_frame(1000, std::string(123, '*'))})); }
outcome reason_124_close(context& cx) {
  auto s = closing({ws::close_frame(1000, std::string(124, '*'))}, {}, {1002});
  s.then = script::ending::fail;
  return run(cx, s);
}
outcome invalid_reason_close(context& cx) {
  auto s = closing({ws::close_frame(1000, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80\x65\x64\x69\x74\x65\x64")},
                   {}, {1002, 1007});
  s.then = script::ending::fail;
  return run(cx, s);
}

struct code_row {
  std::string_view name;
  std::uint16_t code;
};
constexpr code_row valid_codes[] = {
    {"code-1000", 1000}, {"code-1001", 1001}, {"code-1002", 1002}, {"code-1003", 1003}, {"code-1007", 1007},
    {"code-1008", 1008}, {"code-1009", 1009}, {"code-1010", 1010}, {"code-1011", 1011}, {"code-3000", 3000},
    {"code-3999", 3999}, {"code-4000", 4000}, {"code-4999", 4999},
};
constexpr code_row invalid_codes[] = {
    {"code-0", 0},       {"code-999", 999},   {"code-1004", 1004}, {"code-1005", 1005}, {"code-1006", 1006},
    {"code-1016", 1016}, {"code-1100", 1100}, {"code-2000", 2000}, {"code-2999", 2999},
};
constexpr code_row undefined_codes[] = {{"code-5000", 5000}, {"code-65535", 65535}};

outcome valid_code(context& cx) {
  auto const code = row_for(cx, valid_codes).code;
  return run(cx, closing({ws::close_frame(code)}, {}, {1000, code}));
}
outcome invalid_code(context& cx) {
  auto s = closing({ws::close_frame(row_for(cx, invalid_codes).code)}, {}, {1002});
  s.then = script::ending::fail;
  return run(cx, s);
}
outcome undefined_code(context& cx) {
  auto const code = row_for(cx, undefined_codes).code;
  auto s = closing({ws::close_frame(code)}, {}, {});
  s.then = script::ending::any;
  return run(cx, s);
}

constexpr std::string_view answer_rule =
    "If an endpoint receives a Close frame and did not previously send a Close frame, the endpoint MUST send a Close "
    "frame in response. [...] After sending a Close frame, the endpoint MUST NOT send any further data frames.";
constexpr std::string_view payload_rule =
    "If there is a body, the first two bytes of the body MUST be a 2-byte unsigned integer (in network byte order) "
    "representing a status code with value /code/ defined in Section 7.4. Following the 2-byte integer, the body MAY "
    "contain UTF-8-encoded data with value /reason/.";
constexpr std::string_view length_rule = "All control frames MUST have a payload length of 125 bytes or less.";
constexpr std::string_view codes_rule =
    "Status codes in the range 0-999 are not used. [...] 1004 Reserved. [...] 1005 [...] MUST NOT be set as a status "
    "code in a Close control frame by an endpoint. [...] 1006 [...] MUST NOT be set [...]. Status codes in the range "
    "3000-3999 are reserved for use by libraries, frameworks, and applications. [...] 4000-4999 are reserved for "
    "private use.";

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view rule,
              std::string_view autobahn, case_body body, requirement_level level = requirement_level::must) {
  return {.id = id, .section = section, .level = level, .title = title, .requirement = rule, .see_also = {autobahn},
          .needs = {capability::websocket}, .run = body};
}

case_def const cases[] = {
    make("ws/close/message-then-close", "RFC 6455 §5.5.1", "a message then a close: the echo, then a clean close",
         answer_rule, "autobahn:7.1.1", message_then_close),
    make("ws/close/two-closes", "RFC 6455 §5.5.1", "a second close frame is ignored; one clean close", answer_rule,
         "autobahn:7.1.2", two_closes),
    make("ws/close/ping-after-close", "RFC 6455 §5.5.1", "a ping after our close gets no pong; a clean close",
         answer_rule, "autobahn:7.1.3", ping_after_close),
    make("ws/close/text-after-close", "RFC 6455 §5.5.1", "a text message after our close is not echoed", answer_rule,
         "autobahn:7.1.4", text_after_close),
    make("ws/close/close-between-fragments", "RFC 6455 §5.5.1",
         "a close between two fragments ends the connection; the message is not echoed", answer_rule,
         "autobahn:7.1.5", close_between_fragments),
    make("ws/close/big-message-close-ping", "RFC 6455 §7.1.2",
         "256 KiB, then close, then ping: whether the echo comes first is the target's choice", answer_rule,
         "autobahn:7.1.6", big_message_close_ping, requirement_level::info),
    make("ws/close/empty-payload", "RFC 6455 §5.5.1", "a close frame without payload is answered, clean close",
         payload_rule, "autobahn:7.3.1", empty_close),
    make("ws/close/one-octet-payload", "RFC 6455 §5.5.1", "a close payload of one octet fails the connection",
         payload_rule, "autobahn:7.3.2", one_octet_close),
    make("ws/close/code-only", "RFC 6455 §5.5.1", "a close with a code and no reason is answered, clean close",
         payload_rule, "autobahn:7.3.3", code_only_close),
    make("ws/close/code-and-reason", "RFC 6455 §5.5.1", "a close with a code and a reason is answered, clean close",
         payload_rule, "autobahn:7.3.4", reason_close),
    make("ws/close/reason-123", "RFC 6455 §5.5", "a close with a 123-octet reason (125 in all) is answered",
         length_rule, "autobahn:7.3.5", reason_123_close),
    make("ws/close/reason-124", "RFC 6455 §5.5", "a close with a 124-octet reason (126 in all) fails the connection",
         length_rule, "autobahn:7.3.6", reason_124_close),
    make("ws/close/invalid-utf8-reason", "RFC 6455 §5.5.1", "a close reason that is not UTF-8 fails the connection",
         payload_rule, "autobahn:7.5.1", invalid_reason_close),
    make("ws/close/code-1000", "RFC 6455 §7.4.1", "close code 1000 (normal) is accepted", codes_rule, "autobahn:7.7.1",
         valid_code),
    make("ws/close/code-1001", "RFC 6455 §7.4.1", "close code 1001 (going away) is accepted", codes_rule,
         "autobahn:7.7.2", valid_code),
    make("ws/close/code-1002", "RFC 6455 §7.4.1", "close code 1002 (protocol error) is accepted", codes_rule,
         "autobahn:7.7.3", valid_code),
    make("ws/close/code-1003", "RFC 6455 §7.4.1", "close code 1003 (unacceptable data) is accepted", codes_rule,
         "autobahn:7.7.4", valid_code),
    make("ws/close/code-1007", "RFC 6455 §7.4.1", "close code 1007 (inconsistent data) is accepted", codes_rule,
         "autobahn:7.7.5", valid_code),
    make("ws/close/code-1008", "RFC 6455 §7.4.1", "close code 1008 (policy violation) is accepted", codes_rule,
         "autobahn:7.7.6", valid_code),
    make("ws/close/code-1009", "RFC 6455 §7.4.1", "close code 1009 (message too big) is accepted", codes_rule,
         "autobahn:7.7.7", valid_code),
    make("ws/close/code-1010", "RFC 6455 §7.4.1", "close code 1010 (extension required) is accepted", codes_rule,
         "autobahn:7.7.8", valid_code),
    make("ws/close/code-1011", "RFC 6455 §7.4.1", "close code 1011 (internal error) is accepted", codes_rule,
         "autobahn:7.7.9", valid_code),
    make("ws/close/code-3000", "RFC 6455 §7.4.2", "close code 3000 (registered) is accepted", codes_rule,
         "autobahn:7.7.10", valid_code),
    make("ws/close/code-3999", "RFC 6455 §7.4.2", "close code 3999 (registered) is accepted", codes_rule,
         "autobahn:7.7.11", valid_code),
    make("ws/close/code-4000", "RFC 6455 §7.4.2", "close code 4000 (private use) is accepted", codes_rule,
         "autobahn:7.7.12", valid_code),
    make("ws/close/code-4999", "RFC 6455 §7.4.2", "close code 4999 (private use) is accepted", codes_rule,
         "autobahn:7.7.13", valid_code),
    make("ws/close/code-0", "RFC 6455 §7.4.2", "close code 0 fails the connection", codes_rule, "autobahn:7.9.1",
         invalid_code),
    make("ws/close/code-999", "RFC 6455 §7.4.2", "close code 999 fails the connection", codes_rule, "autobahn:7.9.2",
         invalid_code),
    make("ws/close/code-1004", "RFC 6455 §7.4.1", "reserved close code 1004 fails the connection", codes_rule,
         "autobahn:7.9.3", invalid_code),
    make("ws/close/code-1005", "RFC 6455 §7.4.1", "close code 1005 (never sent) fails the connection", codes_rule,
         "autobahn:7.9.4", invalid_code),
    make("ws/close/code-1006", "RFC 6455 §7.4.1", "close code 1006 (never sent) fails the connection", codes_rule,
         "autobahn:7.9.5", invalid_code),
    make("ws/close/code-1016", "RFC 6455 §7.4.2", "unassigned close code 1016 fails the connection", codes_rule,
         "autobahn:7.9.6", invalid_code),
    make("ws/close/code-1100", "RFC 6455 §7.4.2", "unassigned close code 1100 fails the connection", codes_rule,
         "autobahn:7.9.7", invalid_code),
    make("ws/close/code-2000", "RFC 6455 §7.4.2", "unassigned close code 2000 fails the connection", codes_rule,
         "autobahn:7.9.8", invalid_code),
    make("ws/close/code-2999", "RFC 6455 §7.4.2", "unassigned close code 2999 fails the connection", codes_rule,
         "autobahn:7.9.9", invalid_code),
    make("ws/close/code-5000", "RFC 6455 §7.4.2", "close code 5000 (undefined by the RFC): what the target does",
         codes_rule, "autobahn:7.13.1", undefined_code, requirement_level::info),
    make("ws/close/code-65535", "RFC 6455 §7.4.2", "close code 65535 (undefined by the RFC): what the target does",
         codes_rule, "autobahn:7.13.2", undefined_code, requirement_level::info),
};

}  // namespace

std::span<case_def const> close_cases() { return cases; }

}  // namespace conform::websocket
