#include "harness/websocket/frame.hpp"

namespace conform::ws {

std::string_view opcode_name(std::uint8_t op) {
  switch (op) {
    case 0x0: return "continuation";
    case 0x1: return "text";
    case 0x2: return "binary";
    case 0x8: return "close";
    case 0x9: return "ping";
    case 0xA: return "pong";
    default: return is_control(op) ? "reserved control" : "reserved data";
  }
}

namespace {

void put_length(std::string& out, std::uint8_t first_bits, std::uint64_t n, length_form form) {
  if (form == length_form::minimal) form = n < 126 ? length_form::bits7 : n <= 0xffff ? length_form::bits16 : length_form::bits64;
  auto const push = [&](std::uint8_t b) { out.push_back(static_cast<char>(b)); };
  switch (form) {
    case length_form::bits7: push(static_cast<std::uint8_t>(first_bits | (n & 0x7f))); break;
    case length_form::bits16:
      push(first_bits | 126);
      push(static_cast<std::uint8_t>(n >> 8));
      push(static_cast<std::uint8_t>(n));
      break;
    case length_form::bits64:
    case length_form::minimal:
      push(first_bits | 127);
      for (int shift = 56; shift >= 0; shift -= 8) push(static_cast<std::uint8_t>(n >> shift));
      break;
  }
}

}  // namespace

frame_spec data_frame(std::uint8_t op, std::string_view payload, bool fin) {
  frame_spec f;
  f.op = op;
  f.fin = fin;
  f.payload = std::string(payload);
  return f;
}

void apply_mask(std::string& data, std::array<std::uint8_t, 4> key, std::size_t offset) {
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(data[i] ^ key[(i + offset) % 4]);
}

std::string encode(frame_spec const& f) {
  std::string out;
  out.reserve(f.payload.size() + 14);
  out.push_back(static_cast<char>((f.fin ? 0x80 : 0) | ((f.rsv & 7) << 4) | (f.op & 0x0f)));
  put_length(out, f.masked ? 0x80 : 0, f.declared_length.value_or(f.payload.size()), f.form);
  if (f.masked)
    for (auto b : f.mask_key) out.push_back(static_cast<char>(b));
  std::string body = f.payload;
  if (f.masked) apply_mask(body, f.mask_key);
  return out + body;
}

frame_spec text_frame(std::string_view payload, bool fin) { return data_frame(0x1, payload, fin); }
frame_spec binary_frame(std::string_view payload, bool fin) { return data_frame(0x2, payload, fin); }
frame_spec continuation_frame(std::string_view payload, bool fin) { return data_frame(0x0, payload, fin); }

frame_spec control_frame(opcode op, std::string_view payload) {
  return data_frame(static_cast<std::uint8_t>(op), payload, true);
}

std::string close_payload(std::uint16_t code, std::string_view reason) {
  std::string p;
  p.push_back(static_cast<char>(code >> 8));
  p.push_back(static_cast<char>(code & 0xff));
  return p + std::string(reason);
}

frame_spec close_frame(std::uint16_t code, std::string_view reason) {
  return control_frame(opcode::close, close_payload(code, reason));
}

frame_spec empty_close_frame() { return control_frame(opcode::close, {}); }

}  // namespace conform::ws
