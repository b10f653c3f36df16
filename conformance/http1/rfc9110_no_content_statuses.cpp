// RFC 9110 §8.6, §15 and RFC 9112 §6: responses that never have content (1xx, 204,
// 304), and the conditional requests that produce 304 and 412.
#include <optional>
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view no_body_rule =
    "Any response to a HEAD request and any response with a 1xx (Informational), 204 (No Content), or 304 (Not "
    "Modified) status code is always terminated by the first empty line after the header fields, regardless of the "
    "header fields present in the message, and thus cannot contain a message body or trailer section.";

// `r` and the canary pipelined: the canary's answer must follow `r`'s head directly.
outcome nothing_after(context& cx, h1::request const& r, int status) {
  int const base = baseline_status(cx);
  h1::client c(cx);
  c.send_pipelined({r, canary(cx)});
  auto const first = c.receive();
  if (!first.is(status)) return skip("no " + std::to_string(status) + " to check: the request got " + h1::describe(first));
  auto const next = c.receive();
  if (next.is(base)) return pass();
  if ((next.what == h1::reply::kind::closed || next.what == h1::reply::kind::reset) && c.unread().empty())
    return pass("the connection closed after the " + std::to_string(status));
  return violation("the canary's " + std::to_string(base) + " right after the " + std::to_string(status) + " head",
                   h1::describe(next));
}

h1::reply fetch(context& cx, h1::request const& r) {
  h1::client c(cx);
  return c.exchange(r);
}

outcome no_content_204(context& cx) { return nothing_after(cx, make_request(cx, "GET", "/status/204"), 204); }

outcome forbidden_field_204(context& cx, std::string_view name) {
  auto const r = fetch(cx, make_request(cx, "GET", "/status/204"));
  if (!r.is(204)) return error("GET /status/204 got " + h1::describe(r));
  if (!r.message.header(name)) return pass();
  return violation("no " + std::string(name) + " in the 204", std::string(name) + ": " + std::string(*r.message.header(name)));
}

outcome no_content_length_204(context& cx) { return forbidden_field_204(cx, "Content-Length"); }
outcome no_transfer_encoding_204(context& cx) { return forbidden_field_204(cx, "Transfer-Encoding"); }

outcome no_content_length_1xx(context& cx) {
  auto const r = fetch(cx, make_request(cx, "GET", "/status/103"));
  if (r.interim.empty()) return skip("the target sent no interim response to GET /status/103");
  for (auto const& i : r.interim)
    if (i.header("content-length")) return violation("no Content-Length in the " + i.summary(), "Content-Length: " + std::string(*i.header("content-length")));
  return pass();
}

// The 200 for /bytes/16 and a conditional GET naming its ETag. Empty when the 200 came
// without an ETag (the target offers no entity tags to test with).
struct revalidation {
  h1::reply full;
  std::string etag;
  h1::request conditional;
};

std::optional<revalidation> revalidate(context& cx) {
  auto full = fetch(cx, make_request(cx, "GET", "/bytes/16"));
  auto const etag = full.ok() ? full.message.header("etag") : std::nullopt;
  if (!etag) return std::nullopt;
  auto conditional = make_request(cx, "GET", "/bytes/16").header("If-None-Match", *etag);
  return revalidation{std::move(full), std::string(*etag), std::move(conditional)};
}

outcome no_etag(context&) { return error("GET /bytes/16 came without an ETag, though the probe saw one"); }

outcome if_none_match_304(context& cx) {
  auto const v = revalidate(cx);
  if (!v) return no_etag(cx);
  auto const r = fetch(cx, v->conditional);
  if (r.is(304)) return pass();
  return violation("304 (Not Modified) for If-None-Match: " + v->etag, h1::describe(r));
}

outcome if_match_412(context& cx) {
  auto const r = fetch(cx, make_request(cx, "GET", "/bytes/16").header("If-Match", "\"conform-no-such-tag\""));
  if (r.is(412)) return pass();
  return violation("412 (Precondition Failed)", h1::describe(r));
}

outcome no_content_304(context& cx) {
  auto const v = revalidate(cx);
  return v ? nothing_after(cx, v->conditional, 304) : no_etag(cx);
}

outcome fields_304(context& cx) {
  auto const v = revalidate(cx);
  if (!v) return no_etag(cx);
  auto const r = fetch(cx, v->conditional);
  if (!r.is(304)) return skip("If-None-Match did not produce a 304 (" + h1::describe(r) + ")");
  std::string missing;
  for (auto name : {"Content-Location", "Date", "ETag", "Vary"})
    if (v->full.message.header(name) && !r.message.header(name)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  if (missing.empty()) return pass();
  return violation("the 304 to carry the 200's " + missing, "a 304 without " + missing);
}

case_def const cases[] = {
    {.id = "http1/status/204-no-content",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "A 204 response ends at its header section",
     .requirement = no_body_rule,
     .needs = {capability::status},
     .run = no_content_204},
    {.id = "http1/status/204-no-content-length",
     .section = "RFC 9110 §8.6",
     .level = requirement_level::must,
     .title = "A 204 response carries no Content-Length",
     .requirement = "A server MUST NOT send a Content-Length header field in any response with a status code of 1xx "
                    "(Informational) or 204 (No Content).",
     .needs = {capability::status},
     .run = no_content_length_204},
    {.id = "http1/status/204-no-transfer-encoding",
     .section = "RFC 9112 §6.1",
     .level = requirement_level::must,
     .title = "A 204 response carries no Transfer-Encoding",
     .requirement = "A server MUST NOT send a Transfer-Encoding header field in any response with a status code of 1xx "
                    "(Informational) or 204 (No Content).",
     .needs = {capability::status},
     .run = no_transfer_encoding_204},
    {.id = "http1/status/1xx-no-content-length",
     .section = "RFC 9110 §8.6",
     .level = requirement_level::must,
     .title = "An interim 1xx response carries no Content-Length",
     .requirement = "A server MUST NOT send a Content-Length header field in any response with a status code of 1xx "
                    "(Informational) or 204 (No Content).",
     .needs = {capability::status},
     .run = no_content_length_1xx},
    {.id = "http1/conditional/if-none-match-304",
     .section = "RFC 9110 §13.1.2",
     .level = requirement_level::must,
     .title = "GET with If-None-Match naming the current ETag gets 304",
     .requirement = "An origin server MUST NOT perform the requested method if the condition evaluates to false; "
                    "instead, the origin server MUST respond with either a) the 304 (Not Modified) status code if the "
                    "request method is GET or HEAD or b) the 412 (Precondition Failed) status code for all other "
                    "request methods.",
     .needs = {capability::bytes},
     .run = if_none_match_304},
    {.id = "http1/conditional/if-match-412",
     .section = "RFC 9110 §13.1.1",
     .level = requirement_level::must,
     .title = "GET with If-Match naming another ETag gets 412",
     .requirement = "An origin server MUST NOT perform the requested method if a received If-Match condition evaluates "
                    "to false. Instead, the origin server MUST respond with either a) the 412 (Precondition Failed) "
                    "status code or b) one of the 2xx (Successful) status codes if the origin server has verified "
                    "that a state change is being requested and the final state is already reflected in the current "
                    "state of the target resource.",
     .needs = {capability::bytes},
     .run = if_match_412},
    {.id = "http1/status/304-no-content",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "A 304 response ends at its header section",
     .requirement = no_body_rule,
     .needs = {capability::bytes},
     .run = no_content_304},
    {.id = "http1/status/304-fields",
     .section = "RFC 9110 §15.4.5",
     .level = requirement_level::must,
     .title = "A 304 carries the Date, ETag, Vary and Content-Location a 200 would",
     .requirement = "The server generating a 304 response MUST generate any of the following header fields that would "
                    "have been sent in a 200 (OK) response to the same request: Content-Location, Date, ETag, and Vary.",
     .needs = {capability::bytes},
     .run = fields_304},
};

}  // namespace

std::span<case_def const> no_content_cases() { return cases; }

}  // namespace conform::http1
