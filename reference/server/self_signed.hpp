// A self-signed certificate for the TLS listener when no certificate files are given:
// EC P-256, valid for localhost, 127.0.0.1 and ::1. OpenSSL only, no Asio.
#pragma once

#include <string>

namespace conform::reference {

struct pem_pair {
  std::string certificate;
  std::string private_key;
};

// Throws std::runtime_error if OpenSSL fails.
pem_pair make_self_signed_certificate();

}  // namespace conform::reference
