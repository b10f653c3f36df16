// The TLS suite: what an https:// or wss:// server's TLS layer offers and refuses, per
// RFC 8996, RFC 9325 and the extension RFCs, in the spirit of testssl.sh and sslyze.
#pragma once

#include <span>

#include "harness/engine/case.hpp"

namespace conform::tls_suite {

suite make_suite();

std::span<case_def const> version_cases();      // rfc8996_versions.cpp
std::span<case_def const> alpn_cases();         // rfc7301_alpn.cpp
std::span<case_def const> sni_cases();          // rfc6066_sni.cpp
std::span<case_def const> cipher_cases();       // rfc9325_cipher_suites.cpp
std::span<case_def const> extension_cases();    // rfc9325_extensions.cpp
std::span<case_def const> certificate_cases();  // rfc5280_certificate.cpp

}  // namespace conform::tls_suite
