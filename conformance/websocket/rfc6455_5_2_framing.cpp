// RFC 6455 §5.2 base framing: messages of every payload-length form echoed intact,
// however the octets are chopped; the masking rule (§5.1) and the 64-bit length's top
// bit. Autobahn|Testsuite groups 1 (framing) and 10 (auto-fragmentation).
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

struct sized {
  std::string_view name;
  std::uint8_t op;
  std::size_t size;
  std::size_t chop;  // 0: one write
};

constexpr sized sized_rows[] = {
    {"text-empty", 1, 0, 0},        {"text-125", 1, 125, 0},        {"text-126", 1, 126, 0},
    {"text-127", 1, 127, 0},        {"text-128", 1, 128, 0},        {"text-65535", 1, 65535, 0},
    {"text-65536", 1, 65536, 0},    {"text-65536-chopped", 1, 65536, 997},
    {"binary-empty", 2, 0, 0},      {"binary-125", 2, 125, 0},      {"binary-126", 2, 126, 0},
    {"binary-127", 2, 127, 0},      {"binary-128", 2, 128, 0},      {"binary-65535", 2, 65535, 0},
    {"binary-65536", 2, 65536, 0},  {"binary-65536-chopped", 2, 65536, 997},
};

outcome echo_sized(context& cx) {
  auto const& r = row_for(cx, sized_rows);
  auto const payload = r.op == 1 ? text_payload(r.size) : binary_payload(r.size);
  return run(cx, {.frames = {ws::data_frame(r.op, payload)},
                  .how = {r.chop, false},
                  .expect = {r.op == 1 ? ws::text_event(payload) : ws::binary_event(payload)}});
}

// Autobahn 10.1.1: a 64 KiB text message in 1300-octet frames.
outcome echo_auto_fragmented(context& cx) {
  auto const payload = text_payload(65536);
  std::vector<frame_spec> frames;
  for (std::size_t at = 0; at < payload.size(); at += 1300)
    frames.push_back(ws::data_frame(at == 0 ? 1 : 0, payload.substr(at, 1300), at + 1300 >= payload.size()));
  return run(cx, {.frames = frames, .expect = {ws::text_event(payload)}});
}

outcome unmasked_frame(context& cx) {
  auto f = ws::text_frame("unmasked");
  f.masked = false;
  return run(cx, {.frames = {f}, .then = script::ending::fail, .codes = {1002}});
}

outcome length_top_bit(context& cx) {
  auto f = ws::binary_frame("x");
  f.declared_length = (std::uint64_t{1} << 63) | 1;
  return run(cx, {.frames = {f}, .then = script::ending::fail, .codes = {1002, 1009}});
}

constexpr std::string_view echo_requirement =
    "The \"Payload data\" is defined as \"Extension data\" concatenated with \"Application data\".";

case_def sized_case(std::string_view id, std::string_view title, std::string_view autobahn) {
  return {.id = id, .section = "RFC 6455 §5.2", .level = requirement_level::must, .title = title,
          .requirement = echo_requirement, .see_also = {autobahn}, .needs = {capability::websocket},
          .run = echo_sized};
}

case_def const cases[] = {
    sized_case("ws/framing/text-empty", "an empty text message is echoed", "autobahn:1.1.1"),
    sized_case("ws/framing/text-125", "a 125-octet text message (7-bit length) is echoed", "autobahn:1.1.2"),
    sized_case("ws/framing/text-126", "a 126-octet text message (16-bit length) is echoed", "autobahn:1.1.3"),
    sized_case("ws/framing/text-127", "a 127-octet text message is echoed", "autobahn:1.1.4"),
    sized_case("ws/framing/text-128", "a 128-octet text message is echoed", "autobahn:1.1.5"),
    sized_case("ws/framing/text-65535", "a 65535-octet text message (largest 16-bit length) is echoed", "autobahn:1.1.6"),
    sized_case("ws/framing/text-65536", "a 65536-octet text message (64-bit length) is echoed", "autobahn:1.1.7"),
    sized_case("ws/framing/text-65536-chopped", "a 64 KiB text message written in 997-octet chops is echoed",
               "autobahn:1.1.8"),
    sized_case("ws/framing/binary-empty", "an empty binary message is echoed", "autobahn:1.2.1"),
    sized_case("ws/framing/binary-125", "a 125-octet binary message is echoed", "autobahn:1.2.2"),
    sized_case("ws/framing/binary-126", "a 126-octet binary message is echoed", "autobahn:1.2.3"),
    sized_case("ws/framing/binary-127", "a 127-octet binary message is echoed", "autobahn:1.2.4"),
    sized_case("ws/framing/binary-128", "a 128-octet binary message is echoed", "autobahn:1.2.5"),
    sized_case("ws/framing/binary-65535", "a 65535-octet binary message is echoed", "autobahn:1.2.6"),
    sized_case("ws/framing/binary-65536", "a 65536-octet binary message is echoed", "autobahn:1.2.7"),
    sized_case("ws/framing/binary-65536-chopped", "a 64 KiB binary message written in 997-octet chops is echoed",
               "autobahn:1.2.8"),
    {.id = "ws/framing/auto-fragmented-64k",
     .section = "RFC 6455 §5.4",
     .level = requirement_level::must,
     .title = "a 64 KiB text message in 1300-octet fragments is echoed whole",
     .requirement = "A fragmented message consists of a single frame with the FIN bit clear and an opcode other than 0, "
                    "followed by zero or more frames with the FIN bit clear and the opcode set to 0, and terminated by "
                    "a single frame with the FIN bit set and an opcode of 0.",
     .see_also = {"autobahn:10.1.1"},
     .needs = {capability::websocket},
     .run = echo_auto_fragmented},
    {.id = "ws/framing/unmasked-client-frame",
     .section = "RFC 6455 §5.1",
     .level = requirement_level::must,
     .title = "an unmasked frame from the client fails the connection",
     .requirement = "The server MUST close the connection upon receiving a frame that is not masked.",
     .needs = {capability::websocket},
     .run = unmasked_frame},
    {.id = "ws/framing/length-top-bit-set",
     .section = "RFC 6455 §5.2",
     .level = requirement_level::must,
     .title = "a 64-bit payload length with its most significant bit set fails the connection",
     .requirement = "If 127, the following 8 bytes interpreted as a 64-bit unsigned integer (the most significant "
                    "bit MUST be 0) are the payload length.",
     .needs = {capability::websocket},
     .run = length_top_bit},
};

}  // namespace

std::span<case_def const> framing_cases() { return cases; }

}  // namespace conform::websocket
