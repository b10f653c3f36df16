#include "harness/http2/frame_builder.hpp"

namespace conform::h2 {

void put32(std::string& out, std::uint32_t value) {
  out.push_back(static_cast<char>(value >> 24));
  out.push_back(static_cast<char>(value >> 16));
  out.push_back(static_cast<char>(value >> 8));
  out.push_back(static_cast<char>(value));
}

std::string raw_frame::bytes() const {
  std::uint32_t const n = length.value_or(static_cast<std::uint32_t>(payload.size()));
  std::string out;
  out.reserve(9 + payload.size());
  out.push_back(static_cast<char>(n >> 16));
  out.push_back(static_cast<char>(n >> 8));
  out.push_back(static_cast<char>(n));
  out.push_back(static_cast<char>(type));
  out.push_back(static_cast<char>(flags));
  put32(out, stream_id);
  out += payload;
  return out;
}

raw_frame&& raw_frame::with_reserved_bit() && {
  stream_id |= 0x80000000u;
  return std::move(*this);
}

raw_frame&& raw_frame::with_length(std::uint32_t claimed) && {
  length = claimed;
  return std::move(*this);
}

raw_frame&& raw_frame::padded(std::uint8_t declared, std::optional<std::size_t> actual) && {
  flags |= flag::padded;
  std::string p(1, static_cast<char>(declared));
  // HEADERS priority fields come after the pad length, before the block (§6.2).
  p += payload;
  p.append(actual.value_or(declared), '\0');
  payload = std::move(p);
  return std::move(*this);
}

raw_frame&& raw_frame::with_priority(std::uint32_t depends_on, std::uint8_t weight, bool exclusive) && {
  flags |= flag::priority;
  std::string p;
  put32(p, depends_on | (exclusive ? 0x80000000u : 0u));
  p.push_back(static_cast<char>(weight));
  payload = p + payload;
  return std::move(*this);
}

raw_frame data(std::uint32_t stream, std::string_view body, bool end_stream) {
  return {frame_type::data, end_stream ? flag::end_stream : std::uint8_t{0}, stream, std::string(body), {}};
}

raw_frame headers(std::uint32_t stream, std::string_view block, bool end_stream, bool end_headers) {
  std::uint8_t const f = static_cast<std::uint8_t>((end_stream ? flag::end_stream : 0) | (end_headers ? flag::end_headers : 0));
  return {frame_type::headers, f, stream, std::string(block), {}};
}

raw_frame continuation(std::uint32_t stream, std::string_view block, bool end_headers) {
  return {frame_type::continuation, end_headers ? flag::end_headers : std::uint8_t{0}, stream, std::string(block), {}};
}

raw_frame priority(std::uint32_t stream, std::uint32_t depends_on, std::uint8_t weight, bool exclusive) {
  std::string p;
  put32(p, depends_on | (exclusive ? 0x80000000u : 0u));
  p.push_back(static_cast<char>(weight));
  return {frame_type::priority, 0, stream, p, {}};
}

raw_frame rst_stream(std::uint32_t stream, std::uint32_t code) {
  std::string p;
  put32(p, code);
  return {frame_type::rst_stream, 0, stream, p, {}};
}

raw_frame rst_stream(std::uint32_t stream, error_code code) {
  return rst_stream(stream, static_cast<std::uint32_t>(code));
}

raw_frame settings(std::vector<settings_entry> const& entries) {
  std::string p;
  for (auto const& e : entries) {
    p.push_back(static_cast<char>(e.id >> 8));
    p.push_back(static_cast<char>(e.id));
    put32(p, e.value);
  }
  return {frame_type::settings, 0, 0, p, {}};
}

raw_frame settings_ack() { return {frame_type::settings, flag::ack, 0, {}, {}}; }

raw_frame push_promise(std::uint32_t stream, std::uint32_t promised, std::string_view block) {
  std::string p;
  put32(p, promised);
  p += block;
  return {frame_type::push_promise, flag::end_headers, stream, p, {}};
}

raw_frame ping(std::string_view opaque, bool ack) {
  return {frame_type::ping, ack ? flag::ack : std::uint8_t{0}, 0, std::string(opaque), {}};
}

raw_frame goaway(std::uint32_t last_stream_id, std::uint32_t code, std::string_view debug) {
  std::string p;
  put32(p, last_stream_id);
  put32(p, code);
  p += debug;
  return {frame_type::goaway, 0, 0, p, {}};
}

raw_frame window_update(std::uint32_t stream, std::uint32_t increment) {
  std::string p;
  put32(p, increment);
  return {frame_type::window_update, 0, stream, p, {}};
}

raw_frame unknown(std::uint8_t type, std::uint32_t stream, std::string_view payload, std::uint8_t flags) {
  return {type, flags, stream, std::string(payload), {}};
}

}  // namespace conform::h2
