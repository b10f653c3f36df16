// RFC 9110 §9.3.7: OPTIONS, for the server as a whole (asterisk-form) and for a
// resource: answered, with Allow, and with a length when there is no content.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

h1::reply options(context& cx, std::string_view target) {
  h1::client c(cx);
  return c.exchange(make_request(cx, "OPTIONS", target));
}

outcome asterisk(context& cx) {
  auto const r = options(cx, "*");
  if (r.ok() && r.message.status >= 200 && r.message.status < 300) return pass();
  return violation("a 2xx to OPTIONS *", h1::describe(r));
}

outcome allow(context& cx) {
  auto const r = options(cx, "/");
  if (!r.ok() || r.message.status < 200 || r.message.status >= 300) return skip("OPTIONS / was not successful: " + h1::describe(r));
  if (r.message.header("allow")) return pass();
  return violation("Allow in the " + r.message.summary() + " to OPTIONS /", "no Allow");
}

outcome empty_length(context& cx) {
  auto const r = options(cx, "/");
  if (!r.ok() || r.message.status < 200 || r.message.status >= 300) return skip("OPTIONS / was not successful: " + h1::describe(r));
  if (r.message.status == 204 || !r.message.body.empty()) return pass();
  if (r.message.header("content-length") == "0") return pass();
  return violation("Content-Length: 0 on an OPTIONS response without content",
                   r.message.header("content-length") ? "Content-Length: " + std::string(*r.message.header("content-length")) : "no Content-Length");
}

case_def const cases[] = {
    {.id = "http1/options/asterisk", .section = "RFC 9110 §9.3.7", .level = requirement_level::should,
     .title = "OPTIONS * (the server as a whole) gets a 2xx",
     .requirement = "An OPTIONS request with an asterisk (\"*\") as the request-target (Section 7.1) applies to the "
                    "server in general rather than to a specific resource. Since a server's communication options "
                    "typically depend on the resource, the \"*\" request is only useful as a \"ping\" or \"no-op\" "
                    "type of method.",
     .run = asterisk},
    {.id = "http1/options/allow", .section = "RFC 9110 §9.3.7", .level = requirement_level::should,
     .title = "A successful OPTIONS / names the allowed methods in Allow",
     .requirement = "A server generating a successful response to OPTIONS SHOULD send any header that might indicate "
                    "optional features implemented by the server and applicable to the target resource (e.g., Allow), "
                    "including potential extensions not defined by this specification.",
     .run = allow},
    {.id = "http1/options/empty-content-length", .section = "RFC 9110 §9.3.7", .level = requirement_level::must,
     .title = "A successful OPTIONS response without content says Content-Length: 0",
     .requirement = "A server MUST generate a Content-Length field with a value of \"0\" if no content is to be sent "
                    "in the response.",
     .run = empty_length},
};

}  // namespace

std::span<case_def const> options_cases() { return cases; }

}  // namespace conform::http1
