// The HTTP-version of a request-line, checked before Beast parses it: Beast answers
// every version other than 1.0 and 1.1 with one bad_version error, where RFC 9110 wants
// 505 for another major version and 1.1 semantics for a higher 1.x minor version.
#pragma once

#include <cstddef>
#include <string_view>

#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

struct version_check {
  violation why = violation::none;
  // Offset in the request-line of a minor digit above 1 that the caller overwrites with
  // '1': RFC 9110 §2.5 says to process such a message as the highest minor version we
  // implement, and Beast would refuse the original. npos when nothing is to be rewritten.
  std::size_t rewrite_minor_at = std::string_view::npos;
};

// `line` is the request-line without its CRLF.
version_check check_version(std::string_view line);

}  // namespace conform::reference::http1
