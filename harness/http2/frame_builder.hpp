// Writes any HTTP/2 frame, valid or not (RFC 9113 §4.1 layout): any type and flags,
// the reserved bit, a length field that lies, padding that lies. Cases build frames
// with these functions and never write frame bytes inline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/http2/frame.hpp"

namespace conform::h2 {

struct raw_frame {
  std::uint8_t type = 0;
  std::uint8_t flags = 0;
  std::uint32_t stream_id = 0;  // all 32 bits: 0x80000000 sets the reserved bit
  std::string payload;
  std::optional<std::uint32_t> length;  // written instead of payload.size() (24 bits)

  std::string bytes() const;
  // The same frame with the reserved bit of the stream identifier set.
  raw_frame&& with_reserved_bit() &&;
  // The same frame claiming a payload length it does not have.
  raw_frame&& with_length(std::uint32_t claimed) &&;
  // PADDED: a pad-length octet of `declared`, then the payload, then `actual` zero
  // octets (`actual` defaults to `declared`; a larger `declared` makes a lying frame).
  raw_frame&& padded(std::uint8_t declared, std::optional<std::size_t> actual = std::nullopt) &&;
  // HEADERS with the PRIORITY flag and its five octets (RFC 9113 §6.2).
  raw_frame&& with_priority(std::uint32_t depends_on, std::uint8_t weight, bool exclusive = false) &&;
};

raw_frame data(std::uint32_t stream, std::string_view body, bool end_stream = false);
raw_frame headers(std::uint32_t stream, std::string_view block, bool end_stream = true, bool end_headers = true);
raw_frame continuation(std::uint32_t stream, std::string_view block, bool end_headers = true);
raw_frame priority(std::uint32_t stream, std::uint32_t depends_on, std::uint8_t weight = 15, bool exclusive = false);
raw_frame rst_stream(std::uint32_t stream, std::uint32_t code);
raw_frame rst_stream(std::uint32_t stream, error_code code);
raw_frame settings(std::vector<settings_entry> const& entries = {});
raw_frame settings_ack();
raw_frame push_promise(std::uint32_t stream, std::uint32_t promised, std::string_view block);
raw_frame ping(std::string_view opaque = "conform!", bool ack = false);
raw_frame goaway(std::uint32_t last_stream_id, std::uint32_t code, std::string_view debug = {});
raw_frame window_update(std::uint32_t stream, std::uint32_t increment);
raw_frame unknown(std::uint8_t type, std::uint32_t stream, std::string_view payload, std::uint8_t flags = 0);

// Appends a 32-bit big-endian value.
void put32(std::string& out, std::uint32_t value);

}  // namespace conform::h2
