// Server Name Indication (RFC 6066 §3): an unknown name is refused with a fatal alert or
// served, never answered with a warning; a client sending no name is served (a fact).
#include "conformance/tls/offers.hpp"
#include "conformance/tls/suite.hpp"

namespace conform::tls_suite {
namespace {

outcome unknown_name(context& cx) {
  // TLS 1.3 has no warning alerts (RFC 8446 §6): the rule can only be broken in TLS 1.2.
  auto const r = tls::handshake(cx, {.max_version = tls::tls1_2, .server_name = "conform-unknown.invalid"});
  for (auto const& a : r.alerts_received)
    if (a.level == 1 && a.description == 112)
      return violation("a fatal unrecognized_name alert or a completed handshake", "a warning-level unrecognized_name alert");
  if (r.established) return pass("served the unknown name: " + r.summary());
  auto const fatal = r.fatal_alert();
  if (fatal && fatal->description == 112) return pass("refused with a fatal unrecognized_name alert");
  return skip("the TLS 1.2 handshake failed for another reason: " + r.summary());
}

outcome no_name(context& cx) {
  auto const r = tls::handshake(cx, {.server_name = std::string()});
  if (r.established) return pass(r.summary());
  return violation("a handshake without server_name to complete", r.summary());
}

case_def const cases[] = {
    {.id = "tls/sni/unknown-name",
     .section = "RFC 6066 §3",
     .level = requirement_level::should,
     .title = "An unknown server name is refused with a fatal alert or served, not warned about",
     .requirement = "If the server understood the ClientHello extension but does not recognize the server name, the "
                    "server SHOULD take one of two actions: either abort the handshake by sending a fatal-level "
                    "unrecognized_name(112) alert or continue the handshake. It is NOT RECOMMENDED to send a "
                    "warning-level unrecognized_name(112) alert",
     .run = unknown_name},
    {.id = "tls/sni/absent",
     .section = "RFC 6066 §3",
     .level = requirement_level::info,
     .title = "A client that sends no server name is served",
     .requirement = "In order to provide any of the server names, clients MAY include an extension of type "
                    "\"server_name\" in the (extended) client hello.",
     .run = no_name},
};

}  // namespace

std::span<case_def const> sni_cases() { return cases; }

}  // namespace conform::tls_suite
