#include "reference/hpack/decoder.hpp"

#include "reference/hpack/error.hpp"
#include "reference/hpack/rfc7541_5_primitives.hpp"

namespace conform::reference::hpack {

struct decoder::block_state {
  block_reader reader;
  bool seen_field = false;
  std::size_t list_size = 0;  // RFC 9113 §6.5.2 accounting
  bool too_large = false;     // past the limit: keep decoding, stop storing
};

decoder::decoder(decoder_limits limits) : limits_(limits), table_(limits.max_table_size) {}

void decoder::set_max_table_size(std::size_t max_size) {
  if (max_size < table_.max_size()) size_update_required_ = true;
  limits_.max_table_size = max_size;
}

std::error_code decoder::decode(std::string_view block, std::vector<header_field>& fields) {
  block_state state{block_reader(block)};
  if (size_update_required_ && (block.empty() || (state.reader.peek() & 0xe0) != 0x20))
    return error::table_size_update_missing;
  while (!state.reader.at_end()) {
    if (auto ec = decode_one(state, fields)) return ec;
  }
  if (state.too_large) return error::header_list_too_large;
  return {};
}

// §6: the representation is named by the first octet's high bits.
std::error_code decoder::decode_one(block_state& state, std::vector<header_field>& fields) {
  std::uint8_t const first = state.reader.peek();
  if (first & 0x80) return indexed(state, fields);                  // §6.1   1xxxxxxx
  if (first & 0x40) return literal(state, fields, 6, true, false);  // §6.2.1 01xxxxxx
  if (first & 0x20) return size_update(state);                      // §6.3   001xxxxx
  if (first & 0x10) return literal(state, fields, 4, false, true);  // §6.2.3 0001xxxx
  return literal(state, fields, 4, false, false);                   // §6.2.2 0000xxxx
}

std::error_code decoder::indexed(block_state& state, std::vector<header_field>& fields) {
  std::uint64_t index = 0;
  if (auto ec = state.reader.read_integer(7, index)) return ec;
  if (index == 0) return error::index_zero;
  auto entry = lookup(table_, index);
  if (!entry) return error::index_out_of_range;
  emit(state, fields, {std::move(entry->name), std::move(entry->value), false});
  return {};
}

std::error_code decoder::literal(block_state& state, std::vector<header_field>& fields, int prefix_bits, bool add,
                                 bool never) {
  std::uint64_t index = 0;
  if (auto ec = state.reader.read_integer(prefix_bits, index)) return ec;
  header_field field;
  field.never_indexed = never;
  // No single string may exceed the header list limit, so a bomb stops at the limit.
  std::size_t const max_string = limits_.max_header_list_size;
  if (index != 0) {
    auto entry = lookup(table_, index);
    if (!entry) return error::index_out_of_range;
    field.name = std::move(entry->name);
  } else if (auto ec = state.reader.read_string(max_string, field.name)) {
    return ec;
  }
  if (auto ec = state.reader.read_string(max_string, field.value)) return ec;
  if (add) table_.add(field.name, field.value);
  emit(state, fields, std::move(field));
  return {};
}

// §6.3 and §4.2: only at the start of a block, never above the acknowledged limit.
std::error_code decoder::size_update(block_state& state) {
  if (state.seen_field) return error::table_size_update_not_first;
  std::uint64_t size = 0;
  if (auto ec = state.reader.read_integer(5, size)) return ec;
  if (size > limits_.max_table_size) return error::table_size_over_limit;
  table_.set_max_size(static_cast<std::size_t>(size));
  size_update_required_ = false;
  return {};
}

void decoder::emit(block_state& state, std::vector<header_field>& fields, header_field field) {
  state.seen_field = true;
  state.list_size += entry_size(field.name, field.value);
  if (state.list_size > limits_.max_header_list_size) state.too_large = true;
  if (!state.too_large) fields.push_back(std::move(field));
}

}  // namespace conform::reference::hpack
