// Every request rule the reference enforces, one row each: the exact status, whether
// the connection closes, and the violation key, fed whole, split at every byte offset
// and byte by byte.
#include <gtest/gtest.h>

#include "reference/tests/wire.hpp"

namespace conform::reference::test {
namespace {

struct rule_case {
  char const* name;
  std::string_view input;
  int status;
  bool closes;
  std::string_view key;  // "none" for a request that is served
};

// Names the row in test listings instead of a byte dump.
void PrintTo(rule_case const& c, std::ostream* os) { *os << c.name; }

using namespace std::string_view_literals;

// Inputs are written out in full so each row reads as the bytes on the wire.
rule_case const cases[] = {
    // Served.
    {"simple_get", "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", 200, false, "none"},
    {"http10_without_host", "GET / HTTP/1.0\r\n\r\n", 200, true, "none"},
    {"http10_keep_alive", "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 200, false, "none"},
    {"connection_close", "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 200, true, "none"},
    {"empty_lines_before", "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 200, false, "none"},
    {"eight_empty_lines", "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 200, false, "none"},
    {"absolute_form", "GET http://example.com/status/201 HTTP/1.1\r\nHost: other.example\r\n\r\n", 201, false,
     "none"},
    {"absolute_form_empty_path", "GET HTTP://example.com HTTP/1.1\r\nHost: x\r\n\r\n", 200, false, "none"},
    {"http12_as_http11", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 200, false, "none"},
    {"host_empty", "GET / HTTP/1.1\r\nHost:\r\n\r\n", 200, false, "none"},
    {"host_port", "GET / HTTP/1.1\r\nHost: example.com:8080\r\n\r\n", 200, false, "none"},
    {"host_ipv6", "GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n", 200, false, "none"},
    {"host_ipv4", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200, false, "none"},
    {"content_length_body", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", 200, false,
     "none"},
    {"chunked_body",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\nT: x\r\n\r\n",
     200, false, "none"},
    {"te_case_insensitive", "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n", 200,
     false, "none"},
    {"expect_continue_no_body", "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n", 200, false, "none"},
    {"tab_in_value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\tb\r\n\r\n", 200, false, "none"},
    {"obs_text_in_value", "GET / HTTP/1.1\r\nHost: a\r\nX: caf\xc3\xa9\r\n\r\n", 200, false, "none"},
    {"options_asterisk", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", 204, false, "none"},
    {"not_found", "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n", 404, false, "none"},
    {"method_not_allowed", "DELETE / HTTP/1.1\r\nHost: a\r\n\r\n", 405, false, "none"},
    {"connect_not_allowed", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 405, false,
     "none"},
    // The request-line (RFC 9112 §2-3).
    {"nine_empty_lines", "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 400, true,
     "leading_empty_lines"},
    {"bare_lf_request_line", "GET / HTTP/1.1\nHost: a\r\n\r\n", 400, true, "bare_lf"},
    {"bare_lf_everywhere", "GET / HTTP/1.1\nHost: a\n\n", 400, true, "bare_lf"},
    {"bare_lf_empty_line", "\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "bare_lf"},
    {"bare_lf_field", "GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", 400, true, "bare_lf"},
    {"bare_cr_field", "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", 400, true, "bare_cr"},
    {"bare_cr_request_line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "bare_cr"},
    {"http09", "GET /\r\n\r\n", 400, true, "request_line_invalid"},
    {"version_20", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, true, "version_unsupported"},
    {"version_09", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505, true, "version_unsupported"},
    {"version_lowercase", "GET / http/1.1\r\nHost: a\r\n\r\n", 400, true, "version_malformed"},
    {"version_two_digits", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400, true, "version_malformed"},
    {"version_short", "GET / HTTP/1\r\nHost: a\r\n\r\n", 400, true, "version_malformed"},
    {"double_space", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_invalid"},
    {"method_unknown", "BREW / HTTP/1.1\r\nHost: a\r\n\r\n", 501, true, "method_not_implemented"},
    {"method_lowercase", "get / HTTP/1.1\r\nHost: a\r\n\r\n", 501, true, "method_not_implemented"},
    {"method_not_token", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "method_invalid"},
    {"target_quote", "GET /a\"b HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_invalid"},
    {"target_non_ascii", "GET /caf\xc3\xa9 HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_invalid"},
    {"target_bad_percent", "GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_invalid"},
    {"target_fragment", "GET /#frag HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_invalid"},
    {"authority_form_get", "GET example.com:80 HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_form_invalid"},
    {"asterisk_get", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_form_invalid"},
    {"connect_origin_form", "CONNECT / HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_form_invalid"},
    {"absolute_userinfo", "GET http://u:p@example.com/ HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_userinfo"},
    {"absolute_empty_host", "GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_host_empty"},
    {"absolute_ftp", "GET ftp://example.com/ HTTP/1.1\r\nHost: a\r\n\r\n", 400, true, "target_scheme_unsupported"},
    // Field lines (RFC 9112 §5).
    {"space_before_colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400, true, "field_name_whitespace"},
    {"tab_before_colon", "GET / HTTP/1.1\r\nHost: a\r\nX\t: b\r\n\r\n", 400, true, "field_name_whitespace"},
    {"name_not_token", "GET / HTTP/1.1\r\nHost: a\r\nX(y): b\r\n\r\n", 400, true, "field_name_invalid"},
    {"no_colon", "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400, true, "field_name_invalid"},
    {"obs_fold", "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n", 400, true, "obs_fold"},
    {"obs_fold_tab", "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n\tb\r\n\r\n", 400, true, "obs_fold"},
    {"space_before_first_field", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400, true, "whitespace_before_first_field"},
    {"nul_in_value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\0b\r\n\r\n"sv, 400, true,
     "field_value_invalid"},
    {"ctl_in_value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\x01" "b\r\n\r\n", 400, true, "field_value_invalid"},
    {"del_in_value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\x7f\r\n\r\n", 400, true, "field_value_invalid"},
    // Host (RFC 9112 §3.2).
    {"host_missing", "GET / HTTP/1.1\r\n\r\n", 400, true, "host_missing"},
    {"host_twice", "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", 400, true, "host_duplicate"},
    {"host_twice_http10", "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400, true, "host_duplicate"},
    {"host_space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, true, "host_invalid"},
    {"host_bad_port", "GET / HTTP/1.1\r\nHost: a:99999\r\n\r\n", 400, true, "host_invalid"},
    {"host_port_letters", "GET / HTTP/1.1\r\nHost: a:http\r\n\r\n", 400, true, "host_invalid"},
    {"host_open_bracket", "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", 400, true, "host_invalid"},
    {"host_bad_ipv6", "GET / HTTP/1.1\r\nHost: [::g]\r\n\r\n", 400, true, "host_invalid"},
    {"host_userinfo", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", 400, true, "host_invalid"},
    {"host_missing_absolute", "GET http://a/ HTTP/1.1\r\n\r\n", 400, true, "host_missing"},
    // Transfer-Encoding and Content-Length (RFC 9112 §6).
    {"te_gzip", "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400, true,
     "te_not_chunked_final"},
    {"te_chunked_gzip", "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400, true,
     "te_not_chunked_final"},
    {"te_lines_chunked_gzip",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", 400, true,
     "te_not_chunked_final"},
    {"te_gzip_chunked", "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501,
     true, "te_unsupported"},
    {"te_lines_gzip_chunked",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
     501, true, "te_unsupported"},
    {"te_identity_chunked",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity, chunked\r\n\r\n0\r\n\r\n", 501, true,
     "te_unsupported"},
    {"te_chunked_twice", "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400,
     true, "te_chunked_twice"},
    {"te_lines_chunked_twice",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
     true, "te_chunked_twice"},
    {"te_empty", "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\n\r\n", 400, true, "te_invalid"},
    {"te_chunked_parameter", "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;q=1\r\n\r\n", 400,
     true, "te_invalid"},
    {"te_then_cl",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400,
     true, "te_with_content_length"},
    {"cl_then_te",
     "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400,
     true, "te_with_content_length"},
    {"te_gzip_then_cl",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello", 400, true,
     "te_with_content_length"},
    {"te_http10", "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, true, "te_in_http10"},
    {"cl_letters", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", 400, true,
     "content_length_invalid"},
    {"cl_plus", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello", 400, true,
     "content_length_invalid"},
    {"cl_minus", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400, true,
     "content_length_invalid"},
    {"cl_empty", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", 400, true, "content_length_invalid"},
    {"cl_overflow", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400, true,
     "content_length_invalid"},
    {"cl_conflict", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400,
     true, "content_length_conflict"},
    {"cl_list_conflict", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello!", 400, true,
     "content_length_conflict"},
    {"cl_repeated", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 400,
     true, "content_length_duplicate"},
    {"cl_list_same", "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello", 400, true,
     "content_length_duplicate"},
    {"chunk_size_not_hex",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 400, true,
     "chunk_invalid"},
    {"chunk_missing_crlf",
     "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n", 400, true,
     "chunk_invalid"},
    // Expect (RFC 9110 §10.1.1).
    {"expect_other", "GET / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n", 417, true, "expectation_unsupported"},
    {"expect_list", "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue, x\r\n\r\n", 417, true,
     "expectation_unsupported"},
};

class framing : public testing::TestWithParam<rule_case> {};

TEST_P(framing, status_close_and_key) {
  rule_case const& c = GetParam();
  for_every_split(c.input, [&](run_result const& r, std::string const& how) {
    if (HasFailure()) return;  // the first failing split is enough to read
    auto const responses = parse_responses(r.output);
    ASSERT_FALSE(responses.empty()) << how;
    response const& last = responses.back();
    EXPECT_EQ(last.status, c.status) << how << "\n" << r.output;
    EXPECT_EQ(r.finished, c.closes) << how;
    EXPECT_EQ(http1::describe(r.violation).key, c.key) << how;
    EXPECT_EQ(last.field("Connection") == "close", c.closes) << how;
    if (c.key != "none") {
      EXPECT_NE(last.body.find(c.key), std::string::npos) << how;
      EXPECT_NE(last.body.find("RFC "), std::string::npos) << how;
    }
  });
}

INSTANTIATE_TEST_SUITE_P(rules, framing, testing::ValuesIn(cases),
                         [](testing::TestParamInfo<rule_case> const& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace conform::reference::test
