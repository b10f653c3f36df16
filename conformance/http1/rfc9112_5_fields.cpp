// RFC 9112 §5 and RFC 9110 §5.5: field syntax — whitespace before the colon, obsolete
// line folding, CR/LF/NUL in values, malformed names.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view dangerous_chars_rule =
    "Field values containing CR, LF, or NUL characters are invalid and dangerous, due to the varying ways that "
    "implementations might parse and interpret those characters; a recipient of CR, LF, or NUL within a field value "
    "MUST either reject the message or replace each of those characters with SP before further processing or "
    "forwarding of that message.";

std::string collapse_spaces(std::string_view v) {
  std::string out;
  for (char c : v)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

// A field the target must either refuse (400) or read as "a b": `raw_lines` carry an
// X-Conform field whose value is "a", something that must become SP, and "b".
outcome refused_or_read_as_a_b(context& cx, std::vector<std::string_view> raw_lines, std::string_view what) {
  auto req = make_request(cx, "GET", "/headers");
  for (auto line : raw_lines) req.raw_line(line);
  h1::client c(cx);
  auto const r = c.exchange(req);
  std::string const expected = "400, or X-Conform read as \"a b\" (" + std::string(what) + " replaced by SP)";
  if (r.is(400)) return pass();
  if (!r.ok()) return violation(expected, h1::describe(r));
  if (!cx.target_info().offers.has(capability::headers))
    return skip("the target accepted the request (" + r.message.summary() + "); without /headers conform cannot see "
                "how it read the field");
  auto const seen = received_field(r.message, "X-Conform");
  if (seen && collapse_spaces(*seen) == "a b") return pass();
  return violation(expected, seen ? "X-Conform read as \"" + h1::escape(*seen) + "\"" : "no X-Conform field in /headers");
}

outcome space_before_colon(context& cx) {
  return expect_refusal(cx, make_request(cx, "GET", "/").raw_line("X-Conform : 1"), {.statuses = {400}, .then_close = false});
}

outcome obs_fold(context& cx) { return refused_or_read_as_a_b(cx, {"X-Conform: a", " b"}, "the fold"); }
outcome nul_in_value(context& cx) { return refused_or_read_as_a_b(cx, {std::string_view("X-Conform: a\0b", 14)}, "NUL"); }
outcome cr_in_value(context& cx) { return refused_or_read_as_a_b(cx, {"X-Conform: a\rb"}, "the bare CR"); }

refusal const grammar_refusal{.statuses = {400}, .then_close = true};

outcome empty_name(context& cx) {
  return expect_refusal(cx, make_request(cx, "GET", "/").raw_line(": empty-name"), grammar_refusal);
}

outcome space_in_name(context& cx) {
  return expect_refusal(cx, make_request(cx, "GET", "/").raw_line("X Conform: 1"), grammar_refusal);
}


case_def const cases[] = {
    {.id = "http1/fields/space-before-colon",
     .section = "RFC 9112 §5.1",
     .level = requirement_level::must,
     .title = "Whitespace between a field name and the colon gets 400",
     .requirement = "A server MUST reject, with a response status code of 400 (Bad Request), any received request "
                    "message that contains whitespace between a header field name and colon.",
     .run = space_before_colon},
    {.id = "http1/fields/obs-fold",
     .section = "RFC 9112 §5.2",
     .level = requirement_level::must,
     .title = "Obsolete line folding is refused with 400 or replaced by SP",
     .requirement = "A server that receives an obs-fold in a request message that is not within a \"message/http\" "
                    "container MUST either reject the message by sending a 400 (Bad Request), preferably with a "
                    "representation explaining that obsolete line folding is unacceptable, or replace each received "
                    "obs-fold with one or more SP octets prior to interpreting the field value or forwarding the "
                    "message downstream.",
     .run = obs_fold},
    {.id = "http1/fields/nul-in-value",
     .section = "RFC 9110 §5.5",
     .level = requirement_level::must,
     .title = "A NUL in a field value is refused or replaced by SP",
     .requirement = dangerous_chars_rule,
     .run = nul_in_value},
    {.id = "http1/fields/cr-in-value",
     .section = "RFC 9110 §5.5",
     .level = requirement_level::must,
     .title = "A bare CR in a field value is refused or replaced by SP",
     .requirement = dangerous_chars_rule,
     .run = cr_in_value},
    {.id = "http1/fields/empty-name",
     .section = "RFC 9112 §2.2",
     .level = requirement_level::should,
     .title = "A field line with an empty name gets 400 and a close",
     .requirement = grammar_rule,
     .run = empty_name},
    {.id = "http1/fields/space-in-name",
     .section = "RFC 9112 §2.2",
     .level = requirement_level::should,
     .title = "A field name containing a space gets 400 and a close",
     .requirement = grammar_rule,
     .run = space_in_name},
};

}  // namespace

std::span<case_def const> field_cases() { return cases; }

}  // namespace conform::http1
