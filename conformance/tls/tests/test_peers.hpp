// TLS peers for the TLS suite's self-tests, on 127.0.0.1 ephemeral ports in this
// process: a real OpenSSL server with one chosen misconfiguration, and a "hello liar"
// that answers a ClientHello with a hand-made ServerHello for the faults no OpenSSL 3
// server can commit (RC4, EXPORT, DES and 3DES suites, compression, heartbeat,
// ignoring TLS_FALLBACK_SCSV, omitting the downgrade sentinel or renegotiation_info).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace conform::tls_suite::testing {

// Accepts connections one at a time on its own thread until destroyed.
class loopback_peer {
 public:
  loopback_peer();
  virtual ~loopback_peer();
  loopback_peer(loopback_peer const&) = delete;
  loopback_peer& operator=(loopback_peer const&) = delete;
  std::uint16_t port() const { return port_; }

 protected:
  void start();  // called by the subclass once it is fully built
  void stop();   // called by the subclass's destructor
  virtual void serve(int fd) = 0;  // one connection; the socket has 2 s read/write timeouts

 private:
  void loop();
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

enum class alpn_policy { strict, ignore, no_ack, first_only };
enum class key_kind { ec_p256, rsa_2048, rsa_1024 };

struct server_config {
  std::uint16_t min_version = 0x0303;
  std::uint16_t max_version = 0x0304;
  std::string cipher_list = "ECDHE+AESGCM:ECDHE+CHACHA20";
  bool security_level_0 = false;
  alpn_policy alpn = alpn_policy::strict;
  bool sni_warning = false;  // a name other than localhost gets a warning unrecognized_name
  bool require_sni = false;  // no name at all: fatal unrecognized_name
  bool no_extended_master_secret = false;
  bool no_resumption = false;
  key_kind key = key_kind::ec_p256;
  bool expired = false;
  std::vector<std::string> names = {"localhost", "127.0.0.1"};
  bool unrelated_chain_certificate = false;
};

class openssl_server final : public loopback_peer {
 public:
  explicit openssl_server(server_config);
  ~openssl_server() override;

 private:
  void serve(int fd) override;
  struct state;
  std::unique_ptr<state> state_;
};

enum class liar_fault {
  accept_ssl3,
  select_offered_suite,
  use_compression,
  omit_renegotiation_info,
  echo_heartbeat,
  ignore_fallback_scsv,
  omit_downgrade_sentinel,
};

class hello_liar final : public loopback_peer {
 public:
  explicit hello_liar(liar_fault f);
  ~hello_liar() override;

 private:
  void serve(int fd) override;
  liar_fault fault_;
};

}  // namespace conform::tls_suite::testing
