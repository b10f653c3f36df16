// The table behind describe(): one row per violation key, in enum order.
#include "reference/http1/violation.hpp"

#include <array>

namespace conform::reference::http1 {
namespace {

constexpr std::array<violation_info, static_cast<std::size_t>(violation::request_malformed) + 1>
    table{{
        {"none", 200, "", ""},
        {"leading_empty_lines", 400, "RFC 9112 §2.2",
         "too many empty lines before the request-line"},
        {"bare_cr", 400, "RFC 9112 §2.2", "CR not followed by LF"},
        {"bare_lf", 400, "RFC 9112 §2.2", "line terminated by LF without CR"},
        {"request_line_too_long", 414, "RFC 9112 §3", "request-line longer than the server parses"},
        {"request_line_invalid", 400, "RFC 9112 §3", "request-line is not method SP target SP version"},
        {"method_invalid", 400, "RFC 9112 §3.1", "method is not a token"},
        {"method_not_implemented", 501, "RFC 9110 §9.1", "method not recognized by this server"},
        {"target_invalid", 400, "RFC 9112 §3.2", "request-target has characters a URI cannot have"},
        {"target_form_invalid", 400, "RFC 9112 §3.2",
         "request-target form not allowed for this method"},
        {"target_userinfo", 400, "RFC 9110 §4.2.4", "http(s) URI with userinfo"},
        {"target_host_empty", 400, "RFC 9110 §4.2.1", "http(s) URI with an empty host"},
        {"target_scheme_unsupported", 400, "RFC 9112 §3.2.2",
         "absolute-form target with a scheme other than http or https"},
        {"version_malformed", 400, "RFC 9112 §2.3", "HTTP-version is not HTTP/DIGIT.DIGIT"},
        {"version_unsupported", 505, "RFC 9110 §15.6.6", "major HTTP version other than 1"},
        {"whitespace_before_first_field", 400, "RFC 9112 §2.2",
         "whitespace between the request-line and the first field line"},
        {"field_name_whitespace", 400, "RFC 9112 §5.1",
         "whitespace between a field name and the colon"},
        {"field_name_invalid", 400, "RFC 9112 §5.1", "field name is not a token"},
        {"field_value_invalid", 400, "RFC 9110 §5.5", "field value has a control character"},
        {"obs_fold", 400, "RFC 9112 §5.2", "obsolete line folding"},
        {"header_section_too_large", 431, "RFC 6585 §5", "field section larger than allowed"},
        {"too_many_fields", 431, "RFC 6585 §5", "more field lines than allowed"},
        {"host_missing", 400, "RFC 9112 §3.2", "HTTP/1.1 request without Host"},
        {"host_duplicate", 400, "RFC 9112 §3.2", "more than one Host field line"},
        {"host_invalid", 400, "RFC 9112 §3.2", "Host is not uri-host [\":\" port]"},
        {"te_in_http10", 400, "RFC 9112 §6.1", "Transfer-Encoding in an HTTP/1.0 request"},
        {"te_with_content_length", 400, "RFC 9112 §6.1",
         "both Transfer-Encoding and Content-Length"},
        {"te_invalid", 400, "RFC 9112 §6.1", "Transfer-Encoding is not a list of codings"},
        {"te_chunked_twice", 400, "RFC 9112 §7", "chunked transfer coding applied more than once"},
        {"te_not_chunked_final", 400, "RFC 9112 §6.3", "final transfer coding is not chunked"},
        {"te_unsupported", 501, "RFC 9112 §6.1", "transfer coding not implemented"},
        {"content_length_invalid", 400, "RFC 9112 §6.3", "Content-Length is not 1*DIGIT"},
        {"content_length_conflict", 400, "RFC 9112 §6.3", "differing Content-Length values"},
        {"content_length_duplicate", 400, "RFC 9112 §6.3",
         "Content-Length repeated (refused even when the values agree)"},
        {"body_too_large", 413, "RFC 9110 §15.5.14", "content larger than allowed"},
        {"chunk_invalid", 400, "RFC 9112 §7.1", "malformed chunk"},
        {"chunk_line_too_long", 400, "RFC 9112 §7.1.1", "chunk-size line or extensions too long"},
        {"trailer_section_too_large", 431, "RFC 9112 §7.1.2", "trailer section larger than allowed"},
        {"expectation_unsupported", 417, "RFC 9110 §10.1.1", "expectation other than 100-continue"},
        {"request_timeout", 408, "RFC 9110 §15.5.9", "request not received in time"},
        {"request_malformed", 400, "RFC 9112 §2.2", "request is not a valid HTTP/1.1 message"},
    }};

// The rows must follow the enum; spot-check each group's ends so a missed row fails to build.
constexpr bool row_is(violation v, std::string_view key) {
  return table[static_cast<std::size_t>(v)].key == key;
}
static_assert(row_is(violation::leading_empty_lines, "leading_empty_lines"));
static_assert(row_is(violation::version_unsupported, "version_unsupported"));
static_assert(row_is(violation::whitespace_before_first_field, "whitespace_before_first_field"));
static_assert(row_is(violation::host_invalid, "host_invalid"));
static_assert(row_is(violation::te_in_http10, "te_in_http10"));
static_assert(row_is(violation::trailer_section_too_large, "trailer_section_too_large"));
static_assert(row_is(violation::request_malformed, "request_malformed"));

}  // namespace

violation_info const& describe(violation v) { return table[static_cast<std::size_t>(v)]; }

}  // namespace conform::reference::http1
