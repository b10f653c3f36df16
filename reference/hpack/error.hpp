// Why an HPACK header block could not be decoded (RFC 7541). Every value names the
// clause it enforces; all but header_list_too_large are COMPRESSION_ERROR in HTTP/2
// (RFC 9113 §4.3), which is the connection's business, not the codec's.
#pragma once

#include <cstdint>
#include <string_view>
#include <system_error>

namespace conform::reference::hpack {

enum class error : std::uint8_t {
  integer_truncated = 1,       // §5.1: the block ends inside an integer
  integer_overflow,            // §5.1: a value above what this decoder accepts (2^32 - 1)
  string_truncated,            // §5.2: the block ends inside a string literal
  string_too_long,             // §5.2: longer than the decoder's limit
  huffman_eos,                 // §5.2: the EOS symbol inside a string
  huffman_padding_too_long,    // §5.2: padding strictly longer than 7 bits
  huffman_padding_not_eos,     // §5.2: padding that is not the EOS code's most significant bits
  index_zero,                  // §6.1: an indexed field with index 0
  index_out_of_range,          // §2.3.3: an index beyond the static and dynamic tables
  table_size_update_not_first, // §4.2: a dynamic table size update after a field
  table_size_over_limit,       // §6.3: a new maximum above the acknowledged SETTINGS value
  table_size_update_missing,   // §4.2: the limit shrank, but the block does not start with an update
  header_list_too_large,       // RFC 9113 §6.5.2: above SETTINGS_MAX_HEADER_LIST_SIZE (table kept in sync)
};

std::error_category const& hpack_category();
std::error_code make_error_code(error);

// The stable key of an error ("huffman_eos"), for logs and cases.
std::string_view key(error);

}  // namespace conform::reference::hpack

template <>
struct std::is_error_code_enum<conform::reference::hpack::error> : std::true_type {};
