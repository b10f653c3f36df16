// RFC 9112 §9: connection management — persistence, "close", HTTP/1.0, pipelining.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

outcome close_announced(context& cx) {
  h1::client c(cx);
  auto const first = c.exchange(make_request(cx, "GET", "/"));
  if (!first.ok()) return error("the first GET / got " + h1::describe(first));
  if (first.message.has_token("connection", "close")) return pass("the target announced the close");
  auto const second = c.exchange(make_request(cx, "GET", "/"));
  if (second.ok()) return pass();
  return violation("a second request answered on the connection, or \"Connection: close\" in the first response",
                   "the first response without \"close\", then the second request got " + h1::describe(second));
}

outcome close_requested(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", "/").header("Connection", "close"));
  if (!r.ok()) return violation("a response and then the connection closed", h1::describe(r));
  auto const state = c.await_close();
  if (state == h1::close_state::closed || state == h1::close_state::reset) return pass();
  return violation("the connection closed after the response", "the connection " + std::string(to_string(state)));
}

outcome close_echoed(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", "/").header("Connection", "close"));
  if (!r.ok()) return violation("a response with \"Connection: close\"", h1::describe(r));
  if (r.message.has_token("connection", "close")) return pass();
  return violation("\"Connection: close\" in the response", r.message.header("connection")
                                                                 ? "Connection: " + std::string(*r.message.header("connection"))
                                                                 : "no Connection field");
}

outcome no_requests_after_close(context& cx) {
  h1::client c(cx);
  c.send_pipelined({make_request(cx, "GET", "/").header("Connection", "close"), make_request(cx, "GET", "/")});
  auto const first = c.receive();
  if (!first.ok()) return violation("a response to the first request", h1::describe(first));
  auto const second = c.receive();
  if (!second.ok()) return pass();
  return violation("no answer to the request after \"Connection: close\"", "an answer: " + h1::describe(second));
}

outcome http10_closes(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(make_request(cx, "GET", "/", "HTTP/1.0"));
  if (!r.ok()) return violation("a response and then the connection closed", h1::describe(r));
  auto const state = c.await_close();
  if (state == h1::close_state::closed || state == h1::close_state::reset) return pass();
  return violation("the connection closed after the response to an HTTP/1.0 request without keep-alive",
                   "the connection " + std::string(to_string(state)));
}

outcome pipelined_in_order(context& cx) {
  h1::client c(cx);
  std::vector<int> const statuses = {201, 202, 203};
  std::vector<h1::request> batch;
  for (int s : statuses) batch.push_back(make_request(cx, "GET", "/status/" + std::to_string(s)));
  c.send_pipelined(batch);
  std::string got;
  for (int s : statuses) {
    auto const r = c.receive();
    got += (got.empty() ? "" : ", ") + h1::describe(r);
    if (!r.is(s)) return violation("201, 202, 203 in request order", got);
  }
  return pass();
}

case_def const cases[] = {
    {.id = "http1/persistence/close-announced",
     .section = "RFC 9112 §9.6",
     .level = requirement_level::must,
     .title = "A server that will not keep the connection says \"Connection: close\"",
     .requirement = "A server that does not support persistent connections MUST send the \"close\" connection option "
                    "in every response message that does not have a 1xx (Informational) status code.",
     .run = close_announced},
    {.id = "http1/persistence/close-requested",
     .section = "RFC 9112 §9.6",
     .level = requirement_level::must,
     .title = "After \"Connection: close\" from the client, the server closes",
     .requirement = "A server that receives a \"close\" connection option MUST initiate closure of the connection "
                    "after it sends the final response to the request that contained the \"close\" connection option.",
     .run = close_requested},
    {.id = "http1/persistence/close-echoed",
     .section = "RFC 9112 §9.6",
     .level = requirement_level::should,
     .title = "The response to \"Connection: close\" carries \"Connection: close\"",
     .requirement = "The server SHOULD send a \"close\" connection option in its final response on that connection.",
     .run = close_echoed},
    {.id = "http1/persistence/no-requests-after-close",
     .section = "RFC 9112 §9.6",
     .level = requirement_level::must,
     .title = "A request pipelined after \"Connection: close\" is not processed",
     .requirement = "A server that receives a \"close\" connection option MUST initiate closure of the connection "
                    "(see below) after it sends the final response to the request that contained the \"close\" "
                    "connection option. The server MUST NOT process any further requests received on that connection.",
     .run = no_requests_after_close},
    {.id = "http1/persistence/http10-closes",
     .section = "RFC 9112 §9.3",
     .level = requirement_level::must,
     .title = "An HTTP/1.0 request without keep-alive ends with the connection closed",
     .requirement = "If the received protocol is HTTP/1.0, the \"keep-alive\" connection option is present, either the "
                    "recipient is not a proxy or the message is a response, and the recipient wishes to honor the "
                    "HTTP/1.0 \"keep-alive\" mechanism, the connection will persist after the current response; "
                    "otherwise, the connection will close after the current response.",
     .run = http10_closes},
    {.id = "http1/persistence/pipelined-in-order",
     .section = "RFC 9112 §9.3.2",
     .level = requirement_level::must,
     .title = "Pipelined requests are answered in the order received",
     .requirement = "A server MAY process a sequence of pipelined requests in parallel if they all have safe methods, "
                    "but it MUST send the corresponding responses in the same order that the requests were received.",
     .needs = {capability::status},
     .run = pipelined_in_order},
};

}  // namespace

std::span<case_def const> persistence_cases() { return cases; }

}  // namespace conform::http1
