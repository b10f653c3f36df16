// Opening real connections to a target: TCP, optionally TLS (SNI, ALPN, verification).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "harness/engine/context.hpp"
#include "harness/net/connection.hpp"

namespace conform::net {

struct tls_options {
  bool insecure = false;          // skip certificate verification (self-signed test servers)
  std::string ca_file = {};       // trust these CAs instead of the system's
  std::string sni = {};           // server name to send; empty: the host when it is a name
  std::vector<std::string> alpn = {};  // protocols to offer, in order ("h2", "http/1.1")
};

struct dial_options {
  std::string host = {};
  std::uint16_t port = 0;
  bool tls = false;
  tls_options tls_settings = {};
};

// A target that cannot be reached: refused, unresolvable, timed out, TLS handshake
// failed. Cases that hit it end as ERROR; a run whose target fails it exits 3.
class connect_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Connects within the deadline or throws connect_error. Uses an io_context owned by
// the calling thread, so each runner worker drives its own connections.
std::unique_ptr<connection> dial(dial_options const&, transcript& log, clock::time_point deadline);

// A TCP listening socket, for the runs where the target connects to us (conform serve
// --client-tests). Used from one thread: accepted connections run on its io_context.
class listener {
 public:
  // Throws connect_error when it cannot listen (port 0: an ephemeral one).
  listener(std::string const& host, std::uint16_t port);
  ~listener();
  listener(listener const&) = delete;
  listener& operator=(listener const&) = delete;

  std::uint16_t port() const;
  // The next client, or null when none came before the deadline.
  std::unique_ptr<connection> accept(transcript& log, clock::time_point deadline);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// The connector real runs use: TCP, and TLS with `tls` (plus the ALPN each case asks
// for) to https and wss targets.
connector network_connector(tls_options tls);

}  // namespace conform::net
