// Every rule the reference server enforces on a request, as a stable key.
//
// A key names one RFC requirement the request broke; logs, tests and conformance
// cases cite it. Keys are never renumbered or reused: add new ones at the end of a
// group, and keep the table in violation.cpp in the same order as the enum.
#pragma once

#include <cstdint>
#include <string_view>

namespace conform::reference::http1 {

enum class violation : std::uint8_t {
  none,
  // Message framing and the request-line (RFC 9112 §2, §3).
  leading_empty_lines,
  bare_cr,
  bare_lf,
  request_line_too_long,
  request_line_invalid,
  method_invalid,
  method_not_implemented,
  target_invalid,
  target_form_invalid,
  target_userinfo,
  target_host_empty,
  target_scheme_unsupported,
  version_malformed,
  version_unsupported,
  // The field section (RFC 9112 §5, RFC 9110 §5).
  whitespace_before_first_field,
  field_name_whitespace,
  field_name_invalid,
  field_value_invalid,
  obs_fold,
  header_section_too_large,
  too_many_fields,
  host_missing,
  host_duplicate,
  host_invalid,
  // The message body (RFC 9112 §6, §7).
  te_in_http10,
  te_with_content_length,
  te_invalid,
  te_chunked_twice,
  te_not_chunked_final,
  te_unsupported,
  content_length_invalid,
  content_length_conflict,
  content_length_duplicate,
  body_too_large,
  chunk_invalid,
  chunk_line_too_long,
  trailer_section_too_large,
  // Semantics (RFC 9110).
  expectation_unsupported,
  request_timeout,
  request_malformed,
};

struct violation_info {
  std::string_view key;     // stable, snake_case: "host_missing"
  int status;               // the status the server answers with
  std::string_view clause;  // "RFC 9112 §3.2"
  std::string_view reason;  // one line for the response body
};

// The description of `v`; every violation closes the connection after its response.
violation_info const& describe(violation v);

}  // namespace conform::reference::http1
