// RFC 9112 §2–§3: the request line — empty lines before it, method, version, target length.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

outcome leading_empty_line(context& cx) {
  return expect_served(cx, make_request(cx, "GET", "/").prefix("\r\n"), "the request after the empty line");
}

outcome unsupported_major_version(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", "/", "HTTP/3.0"));
  if (r.is(505)) return pass();
  return violation("505 (HTTP Version Not Supported)", h1::describe(r));
}

outcome higher_minor_version(context& cx) {
  return expect_served(cx, make_request(cx, "GET", "/", "HTTP/1.9"), "GET / HTTP/1.9");
}

outcome invalid_request_line(context& cx, h1::request const& r) { return expect_refusal(cx, r, invalid_request_line_refusal); }

outcome lowercase_http_name(context& cx) {
  return invalid_request_line(cx, make_request(cx, "GET", "/", "http/1.1"));
}

outcome whitespace_in_target(context& cx) {
  return invalid_request_line(cx, make_request(cx, "GET", "/a b"));
}

outcome unknown_method(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "CONFORMX", "/"));
  if (r.is(501)) return pass();
  return violation("501 (Not Implemented)", h1::describe(r));
}

outcome method_case_sensitive(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "get", "/"));
  if (r.ok() && r.message.status >= 400) return r.is(501) ? pass() : pass("refused with " + r.message.summary() + "; 501 names the reason best");
  return violation("\"get\" refused as an unknown method (501), not served as GET", h1::describe(r));
}

outcome target_too_long(context& cx) {
  int const base = baseline_status(cx);
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", "/?" + std::string(cx.target_info().params.get("http1.long_target_bytes"), 'a')));
  if (r.is(414)) return pass();
  if (r.ok() && r.message.status == base) return pass("the target parsed the 64 KiB target and served it");
  return violation("414 (URI Too Long), or the request served", h1::describe(r));
}

case_def const cases[] = {
    {.id = "http1/request-line/leading-empty-line",
     .section = "RFC 9112 §2.2",
     .level = requirement_level::should,
     .title = "An empty line before the request line is ignored",
     .requirement = "In the interest of robustness, a server that is expecting to receive and parse a request-line "
                    "SHOULD ignore at least one empty line (CRLF) received prior to the request-line.",
     .run = leading_empty_line},
    {.id = "http1/request-line/unsupported-major-version",
     .section = "RFC 9110 §15.6.6",
     .level = requirement_level::should,
     .title = "A request with HTTP major version 3 in HTTP/1 syntax gets 505",
     .requirement = "The 505 (HTTP Version Not Supported) status code indicates that the server does not support, or "
                    "refuses to support, the major version of HTTP that was used in the request message.",
     .run = unsupported_major_version},
    {.id = "http1/request-line/higher-minor-version",
     .section = "RFC 9110 §2.5",
     .level = requirement_level::should,
     .title = "HTTP/1.9 is served as the highest HTTP/1.x the server implements",
     .requirement = "A recipient that receives a message with a major version number that it implements and a minor "
                    "version number higher than what it implements SHOULD process the message as if it were in the "
                    "highest minor version within that major version to which the recipient is conformant.",
     .run = higher_minor_version},
    {.id = "http1/request-line/lowercase-http-name",
     .section = "RFC 9112 §3",
     .level = requirement_level::should,
     .title = "A request line with \"http/1.1\" (HTTP-name is case-sensitive) is refused",
     .requirement = "Recipients of an invalid request-line SHOULD respond with either a 400 (Bad Request) error or a "
                    "301 (Moved Permanently) redirect with the request-target properly encoded.",
     .run = lowercase_http_name},
    {.id = "http1/request-line/whitespace-in-target",
     .section = "RFC 9112 §3",
     .level = requirement_level::should,
     .title = "A request-target containing a space is refused, not autocorrected",
     .requirement = "Recipients of an invalid request-line SHOULD respond with either a 400 (Bad Request) error or a "
                    "301 (Moved Permanently) redirect with the request-target properly encoded. A recipient SHOULD "
                    "NOT attempt to autocorrect and then process the request without a redirect.",
     .run = whitespace_in_target},
    {.id = "http1/request-line/unknown-method",
     .section = "RFC 9110 §9.1",
     .level = requirement_level::should,
     .title = "An unrecognized method gets 501",
     .requirement = "An origin server that receives a request method that is unrecognized or not implemented SHOULD "
                    "respond with the 501 (Not Implemented) status code.",
     .run = unknown_method},
    {.id = "http1/request-line/method-case-sensitive",
     .section = "RFC 9110 §9.1",
     .level = requirement_level::should,
     .title = "\"get\" is not GET: methods are case-sensitive",
     .requirement = "The method token is case-sensitive because it might be used as a gateway to object-based "
                    "systems with case-sensitive method names. An origin server that receives a request method that "
                    "is unrecognized or not implemented SHOULD respond with the 501 (Not Implemented) status code.",
     .run = method_case_sensitive},
    {.id = "http1/request-line/target-too-long",
     .section = "RFC 9112 §3",
     .level = requirement_level::must,
     .title = "A 64 KiB request-target gets 414 unless it is served",
     .requirement = "A server that receives a request-target longer than any URI it wishes to parse MUST respond "
                    "with a 414 (URI Too Long) status code.",
     .run = target_too_long},
};

}  // namespace

std::span<case_def const> request_line_cases() { return cases; }

}  // namespace conform::http1
