// Range requests (RFC 9110 §14): parsing a Range field against a representation of
// known length, and which of its ranges can be served.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace conform::reference::http1 {

// Ranges beyond this many in one request: the Range field is ignored (RFC 9110 §14.2
// lets a server ignore "a large number of ranges").
inline constexpr std::size_t max_ranges = 16;

struct byte_range {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive
  std::uint64_t size() const { return last - first + 1; }
};

struct range_selection {
  enum class kind {
    ignore,         // serve the whole representation with 200
    partial,        // 206 with `ranges`
    unsatisfiable,  // 416 with Content-Range: bytes */length
  };
  kind result = kind::ignore;
  std::vector<byte_range> ranges;  // the satisfiable ones, in request order
};

// `field` is the Range field value; `length` the representation's size.
range_selection select_ranges(std::string_view field, std::uint64_t length);

}  // namespace conform::reference::http1
