// RFC 9110 §13: conditional GETs of /bytes/16 — If-Modified-Since, If-Unmodified-Since,
// weak and strong ETag comparison, "*", and the order in which preconditions apply.
// The 304/412 basics (If-None-Match, If-Match) are in rfc9110_no_content_statuses.cpp.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"
#include "harness/http1/http_date.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view resource = "/bytes/16";

struct validators {
  std::optional<std::string> etag;
  std::optional<std::int64_t> last_modified;
};

validators fetch_validators(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", resource));
  validators v;
  if (!r.is(200)) return v;
  if (auto e = r.message.header("etag")) v.etag = std::string(*e);
  if (auto lm = r.message.header("last-modified")) v.last_modified = h1::parse_imf_fixdate(*lm);
  return v;
}

h1::reply conditional(context& cx, std::vector<std::pair<std::string_view, std::string>> const& fields) {
  auto req = make_request(cx, "GET", resource);
  for (auto const& [name, value] : fields) req.header(name, value);
  h1::client c(cx);
  return c.exchange(req);
}

outcome expect_status(h1::reply const& r, int status, std::string_view why) {
  if (r.is(status)) return pass();
  return violation(std::to_string(status) + " (" + std::string(why) + ")", h1::describe(r));
}

outcome no_date() { return skip("GET " + std::string(resource) + " gave no Last-Modified in IMF-fixdate form to compare with"); }
outcome no_etag() { return skip("GET " + std::string(resource) + " gave no ETag to compare with"); }

outcome modified_since_304(context& cx) {
  auto const v = fetch_validators(cx);
  if (!v.last_modified) return no_date();
  return expect_status(conditional(cx, {{"If-Modified-Since", h1::format_imf_fixdate(*v.last_modified)}}), 304, "not modified since its Last-Modified");
}

outcome modified_since_older(context& cx) {
  auto const v = fetch_validators(cx);
  if (!v.last_modified) return no_date();
  return expect_status(conditional(cx, {{"If-Modified-Since", h1::format_imf_fixdate(*v.last_modified - 86400)}}), 200, "modified after that date");
}

outcome modified_since_invalid(context& cx) {
  return expect_status(conditional(cx, {{"If-Modified-Since", "not a date"}}), 200, "an invalid date is ignored");
}

outcome unmodified_since_412(context& cx) {
  auto const v = fetch_validators(cx);
  if (!v.last_modified) return no_date();
  return expect_status(conditional(cx, {{"If-Unmodified-Since", h1::format_imf_fixdate(*v.last_modified - 86400)}}), 412, "modified after that date");
}

outcome none_match_star(context& cx) { return expect_status(conditional(cx, {{"If-None-Match", "*"}}), 304, "the resource exists"); }
outcome match_star(context& cx) { return expect_status(conditional(cx, {{"If-Match", "*"}}), 200, "the resource exists"); }

outcome none_match_weak(context& cx) {
  auto const v = fetch_validators(cx);
  if (!v.etag) return no_etag();
  auto const weak = v.etag->starts_with("W/") ? *v.etag : "W/" + *v.etag;
  return expect_status(conditional(cx, {{"If-None-Match", weak}}), 304, "If-None-Match compares weakly");
}

outcome match_weak(context& cx) {
  auto const v = fetch_validators(cx);
  if (!v.etag) return no_etag();
  auto const weak = v.etag->starts_with("W/") ? *v.etag : "W/" + *v.etag;
  return expect_status(conditional(cx, {{"If-Match", weak}}), 412, "If-Match compares strongly, and a weak tag never matches strongly");
}

outcome none_match_over_modified_since(context& cx) {
  auto const v = fetch_validators(cx);
  if (!v.last_modified) return no_date();
  return expect_status(conditional(cx, {{"If-None-Match", "\"conform-other\""}, {"If-Modified-Since", h1::format_imf_fixdate(*v.last_modified)}}),
                       200, "If-Modified-Since is ignored when If-None-Match is present");
}

constexpr std::string_view evaluate_rule =
    "A recipient cache or origin server MUST evaluate received request preconditions after it has successfully "
    "performed its normal request checks and just before it would process the request content (if any) or perform the "
    "action associated with the request method.";

case_def const cases[] = {
    {.id = "http1/conditional/if-modified-since-304", .section = "RFC 9110 §13.1.3", .level = requirement_level::must,
     .title = "If-Modified-Since equal to Last-Modified gets 304",
     .requirement = evaluate_rule, .needs = {capability::bytes}, .run = modified_since_304},
    {.id = "http1/conditional/if-modified-since-older", .section = "RFC 9110 §13.1.3", .level = requirement_level::must,
     .title = "If-Modified-Since a day before Last-Modified gets 200",
     .requirement = evaluate_rule, .needs = {capability::bytes}, .run = modified_since_older},
    {.id = "http1/conditional/if-modified-since-invalid", .section = "RFC 9110 §13.1.3", .level = requirement_level::must,
     .title = "An If-Modified-Since that is not a date is ignored",
     .requirement = "A recipient MUST ignore the If-Modified-Since header field if the received field value is not a "
                    "valid HTTP-date, the field value has more than one member, or if the request method is neither "
                    "GET nor HEAD.",
     .needs = {capability::bytes}, .run = modified_since_invalid},
    {.id = "http1/conditional/if-unmodified-since-412", .section = "RFC 9110 §13.1.4", .level = requirement_level::must,
     .title = "If-Unmodified-Since a day before Last-Modified gets 412",
     .requirement = "An origin server that receives an If-Unmodified-Since header field without an If-Match header "
                    "field MUST evaluate the condition as per Section 13.2 prior to performing the method. […] the "
                    "origin server MUST NOT perform the requested method if the condition evaluates to false. Instead, "
                    "the origin server MUST respond with either a) the 412 (Precondition Failed) status code or b) one "
                    "of the 2xx (Successful) status codes if the origin server has verified that a state change is "
                    "being requested and the final state is already reflected in the current state of the target "
                    "resource.",
     .needs = {capability::bytes}, .run = unmodified_since_412},
    {.id = "http1/conditional/if-none-match-star", .section = "RFC 9110 §13.1.2", .level = requirement_level::must,
     .title = "If-None-Match: * on an existing resource gets 304",
     .requirement = "If the field value is \"*\", the condition is false if the origin server has a current "
                    "representation for the target resource.",
     .needs = {capability::bytes}, .run = none_match_star},
    {.id = "http1/conditional/if-match-star", .section = "RFC 9110 §13.1.1", .level = requirement_level::must,
     .title = "If-Match: * on an existing resource is served",
     .requirement = "If the field value is \"*\", the condition is true if the origin server has a current "
                    "representation for the target resource.",
     .needs = {capability::bytes}, .run = match_star},
    {.id = "http1/conditional/if-none-match-weak", .section = "RFC 9110 §13.1.2", .level = requirement_level::must,
     .title = "If-None-Match with the weak form of the ETag gets 304",
     .requirement = "A recipient MUST use the weak comparison function when comparing entity tags for If-None-Match "
                    "(Section 8.8.3.2), since weak entity tags can be used for cache validation even if there have "
                    "been changes to the representation data.",
     .needs = {capability::bytes}, .run = none_match_weak},
    {.id = "http1/conditional/if-match-weak", .section = "RFC 9110 §13.1.1", .level = requirement_level::must,
     .title = "If-Match with a weak ETag gets 412",
     .requirement = "An origin server MUST use the strong comparison function when comparing entity tags for If-Match "
                    "(Section 8.8.3.2), since the client intends this precondition to prevent the method from being "
                    "applied if there have been any changes to the representation data.",
     .needs = {capability::bytes}, .run = match_weak},
    {.id = "http1/conditional/none-match-over-modified-since", .section = "RFC 9110 §13.1.3", .level = requirement_level::must,
     .title = "If-Modified-Since is ignored when If-None-Match is present",
     .requirement = "A recipient MUST ignore If-Modified-Since if the request contains an If-None-Match header field; "
                    "the condition in If-None-Match is considered to be a more accurate replacement for the condition "
                    "in If-Modified-Since, and the two are only combined for the sake of interoperating with older "
                    "intermediaries that might not implement If-None-Match.",
     .needs = {capability::bytes}, .run = none_match_over_modified_since},
};

}  // namespace

std::span<case_def const> conditional_cases() { return cases; }

}  // namespace conform::http1
