// RFC 7541 §5: the two primitive types of HPACK, integers with an N-bit prefix and
// string literals (raw or Huffman-coded).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace conform::reference::hpack {

// Appends `value` with an N-bit prefix (§5.1); `first_byte_flags` holds the bits above
// the prefix (the representation's pattern, 0x80 for an indexed field...).
void encode_integer(std::string& out, std::uint8_t first_byte_flags, int prefix_bits, std::uint64_t value);

// Appends a string literal (§5.2), Huffman-coded when that is shorter.
void encode_string(std::string& out, std::string_view text);

// Reads primitives from one header block. On error, `pos` is left where reading stopped.
class block_reader {
 public:
  explicit block_reader(std::string_view block) : block_(block) {}

  bool at_end() const { return pos_ == block_.size(); }
  std::uint8_t peek() const { return static_cast<std::uint8_t>(block_[pos_]); }
  std::size_t position() const { return pos_; }

  // Values above 2^32 - 1 are refused: no field of HPACK needs more.
  std::error_code read_integer(int prefix_bits, std::uint64_t& value);
  // Strings longer than `max_length` (after Huffman decoding) are refused.
  std::error_code read_string(std::size_t max_length, std::string& text);

 private:
  std::string_view block_;
  std::size_t pos_ = 0;
};

}  // namespace conform::reference::hpack
