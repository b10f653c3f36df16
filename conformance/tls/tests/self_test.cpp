// Every TLS case passes against a compliant OpenSSL server and fails (MUST), warns
// (SHOULD) or informs (INFO) against a peer that breaks exactly its rule. A case missing
// here fails the tests: a case that cannot fail is a defect.
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>

#include "conformance/index.hpp"
#include "conformance/tls/tests/test_peers.hpp"
#include "harness/engine/runner.hpp"
#include "harness/net/dial.hpp"
#include "harness/tls/probe.hpp"

namespace conform::tls_suite::testing {
namespace {

using make_peer = std::function<std::unique_ptr<loopback_peer>()>;

make_peer server(server_config c) {
  return [c] { return std::make_unique<openssl_server>(c); };
}
make_peer liar(liar_fault f) {
  return [f] { return std::make_unique<hello_liar>(f); };
}

// Weak suites an OpenSSL 3 server can still be configured to select, at level 0.
server_config with_ciphers(std::string list, key_kind key = key_kind::ec_p256) {
  return {.max_version = 0x0303, .cipher_list = std::move(list), .security_level_0 = true, .key = key};
}

struct self_test {
  std::string_view case_id;
  make_peer breaks;
};

std::vector<self_test> const self_tests = {
    // OpenSSL 3 cannot speak SSL 3.0 at all: the liar accepts it.
    {"tls/version/ssl3-refused", liar(liar_fault::accept_ssl3)},
    {"tls/version/tls1_0-refused",
     server({.min_version = 0x0301, .cipher_list = "DEFAULT:@SECLEVEL=0", .security_level_0 = true})},
    {"tls/version/tls1_1-refused",
     server({.min_version = 0x0302, .cipher_list = "DEFAULT:@SECLEVEL=0", .security_level_0 = true})},
    {"tls/version/tls1_2-accepted", server({.min_version = 0x0304})},
    {"tls/version/tls1_3-accepted", server({.max_version = 0x0303})},
    // OpenSSL always honours the SCSV and always writes the sentinel: the liar does not.
    {"tls/version/fallback-scsv", liar(liar_fault::ignore_fallback_scsv)},
    {"tls/version/downgrade-sentinel", liar(liar_fault::omit_downgrade_sentinel)},
    {"tls/alpn/http11-selected", server({.alpn = alpn_policy::ignore})},
    {"tls/alpn/unknown-then-http11", server({.alpn = alpn_policy::first_only})},
    {"tls/alpn/unknown-only-refused", server({.alpn = alpn_policy::no_ack})},
    {"tls/sni/unknown-name", server({.max_version = 0x0303, .sni_warning = true})},
    {"tls/sni/absent", server({.require_sni = true})},
    // This OpenSSL is built without RC4, single DES, 3DES and EXPORT suites: the liar selects them.
    {"tls/cipher/rc4-refused", liar(liar_fault::select_offered_suite)},
    {"tls/cipher/null-refused", server(with_ciphers("ECDHE-ECDSA-NULL-SHA:NULL-SHA256"))},
    {"tls/cipher/anonymous-refused", server(with_ciphers("AECDH-AES128-SHA:ADH-AES128-GCM-SHA256"))},
    {"tls/cipher/export-refused", liar(liar_fault::select_offered_suite)},
    {"tls/cipher/des-refused", liar(liar_fault::select_offered_suite)},
    {"tls/cipher/3des-refused", liar(liar_fault::select_offered_suite)},
    {"tls/cipher/static-rsa-refused", server(with_ciphers("AES128-GCM-SHA256", key_kind::rsa_2048))},
    {"tls/cipher/forward-secrecy", server(with_ciphers("AES128-GCM-SHA256", key_kind::rsa_2048))},
    // OpenSSL 3 has neither TLS compression (built without zlib) nor heartbeat.
    {"tls/compression/refused", liar(liar_fault::use_compression)},
    {"tls/renegotiation/secure-indication", liar(liar_fault::omit_renegotiation_info)},
    {"tls/ems/negotiated", server({.max_version = 0x0303, .no_extended_master_secret = true})},
    {"tls/heartbeat/not-negotiated", liar(liar_fault::echo_heartbeat)},
    {"tls/session/resumption", server({.no_resumption = true})},
    {"tls/certificate/validity", server({.expired = true})},
    {"tls/certificate/names", server({.names = {"other.invalid"}})},
    {"tls/certificate/chain-order", server({.unrelated_chain_certificate = true})},
    {"tls/certificate/rsa-key-size", server({.security_level_0 = true, .key = key_kind::rsa_1024})},
};

void PrintTo(self_test const& t, std::ostream* os) { *os << t.case_id; }

std::string dump(transcript const& log) {
  std::string out;
  for (auto const& e : log.events())
    if (e.what == transcript_event::kind::note) out += "  [" + std::to_string(e.connection) + "] " + e.data + "\n";
  return out;
}

case_result run_case(std::string_view id, loopback_peer const& peer) {
  auto const* rc = catalogue().find(id);
  if (rc == nullptr) throw std::runtime_error("no case " + std::string(id));
  run_settings settings;
  settings.jobs = 1;
  settings.seed = 1;
  runner r(settings, net::network_connector({.insecure = true}));
  auto const url = "https://127.0.0.1:" + std::to_string(peer.port()) + "/";
  auto result = r.run({*parse_target(url).value}, {*rc});
  return std::move(result.cases.at(0));
}

verdict expected_for(requirement_level level) {
  switch (level) {
    case requirement_level::must: return verdict::fail;
    case requirement_level::should: return verdict::warn;
    case requirement_level::may:
    case requirement_level::info: return verdict::info;
  }
  return verdict::error;
}

class tls_self_test : public ::testing::TestWithParam<self_test> {};

TEST_P(tls_self_test, passes_on_a_compliant_openssl_server) {
  openssl_server compliant({});
  auto const r = run_case(GetParam().case_id, compliant);
  EXPECT_EQ(to_string(r.status), "pass") << r.message << "\n" << dump(r.log);
}

TEST_P(tls_self_test, fails_on_the_peer_breaking_its_rule) {
  auto const peer = GetParam().breaks();
  auto const r = run_case(GetParam().case_id, *peer);
  EXPECT_EQ(to_string(r.status), to_string(expected_for(r.which.def->level))) << r.message << "\n" << dump(r.log);
  EXPECT_FALSE(r.message.empty());
}

INSTANTIATE_TEST_SUITE_P(cases, tls_self_test, ::testing::ValuesIn(self_tests), [](auto const& param_info) {
  std::string name(param_info.param.case_id.substr(4));
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

TEST(tls_self_tests, cover_every_case_exactly_once) {
  std::set<std::string_view> listed;
  for (auto const& t : self_tests) {
    EXPECT_TRUE(listed.insert(t.case_id).second) << t.case_id << " listed twice";
    EXPECT_NE(catalogue().find(t.case_id), nullptr) << t.case_id << " is not a case";
  }
  std::size_t count = 0;
  for (auto const& rc : catalogue().all())
    if (rc.owner->name == "tls") {
      ++count;
      EXPECT_TRUE(listed.count(rc.def->id)) << rc.def->id << " has no self-test";
    }
  EXPECT_GE(count, 20u);
}

// The versions OpenSSL refuses to offer by default must still be offered at level 0,
// else the TLS 1.0/1.1 cases SKIP everywhere; this says so loudly if Debian changes it.
TEST(tls_probe, local_openssl_offers_every_version_the_cases_need) {
  EXPECT_TRUE(tls::local_openssl_offers(tls::tls1_0));
  EXPECT_TRUE(tls::local_openssl_offers(tls::tls1_1));
  EXPECT_TRUE(tls::local_openssl_offers(tls::tls1_2));
  EXPECT_TRUE(tls::local_openssl_offers(tls::tls1_3));
}

}  // namespace
}  // namespace conform::tls_suite::testing
