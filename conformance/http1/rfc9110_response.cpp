// RFC 9110 and RFC 9112 rules on what a server sends: the status line and field
// grammar, Date, the response version, chunked only to HTTP/1.1, Allow on 405.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"
#include "harness/http1/http_date.hpp"

namespace conform::http1 {
namespace {

h1::reply get_root(context& cx) {
  h1::client c(cx);
  return c.exchange(make_request(cx, "GET", "/"));
}

// The reader's notes on `r` that mention any of `topics`.
std::string notes_about(h1::response const& r, std::initializer_list<std::string_view> topics) {
  std::string out;
  for (auto const& v : r.violations)
    for (auto t : topics)
      if (v.find(t) != std::string::npos) {
        out += (out.empty() ? "" : "; ") + v;
        break;
      }
  return out;
}

outcome grammar(context& cx, std::initializer_list<std::string_view> topics, std::string_view expected) {
  auto const r = get_root(cx);
  if (!r.ok()) return violation(expected, h1::describe(r));
  auto const notes = notes_about(r.message, topics);
  if (notes.empty()) return pass();
  return violation(expected, notes);
}

outcome status_line(context& cx) {
  return grammar(cx, {"status line", "status code", "reason phrase"},
                 "\"HTTP/1.1 SP 3DIGIT SP reason\" as the status line");
}

outcome line_endings(context& cx) {
  return grammar(cx, {"bare LF", "bare CR", "empty line before"}, "CRLF at the end of every line of the head");
}

outcome field_syntax(context& cx) {
  return grammar(cx, {"field", "obs-fold", "control character in the value"}, "field lines of the form token \":\" OWS value OWS");
}

outcome date_present(context& cx) {
  auto const r = get_root(cx);
  if (!r.ok()) return violation("a response with a Date field", h1::describe(r));
  if (r.message.status >= 500 || r.message.interim()) return skip("GET / got " + r.message.summary() + ", where Date is optional");
  if (r.message.header("date")) return pass();
  return violation("a Date field in the " + r.message.summary(), "none");
}


outcome date_format(context& cx) {
  auto const r = get_root(cx);
  if (!r.ok()) return violation("a response with a Date field", h1::describe(r));
  auto const date = r.message.header("date");
  if (!date) return skip("the response has no Date field to check");
  if (h1::parse_imf_fixdate(*date)) return pass();
  return violation("Date in IMF-fixdate form (\"Sun, 06 Nov 1994 08:49:37 GMT\")", "Date: " + h1::escape(*date));
}

outcome response_version(context& cx) {
  auto const r = get_root(cx);
  if (!r.ok()) return violation("an HTTP/1.1 response", h1::describe(r));
  if (r.message.version_major == 1 && r.message.version_minor == 1) return pass();
  return violation("HTTP/1.1 in the status line", "\"" + h1::escape(r.message.status_line) + "\"");
}

outcome no_chunked_to_http10(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", "/stream/3", "HTTP/1.0"));
  if (!r.ok()) return violation("a response without Transfer-Encoding", h1::describe(r));
  if (!r.message.header("transfer-encoding")) return pass();
  return violation("no Transfer-Encoding in a response to HTTP/1.0",
                   "Transfer-Encoding: " + std::string(*r.message.header("transfer-encoding")));
}

outcome chunked_framing(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", "/stream/5"));
  if (!r.ok()) return violation("a well-formed chunked response", h1::describe(r));
  auto const notes = notes_about(r.message, {"chunk"});
  if (r.message.how != h1::framing::chunked) return skip("the response was not chunked (" + std::string(to_string(r.message.how)) + ")");
  if (notes.empty()) return pass();
  return violation("chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF", notes);
}

outcome allow_on_405(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "DELETE", "/"));
  if (!r.is(405)) return skip("DELETE / got " + h1::describe(r) + ", not 405");
  if (r.message.header("allow")) return pass();
  return violation("an Allow field in the 405", "none");
}

case_def const cases[] = {
    {.id = "http1/response/status-line",
     .section = "RFC 9112 §4",
     .level = requirement_level::must,
     .title = "The status line follows the grammar",
     .requirement = "status-line = HTTP-version SP status-code SP [ reason-phrase ]",
     .run = status_line},
    {.id = "http1/response/line-endings",
     .section = "RFC 9112 §2.2",
     .level = requirement_level::must,
     .title = "Every line of the response head ends in CRLF, with no bare CR",
     .requirement = "HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ] (RFC 9112 §2.1). A "
                    "sender MUST NOT generate a bare CR (a CR character not immediately followed by LF) within any "
                    "protocol elements other than the content.",
     .run = line_endings},
    {.id = "http1/response/field-syntax",
     .section = "RFC 9112 §5",
     .level = requirement_level::must,
     .title = "Response field lines follow the grammar: token names, no folding, no controls",
     .requirement = "field-line = field-name \":\" OWS field-value OWS (RFC 9112 §5). A server MUST NOT generate a "
                    "message that includes line folding (RFC 9112 §5.2).",
     .run = field_syntax},
    {.id = "http1/response/date",
     .section = "RFC 9110 §6.6.1",
     .level = requirement_level::must,
     .title = "A 2xx, 3xx or 4xx response carries Date",
     .requirement = "An origin server with a clock MUST generate a Date header field in all 2xx (Successful), 3xx "
                    "(Redirection), and 4xx (Client Error) responses, and MAY generate a Date header field in 1xx "
                    "(Informational) and 5xx (Server Error) responses.",
     .run = date_present},
    {.id = "http1/response/date-format",
     .section = "RFC 9110 §5.6.7",
     .level = requirement_level::must,
     .title = "Date is sent in IMF-fixdate form",
     .requirement = "When a sender generates a header field that contains one or more timestamps defined as "
                    "HTTP-date, the sender MUST generate those timestamps in the IMF-fixdate format.",
     .run = date_format},
    {.id = "http1/response/version",
     .section = "RFC 9110 §2.5",
     .level = requirement_level::should,
     .title = "An HTTP/1.1 request gets an HTTP/1.1 response",
     .requirement = "A server SHOULD send a response version equal to the highest version to which the server is "
                    "conformant that has a major version less than or equal to the one received in the request.",
     .run = response_version},
    {.id = "http1/response/no-chunked-to-http10",
     .section = "RFC 9112 §6.1",
     .level = requirement_level::must,
     .title = "An HTTP/1.0 client never gets Transfer-Encoding",
     .requirement = "A server MUST NOT send a response containing Transfer-Encoding unless the corresponding request "
                    "indicates HTTP/1.1 (or later minor revisions).",
     .needs = {capability::stream},
     .run = no_chunked_to_http10},
    {.id = "http1/response/chunked-framing",
     .section = "RFC 9112 §7.1",
     .level = requirement_level::must,
     .title = "A chunked response follows the chunked grammar",
     .requirement = "chunked-body = *chunk last-chunk trailer-section CRLF; chunk = chunk-size [ chunk-ext ] CRLF "
                    "chunk-data CRLF",
     .needs = {capability::stream},
     .run = chunked_framing},
    {.id = "http1/response/allow-on-405",
     .section = "RFC 9110 §15.5.6",
     .level = requirement_level::must,
     .title = "A 405 response carries Allow",
     .requirement = "The origin server MUST generate an Allow header field in a 405 response containing a list of the "
                    "target resource's currently supported methods.",
     .run = allow_on_405},
};

}  // namespace

std::span<case_def const> response_cases() { return cases; }

}  // namespace conform::http1
