#include "reports/tests/sample_run.hpp"

#include <array>
#include <span>

namespace conform::reports::testing {
namespace {

outcome never_run(context&) { return pass(); }

case_def const http1_cases[] = {
    {.id = "http1/host/missing",
     .section = "RFC 9112 §3.2",
     .level = requirement_level::must,
     .title = "A request without Host is rejected with 400",
     .requirement = "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 request message "
                    "that lacks a Host header field",
     .see_also = {"h1spec:host-1"},
     .needs = {capability::echo},
     .run = never_run},
    {.id = "http1/host/duplicate",
     .section = "RFC 9112 §3.2",
     .level = requirement_level::should,
     .title = "Two Host fields | are rejected",
     .requirement = "A server SHOULD reject a request with more than one Host field",
     .run = never_run},
    {.id = "http1/framing/te-cl-conflict",
     .section = "RFC 9112 §6.3",
     .level = requirement_level::must,
     .title = "Transfer-Encoding with Content-Length is not smuggled",
     .requirement = "the Transfer-Encoding overrides the Content-Length",
     .exclusive = true,
     .run = never_run},
    {.id = "http1/limits/long-uri",
     .section = "RFC 9112 §3",
     .level = requirement_level::may,
     .title = "Very long request-target",
     .requirement = "A server MAY respond 414",
     .needs = {capability::echo, capability::status},
     .heavy = true,
     .run = never_run},
    {.id = "http1/info/server-header",
     .section = "RFC 9110 §10.2.4",
     .level = requirement_level::info,
     .title = "What the Server field says",
     .requirement = "An origin server MAY generate a Server header field",
     .run = never_run},
};

case_def const ws_cases[] = {
    {.id = "ws/5.7",
     .section = "RFC 6455 §5.7",
     .level = requirement_level::must,
     .title = "Echo of a single-frame text message",
     .requirement = "A single-frame unmasked text message",
     .see_also = {"autobahn:1.1.1"},
     .run = never_run},
    {.id = "ws/framing/6.5.3",
     .section = "RFC 6455 §5.2",
     .level = requirement_level::must,
     .title = "Reserved bits are rejected",
     .requirement = "MUST be 0 unless an extension is negotiated",
     .run = never_run},
};

registry make_registry() {
  suite http1{.name = "http1", .description = "HTTP/1.1 message syntax and routing", .tables = {http1_cases}};
  suite ws{.name = "ws", .description = "WebSocket", .tables = {ws_cases}};
  return registry({http1, ws});
}

case_result result(std::string_view id, std::size_t target, verdict v, std::string message) {
  case_result r;
  r.which = *sample_registry().find(id);
  r.target_index = target;
  r.status = v;
  r.message = std::move(message);
  r.duration = std::chrono::microseconds(1200 + 500 * static_cast<int>(v));
  r.seed = 0x1234'5678'9abc'def0ull;  // above 2^53, as case_seed makes them
  return r;
}

target_report make_target(std::string url, bool embedded) {
  target t;
  t.url = std::move(url);
  t.scheme = "http";
  t.host = "127.0.0.1";
  t.port = 8080;
  t.path = "/";
  t.embedded = embedded;
  t.offers.add(capability::echo);
  t.offers.add(capability::headers);
  return {t, {"echo: POST /echo answered 200", "status: GET /status/418 answered 404"}};
}

void add_cases(run_result& run, std::size_t target) {
  auto missing = result("http1/host/missing", target, verdict::fail, "expected 400, got 200 OK");
  int const c = missing.log.open_connection("connected to 127.0.0.1:8080");
  missing.log.sent(c, std::string_view("GET / HTTP/1.1\r\n\r\n"));
  missing.log.received(c, "HTTP/1.1 200 OK\r\nContent-Length: 33\r\n\r\n</script><!-- ]]> \x01\x7f\xff");
  missing.log.received(c, all_byte_values());
  missing.log.note(c, "closed by the peer");
  missing.facts = {{"status", "200"}, {"reason", "OK"}};
  run.cases.push_back(std::move(missing));

  auto duplicate = result("http1/host/duplicate", target, verdict::warn, "expected 400 | close,\ngot 200 <b>OK</b>");
  duplicate.log.sent(duplicate.log.open_connection("connected"), "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
  run.cases.push_back(std::move(duplicate));

  run.cases.push_back(result("http1/framing/te-cl-conflict", target, verdict::pass, ""));
  run.cases.push_back(result("http1/limits/long-uri", target, verdict::skip, "target does not offer status"));
  auto server = result("http1/info/server-header", target, verdict::info, "Server: nginx/1.22 \x1b[31mred\x1b[0m");
  server.facts = {{"server", "nginx/1.22"}};
  run.cases.push_back(std::move(server));
  auto refused = result("ws/5.7", target, verdict::error, "could not connect: Connection refused");
  refused.log.note(0, "connect failed after 0.2 ms");
  run.cases.push_back(std::move(refused));
  run.cases.push_back(result("ws/framing/6.5.3", target, verdict::pass, ""));
}

run_result make_run(std::size_t target_count) {
  run_result run;
  run.info.conform_version = "0.1.0";
  run.info.seed = 42;
  run.info.started = "2026-11-22T10:15:00Z";
  run.info.jobs = 4;
  for (std::size_t t = 0; t < target_count; ++t)
    run.info.targets.push_back(make_target("http://127.0.0.1:" + std::to_string(8080 + t) + "/", t == 0));
  for (std::size_t t = 0; t < target_count; ++t) add_cases(run, t);
  run.wall = std::chrono::milliseconds(912);
  return run;
}

}  // namespace

registry const& sample_registry() {
  static registry const r = make_registry();
  return r;
}

std::string all_byte_values() {
  std::string bytes;
  for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  return bytes;
}

run_result sample_run() { return make_run(1); }
run_result sample_run_two_targets() { return make_run(2); }

}  // namespace conform::reports::testing
