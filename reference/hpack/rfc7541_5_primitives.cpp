#include "reference/hpack/rfc7541_5_primitives.hpp"

#include "reference/hpack/error.hpp"
#include "reference/hpack/huffman.hpp"

namespace conform::reference::hpack {

void encode_integer(std::string& out, std::uint8_t first_byte_flags, int prefix_bits, std::uint64_t value) {
  std::uint64_t const prefix_max = (1u << prefix_bits) - 1;
  if (value < prefix_max) {
    out.push_back(static_cast<char>(first_byte_flags | value));
    return;
  }
  out.push_back(static_cast<char>(first_byte_flags | prefix_max));
  value -= prefix_max;
  while (value >= 128) {
    out.push_back(static_cast<char>(0x80 | (value & 0x7f)));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

void encode_string(std::string& out, std::string_view text) {
  std::size_t const coded = huffman_encoded_length(text);
  if (coded < text.size()) {
    encode_integer(out, 0x80, 7, coded);
    huffman_encode(text, out);
  } else {
    encode_integer(out, 0x00, 7, text.size());
    out.append(text);
  }
}

std::error_code block_reader::read_integer(int prefix_bits, std::uint64_t& value) {
  if (at_end()) return error::integer_truncated;
  std::uint64_t const prefix_max = (1u << prefix_bits) - 1;
  value = peek() & prefix_max;
  ++pos_;
  if (value < prefix_max) return {};
  // Continuation bytes carry 7 bits each, least significant first (§5.1). Five are
  // enough for 2^32 - 1; a sixth, or a larger total, is refused before it can overflow.
  for (int shift = 0; shift <= 28; shift += 7) {
    if (at_end()) return error::integer_truncated;
    std::uint8_t const byte = peek();
    ++pos_;
    value += static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (value > 0xffffffffu) return error::integer_overflow;
    if ((byte & 0x80) == 0) return {};
  }
  return error::integer_overflow;
}

std::error_code block_reader::read_string(std::size_t max_length, std::string& text) {
  if (at_end()) return error::string_truncated;
  bool const huffman = (peek() & 0x80) != 0;
  std::uint64_t length = 0;
  if (auto ec = read_integer(7, length)) return ec == error::integer_truncated ? error::string_truncated : ec;
  if (length > block_.size() - pos_) return error::string_truncated;
  auto const raw = block_.substr(pos_, static_cast<std::size_t>(length));
  pos_ += raw.size();
  text.clear();
  if (!huffman) {
    if (raw.size() > max_length) return error::string_too_long;
    text.assign(raw);
    return {};
  }
  return huffman_decode(raw, max_length, text);
}

}  // namespace conform::reference::hpack
