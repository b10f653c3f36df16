#include "harness/websocket/frame_reader.hpp"

#include <algorithm>

#include "harness/websocket/frame.hpp"

namespace conform::ws {

std::string frame::describe() const {
  std::string d(opcode_name(op));
  if (op > 0xA || (op > 2 && op < 8)) d += " (0x" + std::string(1, "0123456789abcdef"[op]) + ")";
  if (!fin) d += " fin=0";
  if (rsv) d += " rsv=" + std::to_string(rsv);
  if (masked) d += " masked";
  if (op == 0x8) {
    if (auto code = close_code_of(payload)) d += " code=" + std::to_string(*code);
    if (payload.size() > 2) d += " reason=" + std::to_string(payload.size() - 2) + "B";
    return d;
  }
  return d + " len=" + std::to_string(payload.size());
}

frame_reader::state frame_reader::parse_header(std::string_view in, header& h, std::string& why) const {
  if (in.size() < 2) return state::need_more;
  auto const b1 = static_cast<std::uint8_t>(in[1]);
  h.size = 2;
  h.length = b1 & 0x7f;
  h.minimal = true;
  if (h.length == 126) {
    h.size = 4;
    if (in.size() < h.size) return state::need_more;
    h.length = (std::uint64_t{static_cast<std::uint8_t>(in[2])} << 8) | static_cast<std::uint8_t>(in[3]);
    h.minimal = h.length >= 126;
  } else if (h.length == 127) {
    h.size = 10;
    if (in.size() < h.size) return state::need_more;
    h.length = 0;
    for (std::size_t i = 2; i < 10; ++i) h.length = (h.length << 8) | static_cast<std::uint8_t>(in[i]);
    h.minimal = h.length > 0xffff;
    if (h.length >> 63) {
      why = "a 64-bit payload length with the most significant bit set (RFC 6455 §5.2)";
      return state::failed;
    }
  }
  if (h.length > max_payload_) {
    why = "a frame payload of " + std::to_string(h.length) + " octets, beyond the reader's cap of " +
             std::to_string(max_payload_);
    return state::failed;
  }
  if (b1 & 0x80) h.size += 4;
  return in.size() < h.size ? state::need_more : state::frame;
}

void frame_reader::fill(std::string_view in, header const& h, std::size_t skip, std::size_t payload_octets,
                        frame& out) {
  auto const b0 = static_cast<std::uint8_t>(in[0]);
  out.fin = (b0 & 0x80) != 0;
  out.rsv = static_cast<std::uint8_t>((b0 >> 4) & 7);
  out.op = b0 & 0x0f;
  out.masked = (static_cast<std::uint8_t>(in[1]) & 0x80) != 0;
  out.minimal_length = h.minimal;
  out.mask_key = {};
  if (out.masked)
    for (std::size_t i = 0; i < 4; ++i) out.mask_key[i] = static_cast<std::uint8_t>(in[h.size - 4 + i]);
  out.payload.assign(in.substr(h.size + skip, payload_octets - std::min(skip, payload_octets)));
  if (out.masked) apply_mask(out.payload, out.mask_key, skip);
}

frame_reader::state frame_reader::next(frame& out) {
  if (!error_.empty()) return state::failed;
  std::string_view in(buffer_.data() + consumed_, buffer_.size() - consumed_);
  header h;
  if (auto s = parse_header(in, h, error_); s != state::frame) return s;
  if (in.size() - h.size < h.length) return state::need_more;
  fill(in, h, 0, static_cast<std::size_t>(h.length), out);
  consumed_ += h.size + static_cast<std::size_t>(h.length);
  // Drop consumed bytes once they dominate, so a long session does not grow the buffer.
  if (consumed_ > 65536 && consumed_ * 2 > buffer_.size()) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  return state::frame;
}

bool frame_reader::partial(frame& out, std::size_t skip) const {
  if (!error_.empty()) return false;
  std::string_view in(buffer_.data() + consumed_, buffer_.size() - consumed_);
  header h;
  std::string why;
  if (parse_header(in, h, why) != state::frame) return false;
  fill(in, h, skip, std::min<std::size_t>(in.size() - h.size, static_cast<std::size_t>(h.length)), out);
  return true;
}

std::optional<std::uint16_t> close_code_of(std::string_view payload) {
  if (payload.size() < 2) return std::nullopt;
  return static_cast<std::uint16_t>((static_cast<std::uint8_t>(payload[0]) << 8) | static_cast<std::uint8_t>(payload[1]));
}

std::string_view close_reason_of(std::string_view payload) {
  return payload.size() > 2 ? payload.substr(2) : std::string_view{};
}

}  // namespace conform::ws
