// RFC 9113 §8.1–8.3: what makes a request's field section well-formed. A request that
// breaks one of these rules is malformed (§8.1.1) and is refused with a stream error
// of type PROTOCOL_ERROR; the key says which rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/hpack/header_field.hpp"

namespace conform::reference::http2 {

struct request_head {
  std::string method, scheme, authority, path;
  std::vector<hpack::header_field> fields;  // regular fields, in order
  std::optional<std::uint64_t> content_length;
};

struct field_check {
  std::string_view violation;  // empty when well-formed; else a stable key
  request_head head;
};

// The request's header section (HEADERS opening a stream).
field_check check_request_fields(std::vector<hpack::header_field>&& fields);

// A trailer section (HEADERS with END_STREAM after the request's header section):
// no pseudo-header fields (§8.1), and the same field rules. Empty when fine.
std::string_view check_trailer_fields(std::vector<hpack::header_field> const& fields);

}  // namespace conform::reference::http2
