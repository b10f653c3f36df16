// Hello extensions and session features a TLS 1.2 server should get right: no
// compression (RFC 9325 §3.3), the renegotiation indication (RFC 5746), the extended
// master secret (RFC 7627), no heartbeat (RFC 6520, a fact), and session resumption
// (RFC 5077 / RFC 8446 §2.2, a fact).
#include "conformance/tls/offers.hpp"
#include "conformance/tls/suite.hpp"

namespace conform::tls_suite {
namespace {

// Sends a TLS 1.2 hello shaped by `shape`; a refusal SKIPs, since each rule here is
// about what a ServerHello carries.
template <class Shape, class Judge>
outcome with_server_hello(context& cx, Shape shape, Judge judge) {
  auto spec = modern_hello(cx);
  shape(spec);
  auto const r = tls::send_hello(cx, spec);
  if (r.answer.what != tls::server_answer::kind::server_hello)
    return skip("the server refused a TLS 1.2 ClientHello, so the rule does not arise: " +
                (r.answer.what == tls::server_answer::kind::incomplete ? r.io : describe(r.answer)));
  return judge(r.answer.hello);
}

outcome compression(context& cx) {
  return with_server_hello(
      cx, [](auto& s) { s.compression_methods = {1, 0}; },
      [](tls::server_hello const& h) {
        if (h.compression_method == 0) return pass("chose the null compression method");
        return violation("compression method 0 (null) when DEFLATE (1) and null are offered",
                         "compression method " + std::to_string(h.compression_method));
      });
}

outcome renegotiation_info(context& cx) {
  return with_server_hello(
      cx, [](auto& s) { s.cipher_suites.push_back(tls::empty_renegotiation_info_scsv); },
      [](tls::server_hello const& h) {
        if (h.has_extension(tls::extension::renegotiation_info)) return pass("the ServerHello carries renegotiation_info");
        return violation("a renegotiation_info extension in the ServerHello", "a ServerHello without it");
      });
}

outcome extended_master_secret(context& cx) {
  return with_server_hello(
      cx, [](auto& s) { s.extended_master_secret = true; },
      [](tls::server_hello const& h) {
        if (h.has_extension(tls::extension::extended_master_secret)) return pass("extended_master_secret negotiated");
        return violation("the extended_master_secret extension in the ServerHello", "a ServerHello without it");
      });
}

outcome heartbeat(context& cx) {
  return with_server_hello(
      cx, [](auto& s) { s.heartbeat = true; },
      [](tls::server_hello const& h) {
        if (!h.has_extension(tls::extension::heartbeat)) return pass("heartbeat not negotiated");
        return violation("no heartbeat extension (nothing in HTTPS uses it; it was Heartbleed's door)",
                         "a ServerHello accepting the heartbeat extension");
      });
}

outcome resumption(context& cx) {
  auto const first = tls::handshake(cx, {.alpn = {"http/1.1"}});
  if (!first.established) return skip("the first handshake failed: " + first.summary());
  if (!first.session) return violation("a resumable session", "none after " + first.summary());
  auto const second = tls::handshake(cx, {.alpn = {"http/1.1"}, .resume = first.session});
  if (second.session_reused) return pass("resumed: " + second.summary());
  return violation("the session offered again to be resumed", second.summary());
}

case_def const cases[] = {
    {.id = "tls/compression/refused",
     .section = "RFC 9325 §3.3",
     .level = requirement_level::should,
     .title = "TLS-level compression is not negotiated",
     .requirement = "when using TLS 1.2 implementations and deployments SHOULD NOT support TLS-level compression "
                    "(Section 6.2.2 of [RFC5246])",
     .see_also = {"testssl:CRIME_TLS"},
     .run = compression},
    {.id = "tls/renegotiation/secure-indication",
     .section = "RFC 5746 §3.6",
     .level = requirement_level::must,
     .title = "The ServerHello carries renegotiation_info when the client signals it",
     .requirement = "If the secure_renegotiation flag is set to TRUE, the server MUST include an empty "
                    "\"renegotiation_info\" extension in the ServerHello message.",
     .see_also = {"testssl:secure_renego"},
     .run = renegotiation_info},
    {.id = "tls/ems/negotiated",
     .section = "RFC 7627 §5.2",
     .level = requirement_level::should,
     .title = "The extended master secret is negotiated (RFC 9325 asks TLS 1.2 to use it)",
     .requirement = "If a server implementing this document receives the \"extended_master_secret\" extension, it "
                    "MUST include the extension in its ServerHello message.",
     .run = extended_master_secret},
    {.id = "tls/heartbeat/not-negotiated",
     .section = "RFC 6520 §2",
     .level = requirement_level::info,
     .title = "The heartbeat extension is not negotiated",
     .requirement = "The support of Heartbeats is indicated with Hello Extensions.",
     .see_also = {"testssl:heartbleed"},
     .run = heartbeat},
    {.id = "tls/session/resumption",
     .section = "RFC 8446 §2.2",
     .level = requirement_level::info,
     .title = "A session can be resumed",
     .requirement = "Once a handshake has completed, the server can send the client a PSK identity that corresponds "
                    "to a unique key derived from the initial handshake.",
     .see_also = {"testssl:sessionresumption_ticket", "testssl:sessionresumption_ID"},
     .run = resumption},
};

}  // namespace

std::span<case_def const> extension_cases() { return cases; }

}  // namespace conform::tls_suite
