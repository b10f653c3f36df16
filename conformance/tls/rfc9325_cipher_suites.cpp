// Cipher suites a server must or should never select (RFC 9325 §4.1, RFC 7465,
// RFC 5246 appendix A.5), each family offered alone in a hand-built ClientHello so
// the local OpenSSL's own exclusions do not matter; and forward secrecy offered.
#include "conformance/tls/offers.hpp"
#include "conformance/tls/suite.hpp"

namespace conform::tls_suite {
namespace {

outcome rc4(context& cx) { return expect_suites_refused(cx, suites::rc4, "RC4"); }
outcome null_cipher(context& cx) { return expect_suites_refused(cx, suites::null_cipher, "NULL-encryption"); }
outcome anonymous(context& cx) { return expect_suites_refused(cx, suites::anonymous, "anonymous (DH_anon, ECDH_anon)"); }
outcome export_grade(context& cx) { return expect_suites_refused(cx, suites::export_grade, "EXPORT"); }
outcome single_des(context& cx) { return expect_suites_refused(cx, suites::single_des, "single-DES"); }
outcome triple_des(context& cx) { return expect_suites_refused(cx, suites::triple_des, "3DES"); }
outcome static_rsa(context& cx) { return expect_suites_refused(cx, suites::static_rsa, "static-RSA key transport"); }

outcome forward_secrecy(context& cx) {
  // TLS 1.3 suites are all forward secret; below it only ECDHE and DHE key exchanges are.
  auto const r = tls::handshake(cx, {.cipher_list = "kECDHE:kDHE:!aNULL:!eNULL", .alpn = {"http/1.1"}});
  if (r.established) return pass(r.summary());
  return violation("a handshake with only forward-secret (ECDHE, DHE) suites offered", r.summary());
}

case_def const cases[] = {
    {.id = "tls/cipher/rc4-refused",
     .section = "RFC 7465 §2",
     .level = requirement_level::must,
     .title = "RC4 cipher suites are never selected",
     .requirement = "TLS servers MUST NOT select an RC4 cipher suite when a TLS client sends such a cipher suite in "
                    "the ClientHello.",
     .see_also = {"testssl:RC4"},
     .run = rc4},
    {.id = "tls/cipher/null-refused",
     .section = "RFC 9325 §4.1",
     .level = requirement_level::must,
     .title = "NULL-encryption cipher suites are never selected",
     .requirement = "Implementations MUST NOT negotiate the cipher suites with NULL encryption.",
     .see_also = {"testssl:cipherlist_NULL"},
     .run = null_cipher},
    {.id = "tls/cipher/anonymous-refused",
     .section = "RFC 5246 appendix A.5",
     .level = requirement_level::must,
     .title = "Anonymous (unauthenticated) cipher suites are never selected",
     .requirement = "These cipher suites MUST NOT be used by TLS 1.2 implementations unless the application layer has "
                    "specifically requested to allow anonymous key exchange.",
     .see_also = {"testssl:cipherlist_aNULL"},
     .run = anonymous},
    {.id = "tls/cipher/export-refused",
     .section = "RFC 9325 §4.1",
     .level = requirement_level::must,
     .title = "EXPORT cipher suites are never selected",
     .requirement = "Implementations MUST NOT negotiate cipher suites offering less than 112 bits of security, "
                    "including so-called \"export-level\" encryption (which provide 40 or 56 bits of security).",
     .see_also = {"testssl:cipherlist_EXPORT", "testssl:FREAK"},
     .run = export_grade},
    {.id = "tls/cipher/des-refused",
     .section = "RFC 9325 §4.1",
     .level = requirement_level::must,
     .title = "Single-DES cipher suites (56 bits) are never selected",
     .requirement = "Implementations MUST NOT negotiate cipher suites offering less than 112 bits of security",
     .see_also = {"testssl:cipherlist_LOW"},
     .run = single_des},
    {.id = "tls/cipher/3des-refused",
     .section = "RFC 9325 §4.1",
     .level = requirement_level::should,
     .title = "3DES cipher suites (112 bits) are not selected",
     .requirement = "Implementations SHOULD NOT negotiate cipher suites that use algorithms offering less than 128 "
                    "bits of security.",
     .see_also = {"testssl:cipherlist_3DES_IDEA", "testssl:SWEET32"},
     .run = triple_des},
    {.id = "tls/cipher/static-rsa-refused",
     .section = "RFC 9325 §4.1",
     .level = requirement_level::should,
     .title = "Static-RSA key transport cipher suites are not selected",
     .requirement = "Implementations SHOULD NOT negotiate cipher suites based on RSA key transport, a.k.a. \"static "
                    "RSA\".",
     .see_also = {"testssl:ROBOT"},
     .run = static_rsa},
    {.id = "tls/cipher/forward-secrecy",
     .section = "RFC 9325 §4.1",
     .level = requirement_level::must,
     .title = "Forward-secret cipher suites are offered",
     .requirement = "Implementations MUST support and prefer to negotiate cipher suites offering forward secrecy.",
     .see_also = {"testssl:FS"},
     .run = forward_secrecy},
};

}  // namespace

std::span<case_def const> cipher_cases() { return cases; }

}  // namespace conform::tls_suite
