// RFC 9110 §14 and §15.3.7: range requests on /bytes/100 — single, suffix, open-ended
// and multiple ranges, unsatisfiable ones (416), If-Range and unknown range units. A
// target may ignore Range altogether (§14.2); then the cases that need a 206 SKIP.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view resource = "/bytes/100";

struct full_copy {
  std::string body;
  std::optional<std::string> etag;
};

// The whole representation, to compare parts with.
std::optional<full_copy> fetch_full(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", resource));
  if (!r.is(200) || r.message.body.size() != 100) return std::nullopt;
  full_copy f{.body = r.message.body, .etag = std::nullopt};
  if (auto e = r.message.header("etag")) f.etag = std::string(*e);
  return f;
}

h1::reply ranged(context& cx, std::string_view range, std::string_view if_range = {}) {
  auto req = make_request(cx, "GET", resource).header("Range", range);
  if (!if_range.empty()) req.header("If-Range", if_range);
  h1::client c(cx);
  return c.exchange(req);
}

outcome ignores_ranges(h1::reply const& r) {
  return skip("the target answered " + h1::describe(r) + " with the whole representation: it ignores Range, which RFC 9110 §14.2 allows");
}

// A single-part 206 for bytes first..last of 100.
outcome expect_part(context& cx, std::string_view range, std::size_t first, std::size_t last) {
  auto const full = fetch_full(cx);
  if (!full) return error("GET " + std::string(resource) + " did not give 100 bytes with 200");
  auto const r = ranged(cx, range);
  if (r.is(200)) return ignores_ranges(r);
  if (!r.is(206)) return violation("206 (Partial Content)", h1::describe(r));
  auto const expected_range = "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/100";
  auto const content_range = r.message.header("content-range");
  if (!content_range || *content_range != expected_range)
    return violation("Content-Range: " + expected_range, content_range ? "Content-Range: " + std::string(*content_range) : "no Content-Range");
  auto const part = full->body.substr(first, last - first + 1);
  if (r.message.body != part) return violation("the bytes " + std::to_string(first) + "-" + std::to_string(last) + " of the 200", "\"" + h1::escape(r.message.body) + "\"");
  return pass();
}

outcome single(context& cx) { return expect_part(cx, "bytes=10-19", 10, 19); }
outcome suffix(context& cx) { return expect_part(cx, "bytes=-10", 90, 99); }
outcome open_ended(context& cx) { return expect_part(cx, "bytes=95-", 95, 99); }

// Each part of a multipart/byteranges body: its Content-Range and its bytes.
std::vector<std::pair<std::string, std::string>> parts_of(std::string_view body, std::string_view boundary) {
  std::vector<std::pair<std::string, std::string>> parts;
  std::string const delimiter = "--" + std::string(boundary);
  for (auto at = body.find(delimiter); at != std::string_view::npos;) {
    auto const head_start = body.find("\r\n", at);
    auto const head_end = body.find("\r\n\r\n", at);
    auto const next = body.find("\r\n" + delimiter, at + delimiter.size());
    if (head_start == std::string_view::npos || head_end == std::string_view::npos || next == std::string_view::npos) break;
    std::string range;
    for (auto line_at = head_start + 2; line_at < head_end;) {
      auto const eol = body.find("\r\n", line_at);
      auto const line = body.substr(line_at, eol - line_at);
      if (line.size() > 14 && h1::iequals(line.substr(0, 14), "content-range:")) range = std::string(h1::trim_ows(line.substr(14)));
      line_at = eol + 2;
    }
    parts.emplace_back(range, std::string(body.substr(head_end + 4, next - head_end - 4)));
    at = next + 2;
  }
  return parts;
}

outcome multiple(context& cx) {
  auto const full = fetch_full(cx);
  if (!full) return error("GET " + std::string(resource) + " did not give 100 bytes with 200");
  auto const r = ranged(cx, "bytes=0-4,50-54");
  if (r.is(200)) return ignores_ranges(r);
  if (!r.is(206)) return violation("206 (Partial Content)", h1::describe(r));
  auto const type = std::string(r.message.header("content-type").value_or(""));
  auto const b = type.find("boundary=");
  if (!type.starts_with("multipart/byteranges") || b == std::string::npos) {
    // A server may coalesce ranges into one part (RFC 9110 §14.2), then it is bytes 0-54.
    if (r.message.header("content-range") == "bytes 0-54/100" && r.message.body == full->body.substr(0, 55))
      return pass("the ranges were coalesced into bytes 0-54, as RFC 9110 §14.2 allows");
    return violation("multipart/byteranges with a boundary", type.empty() ? "no Content-Type" : "Content-Type: " + type);
  }
  auto boundary = std::string_view(type).substr(b + 9);
  if (boundary.starts_with('"') && boundary.size() > 1) boundary = boundary.substr(1, boundary.find('"', 1) - 1);
  auto const parts = parts_of(r.message.body, boundary);
  std::vector<std::pair<std::string, std::string>> const expected = {{"bytes 0-4/100", full->body.substr(0, 5)},
                                                                     {"bytes 50-54/100", full->body.substr(50, 5)}};
  if (parts != expected) {
    std::string got;
    for (auto const& [range, data] : parts) got += (got.empty() ? "" : "; ") + range + " \"" + h1::escape(data) + "\"";
    return violation("two parts, bytes 0-4/100 and bytes 50-54/100, with those bytes", got.empty() ? "no parts could be read" : got);
  }
  return pass();
}

outcome unsatisfiable(context& cx) {
  auto const r = ranged(cx, "bytes=1000-1999");
  if (r.is(200)) return ignores_ranges(r);
  auto const content_range = r.message.header("content-range");
  if (r.is(416) && content_range == "bytes */100") return pass();
  if (!r.is(416)) return violation("416 (Range Not Satisfiable)", h1::describe(r));
  return violation("Content-Range: bytes */100 in the 416", content_range ? "Content-Range: " + std::string(*content_range) : "no Content-Range");
}

outcome if_range_match(context& cx) {
  auto const full = fetch_full(cx);
  if (!full || !full->etag) return skip("GET " + std::string(resource) + " gave no ETag to use in If-Range");
  auto const r = ranged(cx, "bytes=10-19", *full->etag);
  if (r.is(206)) return pass();
  if (r.is(200) && ranged(cx, "bytes=10-19").is(200)) return ignores_ranges(r);
  return violation("206 for the range: the If-Range validator matches", h1::describe(r));
}

outcome if_range_mismatch(context& cx) {
  auto const r = ranged(cx, "bytes=10-19", "\"conform-not-the-etag\"");
  if (r.is(200) && r.message.body.size() == 100) return pass();
  return violation("200 with all 100 bytes: the If-Range validator does not match", h1::describe(r));
}

outcome unknown_unit(context& cx) {
  auto const r = ranged(cx, "conform-units=0-4");
  if (r.is(200) && r.message.body.size() == 100) return pass();
  return violation("200 with all 100 bytes: the range unit is unknown", h1::describe(r));
}

constexpr std::string_view single_part_rule =
    "If a single part is being transferred, the server generating the 206 response MUST generate a Content-Range "
    "header field, describing what range of the selected representation is enclosed, and a content consisting of the "
    "range.";

case_def const cases[] = {
    {.id = "http1/range/single", .section = "RFC 9110 §15.3.7.1", .level = requirement_level::must,
     .title = "bytes=10-19 gets a 206 with Content-Range: bytes 10-19/100 and those bytes",
     .requirement = single_part_rule, .needs = {capability::bytes}, .run = single},
    {.id = "http1/range/suffix", .section = "RFC 9110 §14.1.1", .level = requirement_level::must,
     .title = "bytes=-10 is the last 10 bytes",
     .requirement = "A client can request the last N bytes (N > 0) of the selected representation using a "
                    "suffix-range. If the selected representation is shorter than the specified suffix-length, the "
                    "entire representation is used.",
     .needs = {capability::bytes}, .run = suffix},
    {.id = "http1/range/open-ended", .section = "RFC 9110 §14.1.1", .level = requirement_level::must,
     .title = "bytes=95- runs to the end of the representation",
     .requirement = "If the last-pos value is absent, or if the value is greater than or equal to the current length of "
                    "the representation data, the byte range is interpreted as the remainder of the representation "
                    "(i.e., the server replaces the value of last-pos with a value that is one less than the current "
                    "length of the selected representation).",
     .needs = {capability::bytes}, .run = open_ended},
    {.id = "http1/range/multiple", .section = "RFC 9110 §15.3.7.2", .level = requirement_level::must,
     .title = "Two ranges get multipart/byteranges, each part with its Content-Range",
     .requirement = "When multiple parts are being transferred, the server generating the 206 response MUST generate "
                    "\"multipart/byteranges\" content, as defined in Section 14.6, and a Content-Type header field "
                    "containing the \"multipart/byteranges\" media type and its required boundary parameter.",
     .needs = {capability::bytes}, .run = multiple},
    {.id = "http1/range/unsatisfiable", .section = "RFC 9110 §15.5.17", .level = requirement_level::should,
     .title = "A range past the end gets 416 with Content-Range: bytes */100",
     .requirement = "A server that generates a 416 response to a byte-range request SHOULD generate a Content-Range "
                    "header field specifying the current length of the selected representation.",
     .needs = {capability::bytes}, .run = unsatisfiable},
    {.id = "http1/range/if-range-match", .section = "RFC 9110 §13.1.5", .level = requirement_level::should,
     .title = "If-Range with the current ETag: the range is served",
     .requirement = "If the validator given in the If-Range header field matches the current validator for the "
                    "selected representation of the target resource, then the server SHOULD process the Range header "
                    "field as requested.",
     .needs = {capability::bytes}, .run = if_range_match},
    {.id = "http1/range/if-range-mismatch", .section = "RFC 9110 §13.1.5", .level = requirement_level::must,
     .title = "If-Range with another ETag: the whole representation, 200",
     .requirement = "If the validator does not match, the server MUST ignore the Range header field.",
     .needs = {capability::bytes}, .run = if_range_mismatch},
    {.id = "http1/range/unknown-unit", .section = "RFC 9110 §14.2", .level = requirement_level::must,
     .title = "A Range in an unknown unit is ignored",
     .requirement = "An origin server MUST ignore a Range header field that contains a range unit it does not understand.",
     .needs = {capability::bytes}, .run = unknown_unit},
};

}  // namespace

std::span<case_def const> range_cases() { return cases; }

}  // namespace conform::http1
