#include "harness/http2/frame_reader.hpp"

#include <algorithm>

namespace conform::h2 {

frame_reader::status frame_reader::fail(std::string why) {
  error_ = std::move(why);
  return status::error;
}

frame_reader::status frame_reader::next(frame& out) {
  if (!error_.empty()) return status::error;
  if (!started_ && buffer_.size() >= 5) {
    started_ = true;
    if (buffer_.starts_with("HTTP/")) {
      saw_http1_ = true;
      auto const line_end = buffer_.find("\r\n");
      return fail("the target answered in HTTP/1: \"" + buffer_.substr(0, std::min<std::size_t>(line_end, 60)) + "\"");
    }
  }
  if (buffer_.size() < 9) return status::need_more;
  auto const byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(buffer_[i])); };
  std::uint32_t const length = (byte(0) << 16) | (byte(1) << 8) | byte(2);
  if (length > max_frame_size_)
    return fail("a frame of " + std::to_string(length) + " octets, above the SETTINGS_MAX_FRAME_SIZE of " +
                std::to_string(max_frame_size_) + " we advertised (RFC 9113 §4.2)");
  if (buffer_.size() < 9 + length) return status::need_more;
  started_ = true;
  out.type = static_cast<std::uint8_t>(byte(3));
  out.flags = static_cast<std::uint8_t>(byte(4));
  std::uint32_t const sid = (byte(5) << 24) | (byte(6) << 16) | (byte(7) << 8) | byte(8);
  out.reserved_bit = (sid & 0x80000000u) != 0;
  out.stream_id = sid & 0x7fffffffu;
  out.payload.assign(buffer_, 9, length);
  out.depends_on.reset();
  buffer_.erase(0, 9 + length);
  if (!strip_padding_and_priority(out))
    return fail(frame_type_name(out.type) + " on stream " + std::to_string(out.stream_id) +
                " with padding longer than its payload (RFC 9113 §6.1)");
  return status::frame;
}

// DATA, HEADERS and PUSH_PROMISE may be padded; HEADERS may carry priority fields.
// Both are removed so `payload` is the data or the header block fragment.
bool frame_reader::strip_padding_and_priority(frame& f) {
  bool const paddable =
      f.type == frame_type::data || f.type == frame_type::headers || f.type == frame_type::push_promise;
  if (paddable && f.has(flag::padded)) {
    if (f.payload.empty()) return false;
    std::size_t const pad = static_cast<unsigned char>(f.payload[0]);
    if (pad >= f.payload.size()) return false;
    f.payload = f.payload.substr(1, f.payload.size() - 1 - pad);
  }
  if (f.type == frame_type::headers && f.has(flag::priority)) {
    if (f.payload.size() < 5) return false;
    auto const b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(f.payload[i])); };
    f.depends_on = ((b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) & 0x7fffffffu;
    f.payload.erase(0, 5);
  }
  return true;
}

}  // namespace conform::h2
