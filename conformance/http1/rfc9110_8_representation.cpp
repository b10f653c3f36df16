// RFC 9110 §8 and §2.2: the representation fields of responses, linted as REDbot does —
// Content-Type on content, ETag and Last-Modified syntax, Last-Modified not after Date,
// and no Content-Length beside Transfer-Encoding.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"
#include "harness/http1/http_date.hpp"

namespace conform::http1 {
namespace {

h1::reply fetch(context& cx, std::string_view path) {
  h1::client c(cx);
  return c.exchange(make_request(cx, "GET", path));
}

outcome content_type(context& cx) {
  auto const r = fetch(cx, "/");
  if (!r.is(200) || r.message.body.empty()) return skip("GET / gave no 200 with content: " + h1::describe(r));
  if (r.message.header("content-type")) return pass();
  return violation("Content-Type on the 200 with " + std::to_string(r.message.body.size()) + " bytes of content", "none");
}

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text
bool is_entity_tag(std::string_view v) {
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return false;
  for (unsigned char c : v.substr(1, v.size() - 2))
    if (!(c == 0x21 || (c >= 0x23 && c <= 0x7e) || c >= 0x80)) return false;
  return true;
}

outcome etag_syntax(context& cx) {
  auto const r = fetch(cx, "/bytes/16");
  auto const etag = r.message.header("etag");
  if (!r.is(200) || !etag) return skip("GET /bytes/16 gave no ETag: " + h1::describe(r));
  if (is_entity_tag(*etag)) return pass();
  return violation("an entity-tag: a quoted string, optionally W/-prefixed", "ETag: " + h1::escape(*etag));
}

outcome last_modified_format(context& cx) {
  auto const r = fetch(cx, "/bytes/16");
  auto const lm = r.message.header("last-modified");
  if (!r.is(200) || !lm) return skip("GET /bytes/16 gave no Last-Modified: " + h1::describe(r));
  if (h1::parse_imf_fixdate(*lm)) return pass();
  return violation("Last-Modified in IMF-fixdate form (\"Sun, 06 Nov 1994 08:49:37 GMT\")", "Last-Modified: " + h1::escape(*lm));
}

outcome last_modified_not_after_date(context& cx) {
  auto const r = fetch(cx, "/bytes/16");
  auto const lm = r.message.header("last-modified");
  auto const date = r.message.header("date");
  if (!r.is(200) || !lm || !date) return skip("GET /bytes/16 gave no Last-Modified and Date to compare");
  auto const lm_at = h1::parse_imf_fixdate(*lm), date_at = h1::parse_imf_fixdate(*date);
  if (!lm_at || !date_at) return skip("Last-Modified or Date is not an IMF-fixdate (the format cases judge that)");
  if (*lm_at <= *date_at) return pass();
  return violation("Last-Modified no later than Date (" + std::string(*date) + ")", "Last-Modified: " + std::string(*lm));
}

outcome no_length_with_chunked(context& cx) {
  auto const r = fetch(cx, "/stream/3");
  if (!r.ok() || !r.message.has_token("transfer-encoding", "chunked")) return skip("GET /stream/3 was not chunked: " + h1::describe(r));
  if (!r.message.header("content-length")) return pass();
  return violation("no Content-Length beside Transfer-Encoding", "Content-Length: " + std::string(*r.message.header("content-length")));
}

constexpr std::string_view grammar_rule_for_senders =
    "A sender MUST NOT generate protocol elements that do not match the grammar defined by the corresponding ABNF "
    "rules.";

case_def const cases[] = {
    {.id = "http1/response/content-type", .section = "RFC 9110 §8.3", .level = requirement_level::should,
     .title = "A 200 with content says its Content-Type",
     .requirement = "A sender that generates a message containing content SHOULD generate a Content-Type header field "
                    "in that message unless the intended media type of the enclosed representation is unknown to the "
                    "sender.",
     .run = content_type},
    {.id = "http1/response/etag-syntax", .section = "RFC 9110 §8.8.3", .level = requirement_level::must,
     .title = "ETag is a quoted entity-tag",
     .requirement = grammar_rule_for_senders, .needs = {capability::bytes}, .run = etag_syntax},
    {.id = "http1/response/last-modified-format", .section = "RFC 9110 §5.6.7", .level = requirement_level::must,
     .title = "Last-Modified is sent in IMF-fixdate form",
     .requirement = "When a sender generates a header field that contains one or more timestamps defined as "
                    "HTTP-date, the sender MUST generate those timestamps in the IMF-fixdate format.",
     .needs = {capability::bytes}, .run = last_modified_format},
    {.id = "http1/response/last-modified-not-after-date", .section = "RFC 9110 §8.8.2.1", .level = requirement_level::must,
     .title = "Last-Modified is not later than the response's Date",
     .requirement = "An origin server with a clock (as defined in Section 5.6.7) MUST NOT generate a Last-Modified date "
                    "that is later than the server's time of message origination (Date, Section 6.6.1).",
     .needs = {capability::bytes}, .run = last_modified_not_after_date},
    {.id = "http1/response/no-content-length-with-chunked", .section = "RFC 9112 §6.2", .level = requirement_level::must,
     .title = "A chunked response carries no Content-Length",
     .requirement = "A sender MUST NOT send a Content-Length header field in any message that contains a "
                    "Transfer-Encoding header field.",
     .needs = {capability::stream}, .run = no_length_with_chunked},
};

}  // namespace

std::span<case_def const> representation_cases() { return cases; }

}  // namespace conform::http1
