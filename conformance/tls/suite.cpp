#include "conformance/tls/suite.hpp"

#include "harness/engine/context.hpp"
#include "harness/engine/target.hpp"
#include "harness/tls/probe.hpp"

namespace conform::tls_suite {
namespace {

// One ordinary handshake, so the report says what the server negotiates by default.
probe_report probe(context& cx) {
  probe_report report;
  auto const r = tls::handshake(cx, {.alpn = {"http/1.1"}});
  if (r.established) report.found.add(capability::tls);
  std::string note = "tls: default handshake: " + r.summary();
  if (!r.chain.empty()) note += "; certificate " + r.chain.front().subject + ", system store: " + r.chain_verification;
  report.notes.push_back(note);
  return report;
}

}  // namespace

suite make_suite() {
  return {
      .name = "tls",
      .description = "TLS of https:// and wss:// targets: versions (RFC 8996), cipher suites and extensions "
                     "(RFC 9325), ALPN (RFC 7301), SNI (RFC 6066), certificates",
      .tables = {version_cases(), alpn_cases(), sni_cases(), cipher_cases(), extension_cases(), certificate_cases()},
      .applies_to = [](target const& t) { return t.tls; },
      .probe = probe,
  };
}

}  // namespace conform::tls_suite
