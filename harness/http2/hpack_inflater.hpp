// Decodes the target's header blocks with libnghttp2's HPACK inflater: the independent
// oracle (DESIGN.md principle 2). One inflater per connection, fed whole blocks in the
// order the target sent them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/http2/hpack_encoder.hpp"

struct nghttp2_hd_inflater;

namespace conform::h2 {

struct inflate_result {
  field_list fields;
  std::string error;  // empty on success: nghttp2's own words otherwise

  bool ok() const { return error.empty(); }
};

class hpack_inflater {
 public:
  hpack_inflater();
  ~hpack_inflater();
  hpack_inflater(hpack_inflater const&) = delete;
  hpack_inflater& operator=(hpack_inflater const&) = delete;

  // Decodes one whole header block. After an error the inflater is unusable, as the
  // connection would be (COMPRESSION_ERROR).
  inflate_result inflate(std::string_view block);
  // Our SETTINGS_HEADER_TABLE_SIZE, once acknowledged (4096 by default).
  void set_max_table_size(std::size_t size);

 private:
  nghttp2_hd_inflater* inflater_ = nullptr;
  bool broken_ = false;
};

}  // namespace conform::h2
