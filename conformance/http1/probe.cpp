// Finds which endpoints of the target profile a target offers, one request each on its
// own connection, so a missing endpoint costs its cases a SKIP with the reason.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

struct finding {
  bool found = false;
  std::string how;
};

finding ask(context& cx, h1::request const& r, std::string_view what, auto accept) {
  h1::client c(cx);
  auto const reply = c.exchange(r);
  if (!reply.ok()) return {false, std::string(what) + " got " + h1::describe(reply)};
  if (accept(reply.message)) return {true, std::string(what) + " answered " + reply.message.summary()};
  return {false, std::string(what) + " answered " + reply.message.summary() + ", not what the profile describes"};
}

}  // namespace

probe_report probe(context& cx) {
  probe_report report;
  auto const token = "conform-probe-" + std::to_string(cx.seed() % 1000000);
  auto record = [&](capability c, finding const& f) {
    if (f.found) report.found.add(c);
    report.notes.push_back(std::string(to_string(c)) + ": " + f.how);
  };

  record(capability::echo, ask(cx, make_request(cx, "POST", "/echo").header("Content-Type", "text/plain").content(token),
                               "POST /echo", [&](h1::response const& r) { return r.status == 200 && r.body == token; }));
  record(capability::status, ask(cx, make_request(cx, "GET", "/status/203"), "GET /status/203",
                                 [](h1::response const& r) { return r.status == 203; }));
  record(capability::bytes, ask(cx, make_request(cx, "GET", "/bytes/16"), "GET /bytes/16", [](h1::response const& r) {
           return r.status == 200 && r.body.size() == 16 && r.header("etag") && r.header("last-modified");
         }));
  record(capability::stream, ask(cx, make_request(cx, "GET", "/stream/3"), "GET /stream/3", [](h1::response const& r) {
           return r.status == 200 && r.how == h1::framing::chunked;
         }));
  record(capability::headers, ask(cx, make_request(cx, "GET", "/headers").header("X-Conform-Probe", token),
                                  "GET /headers", [&](h1::response const& r) {
                                    // The target profile's shape, {"headers": [[name, value], …]}, which
                                    // the cases read with received_field().
                                    return r.status == 200 && received_field(r, "X-Conform-Probe") == token;
                                  }));
  return report;
}

}  // namespace conform::http1
