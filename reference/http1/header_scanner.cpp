#include "reference/http1/header_scanner.hpp"

namespace conform::reference::http1 {
namespace {

header_scan rejected(violation why) {
  header_scan scan;
  scan.result = header_scan::state::rejected;
  scan.why = why;
  return scan;
}

}  // namespace

std::size_t header_scanner::skip_empty_lines(std::string_view bytes, violation& why) {
  std::size_t skipped = 0;
  while (skipped < bytes.size()) {
    char const c = bytes[skipped];
    if (c == '\n') {
      why = violation::bare_lf;
      return 0;
    }
    if (c != '\r') break;
    if (skipped + 1 == bytes.size()) break;  // wait for the LF
    if (bytes[skipped + 1] != '\n') {
      why = violation::bare_cr;
      return 0;
    }
    if (++empty_lines_ > max_leading_empty_lines) {
      why = violation::leading_empty_lines;
      return 0;
    }
    skipped += 2;
  }
  return skipped;
}

header_scan header_scanner::scan(std::string_view bytes, http1_limits const& limits) {
  while (pos_ < bytes.size()) {
    char const c = bytes[pos_];
    if (c == '\r') {
      if (pos_ + 1 == bytes.size()) break;  // the LF may come with the next read
      if (bytes[pos_ + 1] != '\n') return rejected(violation::bare_cr);
      ++pos_;
      continue;
    }
    if (c == '\n') {
      if (pos_ == 0 || bytes[pos_ - 1] != '\r') return rejected(violation::bare_lf);
      auto const result = end_of_line(bytes, pos_, limits);
      if (result.result != header_scan::state::need_more) return result;
    }
    ++pos_;
  }
  return check_partial(bytes.size(), limits);
}

// A line ends with the CRLF whose LF is at `lf`.
header_scan header_scanner::end_of_line(std::string_view bytes, std::size_t lf,
                                        http1_limits const& limits) {
  std::size_t const line_size = lf - 1 - line_start_;
  std::size_t const line_start = line_start_;
  line_start_ = lf + 1;
  if (!request_line_done_) {
    if (line_size > limits.max_request_line) {
      return rejected(violation::request_line_too_long);
    }
    request_line_done_ = true;
    request_line_size_ = line_size;
    return {};
  }
  std::size_t const section_size = lf + 1 - (request_line_size_ + 2);
  if (section_size > limits.max_header_bytes) {
    return rejected(violation::header_section_too_large);
  }
  if (line_size == 0) {
    return {header_scan::state::complete, violation::none, request_line_size_, lf + 1};
  }
  char const first = bytes[line_start];
  if (first == ' ' || first == '\t') {
    // Before the first field this is RFC 9112 §2.2's stray whitespace; later it is
    // obs-fold, which we refuse rather than unfold (RFC 9112 §5.2 allows either).
    return rejected(fields_ == 0 ? violation::whitespace_before_first_field : violation::obs_fold);
  }
  if (++fields_ > limits.max_fields) return rejected(violation::too_many_fields);
  return {};
}

// No more complete lines: refuse now if the unfinished line already breaks a limit,
// so a client cannot make us buffer without bound.
header_scan header_scanner::check_partial(std::size_t size, http1_limits const& limits) const {
  if (!request_line_done_) {
    // +1: a CR that ends the line may already be here.
    if (size - line_start_ > limits.max_request_line + 1) {
      return rejected(violation::request_line_too_long);
    }
  } else if (size - (request_line_size_ + 2) > limits.max_header_bytes) {
    return rejected(violation::header_section_too_large);
  }
  return {};
}

}  // namespace conform::reference::http1
