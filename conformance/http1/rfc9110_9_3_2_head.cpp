// RFC 9110 §9.3.2 and §8.6: HEAD — no content, and the header fields GET would send.
#include <algorithm>
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

outcome no_content(context& cx) {
  int const base = baseline_status(cx);
  h1::client c(cx);
  c.send_pipelined({make_request(cx, "HEAD", "/"), canary(cx)});
  auto const head = c.receive();
  if (!head.ok()) return violation("a response to HEAD without content", h1::describe(head));
  auto const next = c.receive();
  if (next.is(base)) return pass();
  if (next.what == h1::reply::kind::closed || next.what == h1::reply::kind::reset)
    return c.unread().empty() ? pass("the connection closed after the HEAD response") : violation("no content after the HEAD response", "content");
  return violation("no content after the HEAD response (the next response being the canary's " + std::to_string(base) + ")",
                   "after the HEAD response came " + h1::describe(next) +
                       (next.what == h1::reply::kind::malformed ? " (content bytes where a response should start)" : ""));
}

struct get_and_head {
  h1::reply get, head;
};

get_and_head fetch_both(context& cx) {
  h1::client c(cx);
  auto get = c.exchange(make_request(cx, "GET", "/"));
  h1::client d(cx);
  auto head = d.exchange(make_request(cx, "HEAD", "/"));
  return {std::move(get), std::move(head)};
}

outcome content_length_matches_get(context& cx) {
  auto const [get, head] = fetch_both(cx);
  if (!get.ok() || !head.ok()) return error("GET / got " + h1::describe(get) + ", HEAD / got " + h1::describe(head));
  auto const length = head.message.header("content-length");
  if (!length) return pass("no Content-Length on HEAD, as allowed");
  auto const expected = std::to_string(get.message.body.size());
  if (*length == expected) return pass();
  return violation("Content-Length absent or " + expected + " (the GET content's length)", "Content-Length: " + std::string(*length));
}

// Fields whose value a server may only know while generating the content (RFC 9110
// §9.3.2 lets HEAD omit them), plus those that differ per response or hop.
bool content_generated(std::string_view name) {
  for (auto n : {"content-length", "transfer-encoding", "trailer", "date", "etag", "connection", "keep-alive", "age"})
    if (h1::iequals(name, n)) return true;
  return false;
}

outcome same_fields_as_get(context& cx) {
  auto const [get, head] = fetch_both(cx);
  if (!get.ok() || !head.ok()) return error("GET / got " + h1::describe(get) + ", HEAD / got " + h1::describe(head));
  std::string missing;
  for (auto const& f : get.message.fields) {
    if (content_generated(f.name) || head.message.header(f.name)) continue;
    if (missing.find(f.name) != std::string::npos) continue;
    missing += (missing.empty() ? "" : ", ") + f.name;
  }
  if (missing.empty()) return pass();
  return violation("the header fields GET / gets", "HEAD / lacks " + missing);
}

case_def const cases[] = {
    {.id = "http1/head/no-content",
     .section = "RFC 9110 §9.3.2",
     .level = requirement_level::must,
     .title = "A response to HEAD carries no content",
     .requirement = "The HEAD method is identical to GET except that the server MUST NOT send content in the response.",
     .run = no_content},
    {.id = "http1/head/content-length-matches-get",
     .section = "RFC 9110 §8.6",
     .level = requirement_level::must,
     .title = "Content-Length on a HEAD response, if sent, is the GET content's length",
     .requirement = "A server MAY send a Content-Length header field in a response to a HEAD request; a server MUST NOT "
                    "send Content-Length in such a response unless its field value equals the decimal number of "
                    "octets that would have been sent in the content of a response if the same request had used the "
                    "GET method.",
     .run = content_length_matches_get},
    {.id = "http1/head/same-fields-as-get",
     .section = "RFC 9110 §9.3.2",
     .level = requirement_level::should,
     .title = "HEAD gets the header fields GET would get",
     .requirement = "The server SHOULD send the same header fields in response to a HEAD request as it would have sent "
                    "if the request method had been GET. However, a server MAY omit header fields for which a value is "
                    "determined only while generating the content.",
     .run = same_fields_as_get},
};

}  // namespace

std::span<case_def const> head_cases() { return cases; }

}  // namespace conform::http1
