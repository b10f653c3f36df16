// RFC 9110 §7.8: Upgrade. A server may ignore it, but never switches to a protocol the
// client did not offer, and ignores it altogether in HTTP/1.0.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view offered = "conform-test/1";

outcome judge_upgrade(context& cx, std::string_view version, bool may_switch) {
  auto const req = make_request(cx, "GET", "/", version).header("Connection", "upgrade").header("Upgrade", offered);
  h1::client c(cx);
  c.send(req);
  auto const r = c.receive_next();
  if (!r.ok()) return violation("an answer to GET / (the Upgrade ignored)", h1::describe(r));
  if (r.message.status != 101) return pass();
  auto const named = r.message.header("upgrade");
  if (!may_switch) return violation("no 101: the Upgrade of an HTTP/1.0 request is ignored", "101 with Upgrade: " + std::string(named.value_or("(none)")));
  if (named && h1::iequals(*named, offered)) return pass("switched to the offered protocol");
  return violation("no switch, or a 101 naming " + std::string(offered), "101 with Upgrade: " + std::string(named.value_or("(none)")));
}

outcome unoffered(context& cx) { return judge_upgrade(cx, "HTTP/1.1", true); }
outcome http10(context& cx) { return judge_upgrade(cx, "HTTP/1.0", false); }

case_def const cases[] = {
    {.id = "http1/upgrade/only-offered-protocols", .section = "RFC 9110 §7.8", .level = requirement_level::must,
     .title = "An Upgrade to an unknown protocol is ignored, never answered by switching to another",
     .requirement = "A server MAY ignore a received Upgrade header field if it wishes to continue using the current "
                    "protocol on that connection. […] A server MUST NOT switch to a protocol that was not indicated by "
                    "the client in the corresponding request's Upgrade header field.",
     .run = unoffered},
    {.id = "http1/upgrade/http10-ignored", .section = "RFC 9110 §7.8", .level = requirement_level::must,
     .title = "Upgrade in an HTTP/1.0 request is ignored",
     .requirement = "A server that receives an Upgrade header field in an HTTP/1.0 request MUST ignore that Upgrade "
                    "field.",
     .run = http10},
};

}  // namespace

std::span<case_def const> upgrade_cases() { return cases; }

}  // namespace conform::http1
