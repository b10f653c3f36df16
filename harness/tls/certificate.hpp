// Facts about the certificates a server presents (RFC 5280 validity, RFC 6125/9525
// names, RFC 8446 §4.4.2 chain order), read with OpenSSL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct x509_st;

namespace conform::tls {

struct certificate_facts {
  std::string subject;
  std::string issuer;
  std::string not_after;        // "Nov 22 06:00:00 2027 GMT"
  long seconds_left = 0;        // until not_after; negative once expired
  bool not_yet_valid = false;
  bool self_signed = false;
  std::string key_type;         // "RSA", "EC", "ED25519"…
  int key_bits = 0;
  std::vector<std::string> names;  // subjectAltName DNS and IP entries
  bool matches_host = false;       // the target host is among them (RFC 9525 §6)
  bool issued_by_next = false;     // the next certificate in the chain signed this one
};

certificate_facts describe_certificate(x509_st* cert, std::string_view host);

}  // namespace conform::tls
