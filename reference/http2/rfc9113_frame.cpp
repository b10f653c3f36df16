#include "reference/http2/rfc9113_frame.hpp"

#include <algorithm>

namespace conform::reference::http2 {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v >> 24));
  out.push_back(static_cast<char>(v >> 16));
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v));
}

}  // namespace

std::uint32_t read_u32(std::string_view b, std::size_t at) {
  auto const u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i])); };
  return (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
}

frame_header parse_frame_header(std::string_view b) {
  auto const u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[i])); };
  return {(u(0) << 16) | (u(1) << 8) | u(2), static_cast<std::uint8_t>(u(3)), static_cast<std::uint8_t>(u(4)),
          read_u32(b, 5) & 0x7fffffffu};
}

void write_frame_header(std::string& out, std::uint32_t length, frame_type type, std::uint8_t f,
                        std::uint32_t stream) {
  out.push_back(static_cast<char>(length >> 16));
  out.push_back(static_cast<char>(length >> 8));
  out.push_back(static_cast<char>(length));
  out.push_back(static_cast<char>(type));
  out.push_back(static_cast<char>(f));
  put_u32(out, stream);
}

void write_settings(std::string& out, std::initializer_list<std::pair<std::uint16_t, std::uint32_t>> values) {
  write_frame_header(out, static_cast<std::uint32_t>(values.size() * 6), frame_type::settings, 0, 0);
  for (auto const& [id, value] : values) {
    out.push_back(static_cast<char>(id >> 8));
    out.push_back(static_cast<char>(id));
    put_u32(out, value);
  }
}

void write_settings_ack(std::string& out) { write_frame_header(out, 0, frame_type::settings, flags::ack, 0); }

void write_ping_ack(std::string& out, std::string_view opaque) {
  write_frame_header(out, 8, frame_type::ping, flags::ack, 0);
  out += opaque;
}

void write_goaway(std::string& out, std::uint32_t last_stream_id, error_code code, std::string_view debug) {
  write_frame_header(out, static_cast<std::uint32_t>(8 + debug.size()), frame_type::goaway, 0, 0);
  put_u32(out, last_stream_id);
  put_u32(out, static_cast<std::uint32_t>(code));
  out += debug;
}

void write_rst_stream(std::string& out, std::uint32_t stream, error_code code) {
  write_frame_header(out, 4, frame_type::rst_stream, 0, stream);
  put_u32(out, static_cast<std::uint32_t>(code));
}

void write_window_update(std::string& out, std::uint32_t stream, std::uint32_t increment) {
  write_frame_header(out, 4, frame_type::window_update, 0, stream);
  put_u32(out, increment);
}

void write_data(std::string& out, std::uint32_t stream, std::string_view data, bool end_stream) {
  write_frame_header(out, static_cast<std::uint32_t>(data.size()), frame_type::data,
                     end_stream ? flags::end_stream : std::uint8_t{0}, stream);
  out += data;
}

void write_header_block(std::string& out, std::uint32_t stream, std::string_view block, bool end_stream,
                        std::uint32_t max_frame_size) {
  auto first = block.substr(0, std::min<std::size_t>(block.size(), max_frame_size));
  block.remove_prefix(first.size());
  std::uint8_t f = end_stream ? flags::end_stream : 0;
  if (block.empty()) f |= flags::end_headers;
  write_frame_header(out, static_cast<std::uint32_t>(first.size()), frame_type::headers, f, stream);
  out += first;
  while (!block.empty()) {
    auto const part = block.substr(0, std::min<std::size_t>(block.size(), max_frame_size));
    block.remove_prefix(part.size());
    write_frame_header(out, static_cast<std::uint32_t>(part.size()), frame_type::continuation,
                       block.empty() ? flags::end_headers : std::uint8_t{0}, stream);
    out += part;
  }
}

}  // namespace conform::reference::http2
