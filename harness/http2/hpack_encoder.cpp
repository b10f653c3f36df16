#include "harness/http2/hpack_encoder.hpp"

#include "harness/http2/hpack_tables.hpp"

namespace conform::h2 {

void hpack_integer(std::string& out, std::uint8_t flags, int prefix_bits, std::uint64_t value) {
  std::uint64_t const limit = (std::uint64_t{1} << prefix_bits) - 1;
  if (value < limit) {
    out.push_back(static_cast<char>(flags | value));
    return;
  }
  out.push_back(static_cast<char>(flags | limit));
  for (value -= limit; value >= 0x80; value >>= 7) out.push_back(static_cast<char>(0x80 | (value & 0x7f)));
  out.push_back(static_cast<char>(value));
}

std::string huffman_code_of(std::string_view text) {
  std::string out;
  std::uint64_t bits = 0;
  int held = 0;
  for (unsigned char c : text) {
    auto const& code = hpack_tables::huffman_codes[c];
    bits = (bits << code.length) | code.bits;
    held += code.length;
    for (; held >= 8; held -= 8) out.push_back(static_cast<char>(bits >> (held - 8)));
    bits &= (std::uint64_t{1} << held) - 1;
  }
  if (held > 0) out.push_back(static_cast<char>((bits << (8 - held)) | ((1u << (8 - held)) - 1)));
  return out;
}

void hpack_block::string_literal(std::string_view text, coding how) {
  if (how == coding::plain) {
    hpack_integer(out_, 0x00, 7, text.size());
    out_ += text;
    return;
  }
  std::string const coded = how == coding::huffman ? huffman_code_of(text) : std::string(text);
  hpack_integer(out_, 0x80, 7, coded.size());
  out_ += coded;
}

hpack_block& hpack_block::indexed(std::uint64_t index) {
  hpack_integer(out_, 0x80, 7, index);
  return *this;
}

namespace {

void literal_prefix(std::string& out, literal_kind kind, std::uint64_t name_index) {
  switch (kind) {
    case literal_kind::incremental: hpack_integer(out, 0x40, 6, name_index); break;
    case literal_kind::without_indexing: hpack_integer(out, 0x00, 4, name_index); break;
    case literal_kind::never_indexed: hpack_integer(out, 0x10, 4, name_index); break;
  }
}

}  // namespace

hpack_block& hpack_block::literal(literal_kind kind, std::uint64_t name_index, std::string_view value, coding how) {
  literal_prefix(out_, kind, name_index);
  string_literal(value, how);
  return *this;
}

hpack_block& hpack_block::literal(literal_kind kind, std::string_view name, std::string_view value, coding how) {
  literal_prefix(out_, kind, 0);
  string_literal(name, how);
  string_literal(value, how);
  return *this;
}

hpack_block& hpack_block::size_update(std::uint64_t max_size) {
  hpack_integer(out_, 0x20, 5, max_size);
  return *this;
}

hpack_block& hpack_block::raw(std::string_view bytes) {
  out_ += bytes;
  return *this;
}

hpack_block& hpack_block::fields(field_list const& list) {
  for (auto const& f : list) {
    std::uint64_t full = 0, name_only = 0;
    for (std::size_t i = 0; i < hpack_tables::static_table.size() && full == 0; ++i) {
      auto const& e = hpack_tables::static_table[i];
      if (e.name != f.name) continue;
      if (e.value == f.value) full = i + 1;
      if (name_only == 0) name_only = i + 1;
    }
    if (full != 0) {
      indexed(full);
    } else if (name_only != 0) {
      literal(literal_kind::without_indexing, name_only, f.value);
    } else {
      literal(literal_kind::without_indexing, f.name, f.value);
    }
  }
  return *this;
}

field_list request_fields(std::string_view method, std::string_view path, std::string_view authority,
                          std::string_view scheme, field_list const& extra) {
  field_list out = {{":method", std::string(method)},
                    {":scheme", std::string(scheme)},
                    {":path", std::string(path)},
                    {":authority", std::string(authority)}};
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

}  // namespace conform::h2
