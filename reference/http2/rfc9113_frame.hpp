// RFC 9113 §4 and §6: the HTTP/2 frame layout, its constants, and the writers of every
// frame the server sends. Pure bytes in and out; what a frame means for a stream or the
// connection is decided in connection.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conform::reference::http2 {

enum class frame_type : std::uint8_t {
  data = 0x0,
  headers = 0x1,
  priority = 0x2,
  rst_stream = 0x3,
  settings = 0x4,
  push_promise = 0x5,
  ping = 0x6,
  goaway = 0x7,
  window_update = 0x8,
  continuation = 0x9,
};
inline constexpr std::uint8_t frame_type_count = 10;  // types above are extensions: ignored

namespace flags {
inline constexpr std::uint8_t end_stream = 0x1, ack = 0x1, end_headers = 0x4, padded = 0x8, priority = 0x20;
}

// RFC 9113 §7.
enum class error_code : std::uint32_t {
  no_error = 0x0,
  protocol_error = 0x1,
  internal_error = 0x2,
  flow_control_error = 0x3,
  settings_timeout = 0x4,
  stream_closed = 0x5,
  frame_size_error = 0x6,
  refused_stream = 0x7,
  cancel = 0x8,
  compression_error = 0x9,
  connect_error = 0xa,
  enhance_your_calm = 0xb,
  inadequate_security = 0xc,
  http_1_1_required = 0xd,
};

// RFC 9113 §6.5.2.
namespace settings_id {
inline constexpr std::uint16_t header_table_size = 0x1, enable_push = 0x2, max_concurrent_streams = 0x3,
                               initial_window_size = 0x4, max_frame_size = 0x5, max_header_list_size = 0x6;
}

inline constexpr std::string_view connection_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
inline constexpr std::size_t frame_header_size = 9;
inline constexpr std::uint32_t min_max_frame_size = 16384;
inline constexpr std::uint32_t max_max_frame_size = 0xffffff;
inline constexpr std::int64_t max_window_size = 0x7fffffff;

struct frame_header {
  std::uint32_t length = 0;
  std::uint8_t type = 0;  // may be an unknown type
  std::uint8_t flags = 0;
  std::uint32_t stream_id = 0;  // reserved bit already cleared (RFC 9113 §4.1: ignored)

  bool has(std::uint8_t f) const { return (flags & f) != 0; }
  bool is(frame_type t) const { return type == static_cast<std::uint8_t>(t); }
};

// The header at the start of `bytes`, which must hold at least 9 octets.
frame_header parse_frame_header(std::string_view bytes);
std::uint32_t read_u32(std::string_view bytes, std::size_t at);

// Writers: each appends one whole frame to `out`.
void write_frame_header(std::string& out, std::uint32_t length, frame_type, std::uint8_t flags, std::uint32_t stream);
void write_settings(std::string& out, std::initializer_list<std::pair<std::uint16_t, std::uint32_t>> values);
void write_settings_ack(std::string& out);
void write_ping_ack(std::string& out, std::string_view opaque);
void write_goaway(std::string& out, std::uint32_t last_stream_id, error_code, std::string_view debug);
void write_rst_stream(std::string& out, std::uint32_t stream, error_code);
void write_window_update(std::string& out, std::uint32_t stream, std::uint32_t increment);
void write_data(std::string& out, std::uint32_t stream, std::string_view data, bool end_stream);
// A header block as HEADERS plus as many CONTINUATION frames as `max_frame_size` needs.
void write_header_block(std::string& out, std::uint32_t stream, std::string_view block, bool end_stream,
                        std::uint32_t max_frame_size);

}  // namespace conform::reference::http2
