// What the TLS cases offer and the judgements they share: the cipher suite families of
// RFC 9325 §4.1 by IANA code point, a ClientHello any TLS 1.2 server can answer, and
// "does this server speak TLS 1.3 at all", which several rules depend on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/engine/outcome.hpp"
#include "harness/tls/probe.hpp"

namespace conform {
class context;
}

namespace conform::tls_suite {

namespace suites {
extern std::vector<std::uint16_t> const modern;       // ECDHE/DHE with AES-GCM, ChaCha20, AES-CBC; static RSA last
extern std::vector<std::uint16_t> const rc4;          // RFC 7465
extern std::vector<std::uint16_t> const null_cipher;  // no encryption
extern std::vector<std::uint16_t> const anonymous;    // DH_anon, ECDH_anon
extern std::vector<std::uint16_t> const export_grade;  // 40 and 56 bits
extern std::vector<std::uint16_t> const single_des;
extern std::vector<std::uint16_t> const triple_des;
extern std::vector<std::uint16_t> const static_rsa;
}  // namespace suites

// A TLS 1.2 ClientHello with SNI (when the target is a name) and the modern suites.
tls::client_hello_spec modern_hello(context&);

// Offers only `offered`; PASS when the server refuses (an alert or a close), a
// violation when its ServerHello selects one of them.
outcome expect_suites_refused(context&, std::vector<std::uint16_t> const& offered, std::string_view family);

struct tls13_support {
  bool known = false;  // false: the probe itself got no usable answer
  bool supported = false;
  std::string how;
};

// Offers TLS 1.3 with an empty key_share: a TLS 1.3 server answers with a
// HelloRetryRequest (RFC 8446 §4.1.4), an older one with a TLS 1.2 ServerHello.
tls13_support probe_tls13(context&);

}  // namespace conform::tls_suite
