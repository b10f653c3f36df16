// Conditional requests (RFC 9110 §13): entity-tag comparison and the evaluation order
// of §13.2.2, for a resource with a strong ETag and a Last-Modified date.
#pragma once

#include <string_view>

#include "reference/http1/http_date.hpp"
#include "reference/http1/request.hpp"

namespace conform::reference::http1 {

struct validators {
  std::string_view etag;  // strong, with its quotes: "\"bytes-100\""
  unix_seconds last_modified = 0;
};

enum class precondition {
  proceed,       // no condition stops the request
  not_modified,  // 304 (If-None-Match or If-Modified-Since on GET/HEAD)
  failed,        // 412
};

// RFC 9110 §13.2.2 steps 1 to 4, in that order.
precondition evaluate_preconditions(request const& req, validators const& current);

// RFC 9110 §13.1.5: whether a Range may be honoured. True without If-Range; with it,
// only when it names the current representation (strong comparison, or the exact
// Last-Modified date).
bool if_range_allows(request const& req, validators const& current);

// Strong and weak comparison of two entity-tags (RFC 9110 §8.8.3.2).
bool etag_strong_match(std::string_view a, std::string_view b);
bool etag_weak_match(std::string_view a, std::string_view b);

}  // namespace conform::reference::http1
