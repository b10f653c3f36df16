// "/bytes/{n}": n deterministic bytes ('a' + i % 26) with a strong ETag derived from n,
// a fixed Last-Modified, conditional requests (RFC 9110 §13.2.2) and range requests
// (RFC 9110 §14), single-part and multipart/byteranges.
#include <memory>
#include <string>

#include "reference/http1/endpoints/endpoint.hpp"
#include "reference/http1/endpoints/segment_producer.hpp"
#include "reference/http1/rfc9110_conditional.hpp"
#include "reference/http1/rfc9110_ranges.hpp"

namespace conform::reference::http1 {
namespace {

constexpr std::uint64_t max_bytes = 64ULL * 1024 * 1024;
constexpr unix_seconds last_modified = 1704067200;  // Mon, 01 Jan 2024 00:00:00 GMT
constexpr std::string_view last_modified_text = "Mon, 01 Jan 2024 00:00:00 GMT";
constexpr std::string_view boundary = "CONFORM_BYTERANGES";  // never in a body of 'a'..'z'

void validator_fields(response_writer& out, std::string_view etag) {
  out.field("ETag", etag);
  out.field("Last-Modified", last_modified_text);
}

std::string content_range(byte_range r, std::uint64_t length) {
  return "bytes " + std::to_string(r.first) + "-" + std::to_string(r.last) + "/" + std::to_string(length);
}

void respond_partial(exchange& ex, std::string_view etag, range_selection const& sel, std::uint64_t n) {
  auto body = std::make_unique<segment_producer>();
  ex.out.start(206);
  validator_fields(ex.out, etag);
  ex.out.field("Accept-Ranges", "bytes");
  if (sel.ranges.size() == 1) {
    ex.out.field("Content-Type", "application/octet-stream");
    ex.out.field("Content-Range", content_range(sel.ranges[0], n));
    body->add_pattern(sel.ranges[0].first, sel.ranges[0].size());
  } else {
    // RFC 9110 §14.6: one part per range, in the order requested.
    ex.out.field("Content-Type", "multipart/byteranges; boundary=" + std::string(boundary));
    for (auto const& r : sel.ranges) {
      body->add_text("\r\n--" + std::string(boundary) + "\r\nContent-Type: application/octet-stream\r\n" +
                     "Content-Range: " + content_range(r, n) + "\r\n\r\n");
      body->add_pattern(r.first, r.size());
    }
    body->add_text("\r\n--" + std::string(boundary) + "--\r\n");
  }
  std::uint64_t const length = body->length();
  ex.out.finish_sized(length, std::move(body));
}

void respond_bytes(exchange& ex) {
  std::uint64_t n = 0;
  if (!parse_decimal(ex.param, n) || n > max_bytes) {
    respond_text(ex.out, 400, "400 Bad Request: /bytes/{n} takes 0..67108864\n");
    return;
  }
  std::string const etag = "\"bytes-" + std::to_string(n) + "\"";
  validators const current{etag, last_modified};
  switch (evaluate_preconditions(ex.req, current)) {
    case precondition::failed:
      respond_text(ex.out, 412, "412 Precondition Failed\n");
      return;
    case precondition::not_modified:
      ex.out.start(304);  // RFC 9110 §15.4.5: the validators a 200 would carry, no content
      validator_fields(ex.out, etag);
      ex.out.finish({});
      return;
    case precondition::proceed:
      break;
  }
  // RFC 9110 §14.2: Range is defined for GET only; other methods ignore it.
  auto const range = ex.req.find("Range");
  if (ex.req.verb() == method::get && range && ex.req.count("Range") == 1 && if_range_allows(ex.req, current)) {
    range_selection const sel = select_ranges(*range, n);
    if (sel.result == range_selection::kind::partial) return respond_partial(ex, etag, sel, n);
    if (sel.result == range_selection::kind::unsatisfiable) {
      ex.out.start(416);
      ex.out.field("Content-Range", "bytes */" + std::to_string(n));
      ex.out.field("Content-Type", "text/plain; charset=utf-8");
      ex.out.finish("416 Range Not Satisfiable\n");
      return;
    }
  }
  ex.out.start(200);
  validator_fields(ex.out, etag);
  ex.out.field("Accept-Ranges", "bytes");
  ex.out.field("Content-Type", "application/octet-stream");
  auto body = std::make_unique<segment_producer>();
  body->add_pattern(0, n);
  ex.out.finish_sized(n, std::move(body));
}

}  // namespace

resource const bytes_resource{"/bytes/{n}", {method::get, method::head, method::options}, false,
                              respond_bytes};

}  // namespace conform::reference::http1
