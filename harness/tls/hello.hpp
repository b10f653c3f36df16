// A hand-built ClientHello and a reader for the server's first answer (RFC 5246 §7.4.1,
// RFC 8446 §4.1). Sans-I/O. The probes use it to offer what no modern OpenSSL will
// offer (RC4, EXPORT, DES, SSL 3.0, compression, heartbeat) and to read facts OpenSSL
// hides (the ServerHello's random, its extensions, the first alert), without ever
// completing a handshake.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conform::tls {

// IANA "TLS ExtensionType Values" used by the probes.
namespace extension {
inline constexpr std::uint16_t server_name = 0;
inline constexpr std::uint16_t supported_groups = 10;
inline constexpr std::uint16_t ec_point_formats = 11;
inline constexpr std::uint16_t signature_algorithms = 13;
inline constexpr std::uint16_t heartbeat = 15;                // RFC 6520
inline constexpr std::uint16_t extended_master_secret = 23;   // RFC 7627
inline constexpr std::uint16_t supported_versions = 43;       // RFC 8446 §4.2.1
inline constexpr std::uint16_t key_share = 51;                // RFC 8446 §4.2.8
inline constexpr std::uint16_t renegotiation_info = 0xff01;   // RFC 5746
}  // namespace extension

inline constexpr std::uint16_t empty_renegotiation_info_scsv = 0x00ff;  // RFC 5746 §3.3
inline constexpr std::uint16_t fallback_scsv = 0x5600;                  // RFC 7507 §2

inline constexpr std::uint16_t ssl3_0 = 0x0300, tls1_0 = 0x0301, tls1_1 = 0x0302, tls1_2 = 0x0303,
                               tls1_3 = 0x0304;

struct client_hello_spec {
  std::uint16_t client_version = tls1_2;
  std::vector<std::uint16_t> cipher_suites = {};
  std::vector<std::uint8_t> compression_methods = {0};
  std::string server_name = {};  // empty: no server_name extension
  bool extensions = true;        // false: an SSL 3.0-style hello with none at all
  bool offer_tls13 = false;      // supported_versions {1.3, 1.2} and an empty key_share
  bool heartbeat = false;
  bool extended_master_secret = false;
  bool renegotiation_info = false;  // the empty extension (RFC 5746 §3.4)
  std::array<std::uint8_t, 32> random = {};
};

// The record carrying one ClientHello, ready to send.
std::string encode_client_hello(client_hello_spec const&);

struct server_hello {
  std::uint16_t legacy_version = 0;
  std::array<std::uint8_t, 32> random = {};
  std::uint16_t cipher_suite = 0;
  std::uint8_t compression_method = 0;
  std::vector<std::pair<std::uint16_t, std::string>> extensions;

  bool has_extension(std::uint16_t type) const;
  // The version the server chose: supported_versions when present, else legacy_version.
  std::uint16_t version() const;
  bool is_hello_retry_request() const;  // RFC 8446 §4.1.3: the special random
  bool has_downgrade_sentinel() const;  // RFC 8446 §4.1.3: "DOWNGRD" then 0x01 or 0x00
};

struct alert {
  std::uint8_t level = 0;  // 1 warning, 2 fatal
  std::uint8_t description = 0;
};

// The server's first answer to a ClientHello.
struct server_answer {
  enum class kind { incomplete, server_hello, alert, malformed };
  kind what = kind::incomplete;
  server_hello hello;
  alert refusal;
  std::string problem;  // for malformed
};

// Reads what has arrived so far; `incomplete` asks for more bytes.
server_answer parse_server_answer(std::string_view bytes);

std::string alert_name(std::uint8_t description);  // "handshake_failure (40)"
std::string version_name(std::uint16_t version);    // "TLS 1.2"
std::string suite_name(std::uint16_t suite);        // "0x0005"
std::string describe(server_answer const&);         // one line for a verdict

}  // namespace conform::tls
