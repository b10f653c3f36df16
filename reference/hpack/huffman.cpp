#include "reference/hpack/huffman.hpp"

#include <cstdint>

#include "reference/hpack/error.hpp"
#include "reference/hpack/rfc7541_tables.hpp"

namespace conform::reference::hpack {

std::size_t huffman_encoded_length(std::string_view text) {
  std::size_t bits = 0;
  for (unsigned char c : text) bits += huffman_codes[c].length;
  return (bits + 7) / 8;
}

void huffman_encode(std::string_view text, std::string& out) {
  std::uint64_t pending = 0;  // bits not yet written, right-aligned
  int count = 0;
  for (unsigned char c : text) {
    auto const& code = huffman_codes[c];
    pending = (pending << code.length) | code.bits;
    count += code.length;
    while (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>(pending >> count));
    }
    pending &= (std::uint64_t{1} << count) - 1;
  }
  if (count > 0) {
    // Pad with ones: the most significant bits of EOS (§5.2).
    out.push_back(static_cast<char>((pending << (8 - count)) | ((1u << (8 - count)) - 1)));
  }
}

// The code is canonical (tools/gen_hpack_tables checks it), so a symbol is found by
// reading bits until the code read so far falls inside the range of its length.
std::error_code huffman_decode(std::string_view coded, std::size_t max_length, std::string& text) {
  std::uint32_t code = 0;
  int length = 0;
  for (unsigned char byte : coded) {
    for (int bit = 7; bit >= 0; --bit) {
      code = (code << 1) | ((byte >> bit) & 1u);
      ++length;
      auto const& row = huffman_lengths[static_cast<std::size_t>(length)];
      if (row.count == 0 || code < row.first_code || code - row.first_code >= row.count) {
        if (length == 30) return error::huffman_eos;  // only EOS and nothing else is 30 bits long
        continue;
      }
      auto const symbol = huffman_symbols_by_code[row.first_index + (code - row.first_code)];
      if (symbol == huffman_eos) return error::huffman_eos;
      if (text.size() == max_length) return error::string_too_long;
      text.push_back(static_cast<char>(symbol));
      code = 0;
      length = 0;
    }
  }
  if (length > 7) return error::huffman_padding_too_long;
  if (code != (1u << length) - 1) return error::huffman_padding_not_eos;
  return {};
}

}  // namespace conform::reference::hpack
