// A first pass over the raw bytes of a request header, before Beast's parser sees them.
//
// It does what Beast's parser does not: skips the empty lines RFC 9112 §2.2 lets a
// server ignore before a request-line, tells an over-long request-line (414) from an
// over-large field section (431) where Beast reports one header_limit, refuses bare CR
// and bare LF with a precise key, and refuses obs-fold, which Beast silently unfolds.
// It is incremental: each byte is looked at once however the input is split.
#pragma once

#include <cstddef>
#include <string_view>

#include "reference/http1/limits.hpp"
#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

// How many empty lines (CRLF) may precede a request-line before it is refused.
inline constexpr std::size_t max_leading_empty_lines = 8;

struct header_scan {
  enum class state { need_more, complete, rejected };
  state result = state::need_more;
  violation why = violation::none;   // when rejected
  std::size_t request_line_size = 0;  // without its CRLF, when complete
  std::size_t header_size = 0;        // through the empty line's CRLF, when complete
};

class header_scanner {
 public:
  void reset() { *this = header_scanner{}; }

  // How many leading bytes of `bytes` are empty lines to drop; sets `why` when the
  // request must be refused instead. Call until it returns 0 before scan().
  std::size_t skip_empty_lines(std::string_view bytes, violation& why);

  // Scans `bytes`, which start at the request-line and only grow between calls.
  header_scan scan(std::string_view bytes, http1_limits const& limits);

 private:
  header_scan end_of_line(std::string_view bytes, std::size_t lf, http1_limits const& limits);
  header_scan check_partial(std::size_t size, http1_limits const& limits) const;

  std::size_t empty_lines_ = 0;
  std::size_t pos_ = 0;         // next byte to look at
  std::size_t line_start_ = 0;  // first byte of the current line
  std::size_t request_line_size_ = 0;
  bool request_line_done_ = false;
  std::size_t fields_ = 0;
};

}  // namespace conform::reference::http1
