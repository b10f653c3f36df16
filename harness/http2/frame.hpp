// HTTP/2 frames as the harness sees them (RFC 9113 §4, §6): the names of types, flags,
// settings and error codes, and one received frame. Writing frames is frame_builder's
// job, reading them frame_reader's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform::h2 {

// RFC 9113 §6; values above 9 are extension or unknown types.
namespace frame_type {
inline constexpr std::uint8_t data = 0x0, headers = 0x1, priority = 0x2, rst_stream = 0x3, settings = 0x4,
                              push_promise = 0x5, ping = 0x6, goaway = 0x7, window_update = 0x8,
                              continuation = 0x9;
}

namespace flag {
inline constexpr std::uint8_t end_stream = 0x1, ack = 0x1, end_headers = 0x4, padded = 0x8, priority = 0x20;
}

// RFC 9113 §6.5.2.
namespace setting {
inline constexpr std::uint16_t header_table_size = 0x1, enable_push = 0x2, max_concurrent_streams = 0x3,
                               initial_window_size = 0x4, max_frame_size = 0x5, max_header_list_size = 0x6,
                               enable_connect_protocol = 0x8;  // RFC 8441
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

std::string to_string(error_code);        // "PROTOCOL_ERROR", or "0x1f (unknown)"
std::string frame_type_name(std::uint8_t);  // "HEADERS", or "0x21 (unknown)"

inline constexpr std::string_view client_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
inline constexpr std::uint32_t default_max_frame_size = 16384;
inline constexpr std::uint32_t default_window = 65535;
inline constexpr std::uint32_t max_window = 0x7fffffff;

struct settings_entry {
  std::uint16_t id = 0;
  std::uint32_t value = 0;
};

// One frame read from the target, its padding already checked and removed.
struct frame {
  std::uint8_t type = 0;
  std::uint8_t flags = 0;
  std::uint32_t stream_id = 0;  // the reserved bit cleared
  bool reserved_bit = false;    // what the target sent in it
  std::string payload;          // without padding, pad length or priority fields
  std::optional<std::uint32_t> depends_on;  // HEADERS with PRIORITY: the stream dependency

  bool has(std::uint8_t f) const { return (flags & f) != 0; }

  // Views of the payload by type; nullopt when the payload is too short for it.
  std::optional<error_code> rst_code() const;
  std::optional<std::uint32_t> window_increment() const;
  struct goaway_fields {
    std::uint32_t last_stream_id = 0;
    error_code code = error_code::no_error;
    std::string debug;
  };
  std::optional<goaway_fields> goaway() const;
  std::optional<std::vector<settings_entry>> settings() const;

  // "HEADERS stream=1 flags=END_STREAM|END_HEADERS length=42"
  std::string summary() const;
};

}  // namespace conform::h2
