// RFC 9110 §10.1.1: Expect: 100-continue.
#include <chrono>
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

outcome continue_or_final(context& cx) {
  h1::client c(cx);
  // The header section alone: the body waits for the server's word.
  auto head = make_request(cx, "POST", body_path(cx)).header("Content-Length", "5").header("Expect", "100-continue");
  c.send(head);
  auto const r = c.receive_next();
  std::string const expected = "100 (Continue) or a final status right after the header section";
  if (!r.ok()) return violation(expected, h1::describe(r));
  if (r.message.status != 100) return pass("an immediate final status: " + r.message.summary());
  c.send_more("hello");
  auto const final_reply = c.receive();
  if (final_reply.ok()) return pass();
  return violation("a final response once the body was sent", h1::describe(final_reply));
}

outcome http10_ignored(context& cx) {
  h1::client c(cx);
  auto head = make_request(cx, "POST", body_path(cx), "HTTP/1.0").header("Content-Length", "5").header("Expect", "100-continue");
  c.send(head);
  // Half a second for a 100 that must not come, then the body.
  c.await_close_until(cx.deadline_in(std::chrono::milliseconds(500)));
  c.send_more("hello");
  auto const r = c.receive_next();
  if (r.ok() && r.message.status == 100) return violation("no 100 (Continue) to an HTTP/1.0 request", "100 Continue");
  if (r.ok()) return pass();
  return violation("a final response once the body was sent", h1::describe(r));
}

case_def const cases[] = {
    {.id = "http1/expect/100-continue",
     .section = "RFC 9110 §10.1.1",
     .level = requirement_level::must,
     .title = "Expect: 100-continue gets 100 or a final status without waiting for the body",
     .requirement = "Upon receiving an HTTP/1.1 (or later) request that has a method, target URI, and complete "
                    "header section that contains a 100-continue expectation and an indication that request content "
                    "will follow, an origin server MUST send either: an immediate response with a final status code, "
                    "if that status can be determined by examining just the method, target URI, and header fields, "
                    "or an immediate 100 (Continue) response to encourage the client to send the request content.",
     .run = continue_or_final},
    {.id = "http1/expect/http10-ignored",
     .section = "RFC 9110 §10.1.1",
     .level = requirement_level::must,
     .title = "Expect: 100-continue in an HTTP/1.0 request gets no 100",
     .requirement = "A server that receives a 100-continue expectation in an HTTP/1.0 request MUST ignore that "
                    "expectation.",
     .run = http10_ignored},
};

}  // namespace

std::span<case_def const> expect_cases() { return cases; }

}  // namespace conform::http1
