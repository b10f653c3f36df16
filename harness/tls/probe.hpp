// Probing a TLS server from a case: a hand-built ClientHello and its first answer
// (`send_hello`), or a real OpenSSL handshake (`handshake`) with the versions, cipher
// suites, ALPN and SNI the case asks for. Both run over a plain TCP connection from the
// case's context, so every byte lands in the transcript and every wait has a deadline.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/tls/certificate.hpp"
#include "harness/tls/hello.hpp"

struct ssl_session_st;

namespace conform {
class context;
}

namespace conform::tls {

struct hello_result {
  server_answer answer;  // kind::incomplete when the server closed or went quiet first
  std::string io;        // how the connection ended, when it ended before an answer
};

// Sends one ClientHello (its random from the case's seeded source) and reads the
// server's first answer. Throws net::connect_error when the TCP connection fails.
hello_result send_hello(context&, client_hello_spec spec);

// What the local OpenSSL can and cannot offer, so a case can SKIP with the reason.
bool local_openssl_offers(std::uint16_t version);

using session_ptr = std::shared_ptr<ssl_session_st>;

struct handshake_spec {
  std::uint16_t min_version = tls1_2;
  std::uint16_t max_version = tls1_3;
  std::string cipher_list = {};  // OpenSSL names for TLS 1.2 and below; empty: everything
  std::vector<std::string> alpn = {};
  std::optional<std::string> server_name = {};  // nullopt: the target's host when it is a name
  session_ptr resume = {};                       // offer this session again
};

struct handshake_result {
  bool established = false;
  std::uint16_t version = 0;
  std::string cipher;
  std::string alpn;                   // empty: the server selected none
  std::vector<alert> alerts_received; // in order, warnings included
  std::string failure;                // why the handshake did not complete
  bool session_reused = false;
  session_ptr session;                // resumable session, when the server gave one
  std::vector<certificate_facts> chain;  // as the server sent it, leaf first
  std::string chain_verification;        // "ok" or the system store's reason

  std::optional<alert> fatal_alert() const;
  std::string summary() const;  // "TLS 1.3, TLS_AES_128_GCM_SHA256, ALPN http/1.1"
};

handshake_result handshake(context&, handshake_spec const&);

}  // namespace conform::tls
