// The raw WebSocket frame builder of the test side (RFC 6455 §5.2). It writes exactly
// the frame a case describes, valid or not: any opcode, any RSV bits, masked or not,
// a length in the 7-, 16- or 64-bit form whatever the payload size (non-minimal forms
// included), or a declared length that differs from the payload. No case hand-encodes
// frame bytes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conform::ws {

// RFC 6455 §5.2 opcodes; 3–7 and 11–15 are reserved.
enum class opcode : std::uint8_t {
  continuation = 0x0,
  text = 0x1,
  binary = 0x2,
  close = 0x8,
  ping = 0x9,
  pong = 0xA,
};

constexpr bool is_control(std::uint8_t op) { return (op & 0x8) != 0; }
std::string_view opcode_name(std::uint8_t op);  // "text", "ping", "reserved 0x3"

// How the payload length is written: the smallest form, or a forced wider one.
enum class length_form { minimal, bits7, bits16, bits64 };

struct frame_spec {
  bool fin = true;
  std::uint8_t rsv = 0;  // three bits: 4 = RSV1, 2 = RSV2, 1 = RSV3
  std::uint8_t op = 0x1;
  bool masked = true;    // clients mask every frame (RFC 6455 §5.3)
  std::array<std::uint8_t, 4> mask_key = {0x37, 0xfa, 0x21, 0x3d};
  std::string payload = {};
  length_form form = length_form::minimal;
  // Writes this length instead of payload.size() (a lie: 2^63, or more than is sent).
  std::optional<std::uint64_t> declared_length = std::nullopt;
};

// The frame's bytes on the wire.
std::string encode(frame_spec const& f);

// Common frames, masked, FIN set unless told.
frame_spec data_frame(std::uint8_t op, std::string_view payload, bool fin = true);
frame_spec text_frame(std::string_view payload, bool fin = true);
frame_spec binary_frame(std::string_view payload, bool fin = true);
frame_spec continuation_frame(std::string_view payload, bool fin);
frame_spec control_frame(opcode op, std::string_view payload);
// A close frame carrying `code` (two octets, network order) and `reason` verbatim.
frame_spec close_frame(std::uint16_t code, std::string_view reason = {});
// A close frame with no payload at all.
frame_spec empty_close_frame();
// The body of a close frame: code then reason (RFC 6455 §5.5.1).
std::string close_payload(std::uint16_t code, std::string_view reason);

// XORs `data` with the masking key, starting at key octet `offset % 4` (§5.3).
void apply_mask(std::string& data, std::array<std::uint8_t, 4> key, std::size_t offset = 0);

}  // namespace conform::ws
