// RFC 7541 §5.2 and Appendix B: the static Huffman code of HPACK string literals.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace conform::reference::hpack {

// Octets `text` takes once coded, padding included.
std::size_t huffman_encoded_length(std::string_view text);

// Appends the code of `text`, padded to an octet with the most significant bits of EOS.
void huffman_encode(std::string_view text, std::string& out);

// Decodes `coded` into `text`. Refuses EOS, padding longer than 7 bits or not made of
// ones (§5.2), and output longer than `max_length`.
std::error_code huffman_decode(std::string_view coded, std::size_t max_length, std::string& text);

}  // namespace conform::reference::hpack
