// RFC 9110 §10.1.1: Expect: 100-continue.
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
};

}  // namespace

std::span<case_def const> expect_cases() { return cases; }

}  // namespace conform::http1
