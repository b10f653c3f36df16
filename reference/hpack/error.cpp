#include "reference/hpack/error.hpp"

#include <array>
#include <string>

namespace conform::reference::hpack {
namespace {

struct error_row {
  std::string_view key;
  std::string_view message;
};

// In enum order, starting at integer_truncated.
constexpr std::array<error_row, 13> rows = {{
    {"integer_truncated", "RFC 7541 §5.1: header block ends inside an integer"},
    {"integer_overflow", "RFC 7541 §5.1: integer above 2^32 - 1"},
    {"string_truncated", "RFC 7541 §5.2: header block ends inside a string literal"},
    {"string_too_long", "RFC 7541 §5.2: string literal longer than the decoder accepts"},
    {"huffman_eos", "RFC 7541 §5.2: EOS symbol in a Huffman-coded string"},
    {"huffman_padding_too_long", "RFC 7541 §5.2: Huffman padding longer than 7 bits"},
    {"huffman_padding_not_eos", "RFC 7541 §5.2: Huffman padding is not a prefix of EOS"},
    {"index_zero", "RFC 7541 §6.1: indexed header field with index 0"},
    {"index_out_of_range", "RFC 7541 §2.3.3: index beyond the static and dynamic tables"},
    {"table_size_update_not_first", "RFC 7541 §4.2: dynamic table size update after a header field"},
    {"table_size_over_limit", "RFC 7541 §6.3: dynamic table size above SETTINGS_HEADER_TABLE_SIZE"},
    {"table_size_update_missing", "RFC 7541 §4.2: required dynamic table size update missing"},
    {"header_list_too_large", "RFC 9113 §6.5.2: header list larger than SETTINGS_MAX_HEADER_LIST_SIZE"},
}};

error_row const* row_of(int value) {
  if (value < 1 || value > static_cast<int>(rows.size())) return nullptr;
  return &rows[static_cast<std::size_t>(value - 1)];
}

class category final : public std::error_category {
 public:
  char const* name() const noexcept override { return "hpack"; }
  std::string message(int value) const override {
    auto const* row = row_of(value);
    return row ? std::string(row->message) : "unknown HPACK error";
  }
};

}  // namespace

std::error_category const& hpack_category() {
  static category const instance;
  return instance;
}

std::error_code make_error_code(error e) { return {static_cast<int>(e), hpack_category()}; }

std::string_view key(error e) {
  auto const* row = row_of(static_cast<int>(e));
  return row ? row->key : "unknown";
}

}  // namespace conform::reference::hpack
