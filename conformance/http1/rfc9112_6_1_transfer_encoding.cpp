// RFC 9112 §6.1 and §6.3: Transfer-Encoding in requests — with Content-Length, not
// ending in chunked, unknown codings, in HTTP/1.0. The classic request-smuggling ground.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

std::string const hello_chunked = h1::chunked().chunk("hello").last().bytes();

outcome with_content_length(context& cx) {
  // Content-Length covers the chunked body plus the canary's first 5 bytes: a target
  // that frames by Content-Length eats "GET /" and misreads what follows.
  auto probe = make_request(cx, "POST", body_path(cx))
                   .header("Transfer-Encoding", "chunked")
                   .header("Content-Length", std::to_string(hello_chunked.size() + 5))
                   .body(hello_chunked);
  auto const f = probe_framing(cx, probe);
  using k = framing_result::kind;
  std::string const expected = "400, or the chunked body read, and in both cases the connection closed";
  if (f.what == k::refused_and_closed) return pass();
  if (f.what == k::other_error_and_closed) return pass("refused with " + h1::describe(f.first) + " and closed");
  if (f.what == k::processed_and_closed) return expect_body_framed(cx, f, "hello");
  return violation(expected, f.story);
}

outcome chunked_not_final(context& cx) {
  auto probe = make_request(cx, "POST", body_path(cx)).header("Transfer-Encoding", "gzip").body("hello");
  auto const f = probe_framing(cx, probe, {400, 501});
  if (f.what == framing_result::kind::refused_and_closed)
    return f.first.message.status == 501 ? pass("501: the target does not implement gzip (RFC 9112 §6.1), and refused") : pass();
  if (f.what == framing_result::kind::other_error_and_closed) return unexercised(f);
  return violation("400 and then the connection closed", f.story);
}

outcome unknown_coding(context& cx) {
  auto probe = make_request(cx, "POST", body_path(cx)).header("Transfer-Encoding", "conform-unknown, chunked").body(hello_chunked);
  h1::client c(cx);
  auto const r = c.exchange(probe);
  if (r.is(501)) return pass();
  return violation("501 (Not Implemented)", h1::describe(r));
}

outcome http10_request(context& cx) {
  // HTTP/1.0 with keep-alive, so only the Transfer-Encoding rule makes the target close.
  auto probe = make_request(cx, "POST", body_path(cx), "HTTP/1.0")
                   .header("Connection", "keep-alive")
                   .header("Transfer-Encoding", "chunked")
                   .body(hello_chunked);
  auto const f = probe_framing(cx, probe);
  if (f.closed()) return pass();
  return violation("an answer (400 or other) and then the connection closed", f.story);
}

case_def const cases[] = {
    {.id = "http1/transfer-encoding/with-content-length",
     .section = "RFC 9112 §6.1",
     .level = requirement_level::must,
     .title = "Transfer-Encoding with Content-Length: refused or framed by chunked, then the connection closed",
     .requirement = "A server MAY reject a request that contains both Content-Length and Transfer-Encoding or process "
                    "such a request in accordance with the Transfer-Encoding alone. Regardless, the server MUST close "
                    "the connection after responding to such a request to avoid the potential attacks.",
     .run = with_content_length},
    {.id = "http1/transfer-encoding/chunked-not-final",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "A request whose final transfer coding is not chunked gets 400 and a close",
     .requirement = "If a Transfer-Encoding header field is present in a request and the chunked transfer coding is "
                    "not the final encoding, the message body length cannot be determined reliably; the server MUST "
                    "respond with the 400 (Bad Request) status code and then close the connection.",
     .run = chunked_not_final},
    {.id = "http1/transfer-encoding/unknown-coding",
     .section = "RFC 9112 §6.1",
     .level = requirement_level::should,
     .title = "An unknown transfer coding gets 501",
     .requirement = "A server that receives a request message with a transfer coding it does not understand SHOULD "
                    "respond with 501 (Not Implemented).",
     .run = unknown_coding},
    {.id = "http1/transfer-encoding/http10-request",
     .section = "RFC 9112 §6.1",
     .level = requirement_level::must,
     .title = "Transfer-Encoding in an HTTP/1.0 request: framing treated as faulty, connection closed",
     .requirement = "A server or client that receives an HTTP/1.0 message containing a Transfer-Encoding header field "
                    "MUST treat the message as if the framing is faulty, even if a Content-Length is present, and "
                    "close the connection after processing the message.",
     .run = http10_request},
};

}  // namespace

std::span<case_def const> transfer_encoding_cases() { return cases; }

}  // namespace conform::http1
