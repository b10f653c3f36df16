// RFC 9110 §5.4 and RFC 9112 §9.5: what a server does with more than it wishes to
// process — a huge field, thousands of fields — and with a client that never finishes
// its request. Exclusive: they send a lot, or wait long.
#include <chrono>
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

// A 4xx (it refused what it would not process) or the request served; never a 5xx, a
// silent close or silence.
outcome refused_or_served(context& cx, h1::request const& r, std::string_view what) {
  h1::client c(cx);
  auto const reply = c.exchange(r);
  if (reply.ok() && reply.message.status < 500) {
    if (reply.message.status >= 400) return pass("refused with " + reply.message.summary());
    return pass("served: " + reply.message.summary());
  }
  return violation("a 4xx (431 or 400) for " + std::string(what) + ", or the request served", h1::describe(reply));
}

outcome big_field(context& cx) {
  auto const bytes = cx.target_info().params.get("http1.big_field_bytes");
  auto r = make_request(cx, "GET", "/").header("X-Conform-Big", std::string(bytes, 'a'));
  return refused_or_served(cx, r, "a " + std::to_string(bytes) + "-byte field value (--param http1.big_field_bytes)");
}

outcome many_fields(context& cx) {
  auto r = make_request(cx, "GET", "/");
  auto const n = cx.target_info().params.get("http1.many_fields");
  for (std::uint64_t i = 0; i < n; ++i) r.header("X-Conform-" + std::to_string(i), "v");
  return refused_or_served(cx, r, std::to_string(n) + " field lines (--param http1.many_fields)");
}

outcome partial_head(context& cx) {
  using namespace std::chrono;
  auto const threshold = milliseconds(cx.target_info().params.get("http1.partial_head_ms"));
  h1::client c(cx);
  c.send("GET / HTTP/1.1\r\nHost: " + cx.target_info().authority() + "\r\n");
  auto const start = steady_clock::now();
  auto const state = c.await_close_until(cx.deadline_in(threshold));
  auto const held = duration_cast<milliseconds>(steady_clock::now() - start);
  std::string const seconds = std::to_string(held.count() / 1000) + "." + std::to_string(held.count() % 1000 / 100) + " s";
  if (state == h1::close_state::open)
    return warn("a partial request given up within " + std::to_string(threshold.count() / 1000) + " s",
                "the connection still open after " + seconds)
        .with("held_ms", std::to_string(held.count()));
  std::string const answer = c.unread().starts_with("HTTP/1.1 408") ? " with 408" : "";
  return info("a partial request was given up after " + seconds + answer).with("held_ms", std::to_string(held.count()));
}

constexpr std::string_view too_large_rule =
    "A server that receives a request header field line, field value, or set of fields larger than it wishes to "
    "process MUST respond with an appropriate 4xx (Client Error) status code. Ignoring such header fields would "
    "increase the server's vulnerability to request smuggling attacks (Section 11.2 of [HTTP/1.1]).";

case_def const cases[] = {
    {.id = "http1/limits/big-field", .section = "RFC 9110 §5.4", .level = requirement_level::must,
     .title = "A 64 KiB field value (or --param http1.big_field_bytes) gets a 4xx or is served, never a 5xx or a silent close",
     .requirement = too_large_rule, .exclusive = true, .run = big_field},
    {.id = "http1/limits/many-fields", .section = "RFC 9110 §5.4", .level = requirement_level::must,
     .title = "5,000 field lines (or --param http1.many_fields) get a 4xx or are served, never a 5xx or a silent close",
     .requirement = too_large_rule, .exclusive = true, .run = many_fields},
    {.id = "http1/limits/partial-request-held", .section = "RFC 9112 §9.5", .level = requirement_level::should,
     .title = "A request head that never ends is given up (measured; WARN beyond 8 s, --param http1.partial_head_ms)",
     .requirement = "A client or server that wishes to time out SHOULD issue a graceful close on the connection. "
                    "[…] Servers will usually have some timeout value beyond which they will no longer maintain an "
                    "inactive connection.",
     .run = partial_head},
};

}  // namespace

std::span<case_def const> limits_cases() { return cases; }

}  // namespace conform::http1
