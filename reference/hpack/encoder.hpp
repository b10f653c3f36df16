// RFC 7541 §6: encodes header lists into header blocks. The strategy is plain: a full
// match in the tables is indexed; otherwise a literal, added to the table unless the
// field is sensitive (never indexed) or too large to be worth keeping; strings are
// Huffman-coded when that is shorter.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>

#include "reference/hpack/header_field.hpp"
#include "reference/hpack/rfc7541_4_dynamic_table.hpp"

namespace conform::reference::hpack {

class encoder {
 public:
  explicit encoder(std::size_t max_table_size = 4096) : table_(max_table_size) {}

  // The peer's SETTINGS_HEADER_TABLE_SIZE changed: the next block starts with a
  // dynamic table size update (§4.2), to the new value capped at what we want to use.
  void set_max_table_size(std::size_t peer_limit);

  // Appends the header block for `fields` to `out`.
  void encode(std::span<header_field const> fields, std::string& out);

  dynamic_table const& table() const { return table_; }

 private:
  void encode_field(header_field const& field, std::string& out);

  dynamic_table table_;
  std::optional<std::size_t> pending_update_;
};

}  // namespace conform::reference::hpack
