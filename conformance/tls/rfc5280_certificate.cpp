// Facts about the certificate chain the server presents: validity period (RFC 5280
// §4.1.2.5), names matching the target (RFC 2818 §3.1), chain order (RFC 8446 §4.4.2)
// and RSA key size (RFC 9325 §4.5). Trust in the system store is recorded, not judged:
// test servers are routinely self-signed.
#include "conformance/tls/offers.hpp"
#include "conformance/tls/suite.hpp"
#include "harness/engine/context.hpp"

namespace conform::tls_suite {
namespace {

template <class Judge>
outcome with_chain(context& cx, Judge judge) {
  auto const r = tls::handshake(cx, {.alpn = {"http/1.1"}});
  if (!r.established) return skip("no handshake to read the certificate from: " + r.summary());
  if (r.chain.empty()) return skip("the server sent no certificate");
  return judge(r).with("subject", r.chain.front().subject).with("system_store", r.chain_verification);
}

outcome validity(context& cx) {
  return with_chain(cx, [](tls::handshake_result const& r) {
    auto const& leaf = r.chain.front();
    auto const days = std::to_string(leaf.seconds_left / 86400);
    if (leaf.not_yet_valid) return violation("a certificate valid now", "one not valid yet (notBefore in the future)");
    if (leaf.seconds_left < 0) return violation("a certificate valid now", "one that expired on " + leaf.not_after);
    return pass("valid until " + leaf.not_after + " (" + days + " days)").with("days_left", days);
  });
}

outcome names(context& cx) {
  auto const host = cx.target_info().host;
  return with_chain(cx, [&](tls::handshake_result const& r) {
    auto const& leaf = r.chain.front();
    std::string list;
    for (auto const& n : leaf.names) list += (list.empty() ? "" : ", ") + n;
    if (leaf.matches_host) return pass(host + " is among the certificate's names (" + list + ")");
    return violation("a certificate naming " + host, "names [" + list + "], subject " + leaf.subject);
  });
}

outcome chain_order(context& cx) {
  return with_chain(cx, [](tls::handshake_result const& r) {
    for (std::size_t i = 0; i + 1 < r.chain.size(); ++i)
      if (!r.chain[i].issued_by_next)
        return violation("each certificate to be certified by the one after it",
                         "certificate " + std::to_string(i + 1) + " (" + r.chain[i].subject + ") is not issued by " +
                             std::to_string(i + 2) + " (" + r.chain[i + 1].subject + ")");
    return pass(std::to_string(r.chain.size()) + " certificate(s) in order" +
                (r.chain.back().self_signed ? ", ending self-signed" : ""));
  });
}

outcome rsa_key_size(context& cx) {
  return with_chain(cx, [](tls::handshake_result const& r) {
    auto const& leaf = r.chain.front();
    auto const key = leaf.key_type + " " + std::to_string(leaf.key_bits) + " bits";
    if (leaf.key_type != "RSA" && leaf.key_type != "RSA-PSS") return pass("not an RSA key: " + key);
    if (leaf.key_bits >= 2048) return pass(key);
    return violation("an RSA key of at least 2048 bits", key);
  });
}

case_def const cases[] = {
    {.id = "tls/certificate/validity",
     .section = "RFC 5280 §4.1.2.5",
     .level = requirement_level::info,
     .title = "The certificate is within its validity period",
     .requirement = "The certificate validity period is the time interval during which the CA warrants that it will "
                    "maintain information about the status of the certificate.",
     .see_also = {"testssl:cert_notAfter", "testssl:cert_expirationStatus"},
     .run = validity},
    {.id = "tls/certificate/names",
     .section = "RFC 2818 §3.1",
     .level = requirement_level::info,
     .title = "The certificate names the target host",
     .requirement = "If the hostname is available, the client MUST check it against the server's identity as "
                    "presented in the server's Certificate message, in order to prevent man-in-the-middle attacks.",
     .see_also = {"testssl:cert_subjectAltName", "testssl:cert_trust"},
     .run = names},
    {.id = "tls/certificate/chain-order",
     .section = "RFC 8446 §4.4.2",
     .level = requirement_level::should,
     .title = "Each certificate in the chain certifies the one before it",
     .requirement = "The sender's certificate MUST come in the first CertificateEntry in the list. Each following "
                    "certificate SHOULD directly certify the one immediately preceding it.",
     .see_also = {"testssl:cert_chain_of_trust"},
     .run = chain_order},
    {.id = "tls/certificate/rsa-key-size",
     .section = "RFC 9325 §4.5",
     .level = requirement_level::should,
     .title = "An RSA certificate key has at least 2048 bits",
     .requirement = "When using RSA, servers SHOULD authenticate using certificates with at least a 2048-bit modulus "
                    "for the public key.",
     .see_also = {"testssl:cert_keySize"},
     .run = rsa_key_size},
};

}  // namespace

std::span<case_def const> certificate_cases() { return cases; }

}  // namespace conform::tls_suite
