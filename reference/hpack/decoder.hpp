// RFC 7541 §3 and §6: decodes complete header blocks into header fields, keeping the
// dynamic table in step with the peer's encoder.
#pragma once

#include <cstddef>
#include <string_view>
#include <system_error>
#include <vector>

#include "reference/hpack/header_field.hpp"
#include "reference/hpack/rfc7541_4_dynamic_table.hpp"

namespace conform::reference::hpack {

struct decoder_limits {
  // SETTINGS_HEADER_TABLE_SIZE we advertise: the largest table the peer may ask for.
  std::size_t max_table_size = 4096;
  // SETTINGS_MAX_HEADER_LIST_SIZE we advertise, counted as RFC 9113 §6.5.2 does
  // (name + value + 32 per field). Bounds memory against an HPACK bomb.
  std::size_t max_header_list_size = 64 * 1024;
};

class decoder {
 public:
  explicit decoder(decoder_limits limits = {});

  // Decodes one whole header block (HEADERS or PUSH_PROMISE plus its CONTINUATIONs)
  // and appends its fields to `fields`. Any error but header_list_too_large leaves the
  // table out of step with the peer: the connection must end (COMPRESSION_ERROR).
  // header_list_too_large is reported after the whole block has been applied, so the
  // connection can go on and refuse only the stream.
  std::error_code decode(std::string_view block, std::vector<header_field>& fields);

  // Our SETTINGS_HEADER_TABLE_SIZE changed and the peer acknowledged it. A smaller
  // value than the current table requires the next block to start with a size update.
  void set_max_table_size(std::size_t max_size);
  void set_max_header_list_size(std::size_t max_size) { limits_.max_header_list_size = max_size; }

  dynamic_table const& table() const { return table_; }

 private:
  struct block_state;
  std::error_code decode_one(block_state&, std::vector<header_field>& fields);
  std::error_code indexed(block_state&, std::vector<header_field>& fields);
  std::error_code literal(block_state&, std::vector<header_field>& fields, int prefix_bits, bool add, bool never);
  std::error_code size_update(block_state&);
  void emit(block_state&, std::vector<header_field>& fields, header_field field);

  decoder_limits limits_;
  dynamic_table table_;
  bool size_update_required_ = false;
};

}  // namespace conform::reference::hpack
