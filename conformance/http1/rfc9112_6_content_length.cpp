// RFC 9112 §6.3: message body length from Content-Length — valid, invalid, conflicting.
// Every probe is followed by a canary request, so a target that frames the body
// differently from the RFC shows it by answering the canary wrongly (a desync).
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view invalid_length_rule =
    "If a message is received without Transfer-Encoding and with an invalid Content-Length header field, then the "
    "message framing is invalid and the recipient MUST treat it as an unrecoverable error, unless the field value can "
    "be successfully parsed as a comma-separated list, all values in the list are valid, and all values in the list "
    "are the same (in which case, the message is processed with that single value used as the Content-Length field "
    "value). If the unrecoverable error is in a request message, the server MUST respond with a 400 (Bad Request) "
    "status code and then close the connection.";

// A POST whose Content-Length field lines are `lengths`, with `body` after the head.
h1::request post_with_lengths(context& cx, std::vector<std::string_view> lengths, std::string_view body) {
  auto r = make_request(cx, "POST", body_path(cx));
  for (auto v : lengths) r.header("Content-Length", v);
  return r.body(body);
}

outcome framed(context& cx) {
  return expect_body_framed(cx, probe_framing(cx, post_with_lengths(cx, {"5"}, "hello")), "hello");
}

outcome refused(context& cx, std::vector<std::string_view> lengths, std::string_view body) {
  return expect_refused_framing(probe_framing(cx, post_with_lengths(cx, lengths, body)));
}

outcome not_a_number(context& cx) { return refused(cx, {"abc"}, "hello"); }
outcome negative(context& cx) { return refused(cx, {"-5"}, "hello"); }
outcome plus_sign(context& cx) { return refused(cx, {"+5"}, "hello"); }
outcome conflicting_fields(context& cx) { return refused(cx, {"5", "6"}, "hello!"); }
outcome conflicting_list(context& cx) { return refused(cx, {"5, 6"}, "hello!"); }

outcome overflow(context& cx) {
  // 2^64 + 5: a parser that wraps around reads a 5-byte body.
  auto const f = probe_framing(cx, post_with_lengths(cx, {"18446744073709551621"}, "hello"), {400, 413});
  return expect_refused_framing(f, "400 (or 413) and then the connection closed");
}

outcome identical_list(context& cx) {
  auto const f = probe_framing(cx, post_with_lengths(cx, {"5, 5"}, "hello"));
  if (f.what == framing_result::kind::refused_and_closed) return pass("refused, as the RFC allows");
  return expect_body_framed(cx, f, "hello");
}

case_def const cases[] = {
    {.id = "http1/content-length/framed",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "A body of Content-Length octets is read, and the next request after it",
     .requirement = "If a valid Content-Length header field is present without Transfer-Encoding, its decimal value "
                    "defines the expected message body length in octets.",
     .run = framed},
    {.id = "http1/content-length/not-a-number",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "Content-Length: abc gets 400 and a close",
     .requirement = invalid_length_rule,
     .run = not_a_number},
    {.id = "http1/content-length/negative",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "Content-Length: -5 gets 400 and a close",
     .requirement = invalid_length_rule,
     .run = negative},
    {.id = "http1/content-length/plus-sign",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "Content-Length: +5 gets 400 and a close (no lax integer parsing)",
     .requirement = invalid_length_rule,
     .run = plus_sign},
    {.id = "http1/content-length/overflow",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "A Content-Length of 2^64+5 is refused, not wrapped to 5",
     .requirement = invalid_length_rule,
     .run = overflow},
    {.id = "http1/content-length/conflicting-fields",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "Two Content-Length fields with different values get 400 and a close",
     .requirement = invalid_length_rule,
     .run = conflicting_fields},
    {.id = "http1/content-length/conflicting-list",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "Content-Length: 5, 6 gets 400 and a close",
     .requirement = invalid_length_rule,
     .run = conflicting_list},
    {.id = "http1/content-length/identical-list",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "Content-Length: 5, 5 is refused or read as 5, never misframed",
     .requirement = invalid_length_rule,
     .run = identical_list},
};

}  // namespace

std::span<case_def const> content_length_cases() { return cases; }

}  // namespace conform::http1
