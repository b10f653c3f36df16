// Application-Layer Protocol Negotiation (RFC 7301 §3.2): the server picks http/1.1 when
// the client offers it, and refuses with no_application_protocol when it offers nothing
// the server speaks.
#include "conformance/tls/offers.hpp"
#include "conformance/tls/suite.hpp"

namespace conform::tls_suite {
namespace {

outcome expect_http11(context& cx, std::vector<std::string> offer) {
  auto const r = tls::handshake(cx, {.alpn = std::move(offer)});
  if (!r.established) return violation("a handshake selecting http/1.1", r.summary());
  if (r.alpn != "http/1.1") return violation("ALPN http/1.1 in the ServerHello", r.summary());
  return pass(r.summary());
}

outcome http11_selected(context& cx) { return expect_http11(cx, {"http/1.1"}); }
outcome unknown_first(context& cx) { return expect_http11(cx, {"conform-unknown/1", "http/1.1"}); }

outcome unknown_only_refused(context& cx) {
  auto const r = tls::handshake(cx, {.alpn = {"conform-unknown/1"}});
  auto const fatal = r.fatal_alert();
  if (!r.established && fatal && fatal->description == 120) return pass(r.summary());
  return violation("a fatal no_application_protocol (120) alert to a client offering only \"conform-unknown/1\"",
                   r.established ? "a completed handshake: " + r.summary() : r.summary());
}

case_def const cases[] = {
    {.id = "tls/alpn/http11-selected",
     .section = "RFC 7301 §3.2",
     .level = requirement_level::should,
     .title = "ALPN selects http/1.1 when the client offers it",
     .requirement = "It is expected that a server will have a list of protocols that it supports, in preference "
                    "order, and will only select a protocol if the client supports it. In that case, the server "
                    "SHOULD select the most highly preferred protocol that it supports and that is also advertised "
                    "by the client.",
     .see_also = {"testssl:ALPN"},
     .run = http11_selected},
    {.id = "tls/alpn/unknown-then-http11",
     .section = "RFC 7301 §3.2",
     .level = requirement_level::should,
     .title = "ALPN skips an unknown protocol offered first and selects http/1.1",
     .requirement = "the server SHOULD select the most highly preferred protocol that it supports and that is also "
                    "advertised by the client.",
     .run = unknown_first},
    {.id = "tls/alpn/unknown-only-refused",
     .section = "RFC 7301 §3.2",
     .level = requirement_level::must,
     .title = "A client offering only unknown protocols gets a no_application_protocol alert",
     .requirement = "In the event that the server supports no protocols that the client advertises, then the server "
                    "SHALL respond with a fatal \"no_application_protocol\" alert.",
     .run = unknown_only_refused},
};

}  // namespace

std::span<case_def const> alpn_cases() { return cases; }

}  // namespace conform::tls_suite
