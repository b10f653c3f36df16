// Protocol versions: SSL 3.0, TLS 1.0 and 1.1 refused (RFC 7568, RFC 8996), TLS 1.2 and
// 1.3 offered (RFC 9325 §3.1.1), and the two downgrade protections: TLS_FALLBACK_SCSV
// (RFC 7507) and the TLS 1.3 downgrade sentinel (RFC 8446 §4.1.3).
#include "conformance/tls/offers.hpp"
#include "conformance/tls/suite.hpp"

namespace conform::tls_suite {
namespace {

outcome ssl3_refused(context& cx) {
  tls::client_hello_spec spec;
  spec.client_version = tls::ssl3_0;
  spec.extensions = false;
  spec.cipher_suites = {0x002f, 0x0035, 0x000a, 0x0005, 0x0004, 0x0033, 0x0039, 0x0016};
  auto const r = tls::send_hello(cx, spec);
  if (r.answer.what == tls::server_answer::kind::server_hello && r.answer.hello.version() == tls::ssl3_0)
    return violation("SSL 3.0 refused", describe(r.answer));
  if (r.answer.what == tls::server_answer::kind::incomplete) return pass("refused: " + r.io);
  return pass("refused: " + describe(r.answer));
}

outcome old_version_refused(context& cx, std::uint16_t version) {
  if (!tls::local_openssl_offers(version))
    return skip("the local OpenSSL cannot offer " + tls::version_name(version) +
                " even at security level 0, so this cannot be tested from here");
  auto const r = tls::handshake(cx, {.min_version = version, .max_version = version});
  if (r.established) return violation(tls::version_name(version) + " refused", "a completed handshake: " + r.summary());
  return pass(r.summary());
}

outcome tls1_0_refused(context& cx) { return old_version_refused(cx, tls::tls1_0); }
outcome tls1_1_refused(context& cx) { return old_version_refused(cx, tls::tls1_1); }

outcome version_accepted(context& cx, std::uint16_t version) {
  auto const r = tls::handshake(cx, {.min_version = version, .max_version = version, .alpn = {"http/1.1"}});
  if (!r.established) return violation("a " + tls::version_name(version) + " handshake to complete", r.summary());
  return pass(r.summary());
}

outcome tls1_2_accepted(context& cx) { return version_accepted(cx, tls::tls1_2); }
outcome tls1_3_accepted(context& cx) { return version_accepted(cx, tls::tls1_3); }

outcome fallback_scsv(context& cx) {
  auto const v13 = probe_tls13(cx);
  if (!v13.known) return skip("cannot tell the server's highest version: " + v13.how);
  if (!v13.supported)
    return skip("the server's highest version is TLS 1.2, so a TLS 1.2 hello with the SCSV is no fallback (" + v13.how + ")");
  auto spec = modern_hello(cx);
  spec.cipher_suites.push_back(tls::fallback_scsv);
  auto const r = tls::send_hello(cx, spec);
  if (r.answer.what == tls::server_answer::kind::alert && r.answer.refusal.description == 86 && r.answer.refusal.level == 2)
    return pass("answered " + describe(r.answer));
  return violation("a fatal inappropriate_fallback (86) alert to a TLS 1.2 hello carrying TLS_FALLBACK_SCSV",
                   r.answer.what == tls::server_answer::kind::incomplete ? r.io : describe(r.answer));
}

outcome downgrade_sentinel(context& cx) {
  auto const v13 = probe_tls13(cx);
  if (!v13.known) return skip("cannot tell the server's highest version: " + v13.how);
  if (!v13.supported) return skip("the server does not speak TLS 1.3: there is no downgrade to mark (" + v13.how + ")");
  auto const r = tls::send_hello(cx, modern_hello(cx));
  if (r.answer.what != tls::server_answer::kind::server_hello)
    return skip("the server refused a TLS 1.2 ClientHello, so it never downgrades: " +
                (r.answer.what == tls::server_answer::kind::incomplete ? r.io : describe(r.answer)));
  if (r.answer.hello.version() != tls::tls1_2) return fail("a TLS 1.2 ServerHello", describe(r.answer));
  if (r.answer.hello.has_downgrade_sentinel()) return pass("the ServerHello.random ends in DOWNGRD\\x01");
  return violation("the last 8 bytes of ServerHello.random to be 44 4F 57 4E 47 52 44 01 (\"DOWNGRD\\x01\")",
                   "a TLS 1.2 ServerHello without the sentinel");
}

case_def const cases[] = {
    {.id = "tls/version/ssl3-refused",
     .section = "RFC 7568 §3",
     .level = requirement_level::must,
     .title = "SSL 3.0 is refused",
     .requirement = "SSLv3 MUST NOT be used. Negotiation of SSLv3 from any version of TLS MUST NOT be permitted.",
     .see_also = {"testssl:SSLv3"},
     .run = ssl3_refused},
    {.id = "tls/version/tls1_0-refused",
     .section = "RFC 8996 §5",
     .level = requirement_level::must,
     .title = "TLS 1.0 is refused",
     .requirement = "TLS 1.0 MUST NOT be used. Negotiation of TLS 1.0 from any TLS version MUST NOT be permitted.",
     .see_also = {"testssl:TLS1"},
     .run = tls1_0_refused},
    {.id = "tls/version/tls1_1-refused",
     .section = "RFC 8996 §6",
     .level = requirement_level::must,
     .title = "TLS 1.1 is refused",
     .requirement = "TLS 1.1 MUST NOT be used. Negotiation of TLS 1.1 from any TLS version MUST NOT be permitted.",
     .see_also = {"testssl:TLS1_1"},
     .run = tls1_1_refused},
    {.id = "tls/version/tls1_2-accepted",
     .section = "RFC 9325 §3.1.1",
     .level = requirement_level::must,
     .title = "TLS 1.2 is offered",
     .requirement = "Implementations MUST support TLS 1.2 [RFC5246].",
     .see_also = {"testssl:TLS1_2"},
     .run = tls1_2_accepted},
    {.id = "tls/version/tls1_3-accepted",
     .section = "RFC 9325 §3.1.1",
     .level = requirement_level::should,
     .title = "TLS 1.3 is offered",
     .requirement = "Implementations SHOULD support TLS 1.3 [RFC8446] and, if implemented, MUST prefer to negotiate "
                    "TLS 1.3 over earlier versions of TLS.",
     .see_also = {"testssl:TLS1_3"},
     .run = tls1_3_accepted},
    {.id = "tls/version/fallback-scsv",
     .section = "RFC 7507 §3",
     .level = requirement_level::must,
     .title = "A fallback to TLS 1.2 signalled with TLS_FALLBACK_SCSV is refused with inappropriate_fallback",
     .requirement = "If TLS_FALLBACK_SCSV appears in ClientHello.cipher_suites and the highest protocol version "
                    "supported by the server is higher than the version indicated in ClientHello.client_version, "
                    "the server MUST respond with a fatal inappropriate_fallback alert.",
     .see_also = {"testssl:fallback_SCSV"},
     .run = fallback_scsv},
    {.id = "tls/version/downgrade-sentinel",
     .section = "RFC 8446 §4.1.3",
     .level = requirement_level::must,
     .title = "A TLS 1.3 server negotiating TLS 1.2 marks ServerHello.random with DOWNGRD\\x01",
     .requirement = "If negotiating TLS 1.2, TLS 1.3 servers MUST set the last 8 bytes of their Random value to the "
                    "bytes: 44 4F 57 4E 47 52 44 01",
     .run = downgrade_sentinel},
};

}  // namespace

std::span<case_def const> version_cases() { return cases; }

}  // namespace conform::tls_suite
