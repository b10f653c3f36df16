// RFC 5246 §7.4.1.2 (ClientHello), §7.4.1.3 (ServerHello), §7.2 (alerts), §6.2.1 (records);
// RFC 8446 §4.1.2-4.1.4 (TLS 1.3 hellos and HelloRetryRequest).
#include "harness/tls/hello.hpp"

#include <algorithm>
#include <cstdio>

namespace conform::tls {
namespace {

void put8(std::string& out, unsigned v) { out += static_cast<char>(v & 0xff); }
void put16(std::string& out, unsigned v) { put8(out, v >> 8), put8(out, v); }
void put24(std::string& out, unsigned v) { put8(out, v >> 16), put16(out, v); }

// A vector with a length prefix of `width` bytes (RFC 5246 §4.3).
std::string with_length(std::string const& body, int width) {
  std::string out;
  if (width == 1) put8(out, static_cast<unsigned>(body.size()));
  else put16(out, static_cast<unsigned>(body.size()));
  return out + body;
}

void put_extension(std::string& out, std::uint16_t type, std::string const& data) {
  put16(out, type);
  out += with_length(data, 2);
}

std::string u16_list(std::vector<std::uint16_t> const& values) {
  std::string out;
  for (auto v : values) put16(out, v);
  return out;
}

std::string extensions_of(client_hello_spec const& s) {
  std::string e;
  if (!s.server_name.empty()) {
    std::string entry;
    put8(entry, 0);  // host_name
    entry += with_length(s.server_name, 2);
    put_extension(e, extension::server_name, with_length(entry, 2));
  }
  put_extension(e, extension::supported_groups, with_length(u16_list({0x001d, 0x0017, 0x0018, 0x0019}), 2));
  put_extension(e, extension::ec_point_formats, with_length(std::string(1, '\0'), 1));
  put_extension(e, extension::signature_algorithms,
                with_length(u16_list({0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601,
                                      0x0603, 0x0201, 0x0203}),
                            2));
  if (s.heartbeat) put_extension(e, extension::heartbeat, std::string(1, '\1'));  // peer_allowed_to_send
  if (s.extended_master_secret) put_extension(e, extension::extended_master_secret, {});
  if (s.renegotiation_info) put_extension(e, extension::renegotiation_info, std::string(1, '\0'));
  if (s.offer_tls13) {
    std::string versions;
    put16(versions, tls1_3), put16(versions, tls1_2);
    put_extension(e, extension::supported_versions, with_length(versions, 1));
    put_extension(e, extension::key_share, with_length({}, 2));  // empty: asks for a HelloRetryRequest
  }
  return e;
}

class reader {
 public:
  explicit reader(std::string_view bytes) : bytes_(bytes) {}
  bool has(std::size_t n) const { return bytes_.size() - at_ >= n; }
  unsigned u8() { return static_cast<unsigned char>(bytes_[at_++]); }
  unsigned u16() { return (u8() << 8) | u8(); }
  unsigned u24() { return (u8() << 16) | u16(); }
  std::string_view take(std::size_t n) { auto v = bytes_.substr(at_, n); at_ += n; return v; }
  std::size_t left() const { return bytes_.size() - at_; }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::optional<server_hello> decode_server_hello(std::string_view body, std::string& problem) {
  reader r(body);
  server_hello h;
  if (!r.has(2 + 32 + 1)) return problem = "ServerHello too short", std::nullopt;
  h.legacy_version = static_cast<std::uint16_t>(r.u16());
  auto const random = r.take(32);
  std::copy(random.begin(), random.end(), h.random.begin());
  auto const session_length = r.u8();
  if (!r.has(session_length + 3)) return problem = "ServerHello truncated in its session id", std::nullopt;
  r.take(session_length);
  h.cipher_suite = static_cast<std::uint16_t>(r.u16());
  h.compression_method = static_cast<std::uint8_t>(r.u8());
  if (r.left() == 0) return h;  // no extensions at all (RFC 5246 §7.4.1.3 allows it)
  if (!r.has(2)) return problem = "ServerHello has a stray byte after its compression method", std::nullopt;
  auto const total = r.u16();
  if (!r.has(total)) return problem = "ServerHello's extensions overrun it", std::nullopt;
  reader ext(r.take(total));
  while (ext.left() > 0) {
    if (!ext.has(4)) return problem = "ServerHello has a truncated extension", std::nullopt;
    auto const type = static_cast<std::uint16_t>(ext.u16());
    auto const length = ext.u16();
    if (!ext.has(length)) return problem = "ServerHello extension overruns its list", std::nullopt;
    h.extensions.emplace_back(type, std::string(ext.take(length)));
  }
  return h;
}

}  // namespace

std::string encode_client_hello(client_hello_spec const& s) {
  std::string body;
  put16(body, s.client_version);
  body.append(reinterpret_cast<char const*>(s.random.data()), s.random.size());
  put8(body, 0);  // no session id
  body += with_length(u16_list(s.cipher_suites), 2);
  body += with_length(std::string(s.compression_methods.begin(), s.compression_methods.end()), 1);
  if (s.extensions) body += with_length(extensions_of(s), 2);

  std::string handshake;
  put8(handshake, 1);  // client_hello
  put24(handshake, static_cast<unsigned>(body.size()));
  handshake += body;

  std::string record;
  put8(record, 22);  // handshake
  put16(record, std::min<std::uint16_t>(s.client_version, tls1_0));  // RFC 8446 §5.1: 0x0301 for compatibility
  put16(record, static_cast<unsigned>(handshake.size()));
  return record + handshake;
}

server_answer parse_server_answer(std::string_view bytes) {
  // Handshake messages may span records: gather handshake payload until a whole
  // message is there; an alert record before that is the answer.
  std::string handshake;
  reader r(bytes);
  while (r.has(5)) {
    auto const type = r.u8();
    auto const version = r.u16();
    auto const length = r.u16();
    if ((version >> 8) != 3 || length > (1u << 14) + 2048)
      return {server_answer::kind::malformed, {}, {}, "not a TLS record (type " + std::to_string(type) + ")"};
    if (!r.has(length)) break;
    auto const payload = r.take(length);
    if (type == 21 && payload.size() >= 2)
      return {server_answer::kind::alert, {}, {static_cast<std::uint8_t>(payload[0]), static_cast<std::uint8_t>(payload[1])}, {}};
    if (type != 22) return {server_answer::kind::malformed, {}, {}, "record of type " + std::to_string(type) + " before a ServerHello"};
    handshake.append(payload);
    if (handshake.size() < 4) continue;
    reader h(handshake);
    auto const msg_type = h.u8();
    auto const msg_length = h.u24();
    if (msg_type != 2) return {server_answer::kind::malformed, {}, {}, "handshake message " + std::to_string(msg_type) + " instead of a ServerHello"};
    if (!h.has(msg_length)) continue;
    std::string problem;
    auto hello = decode_server_hello(h.take(msg_length), problem);
    if (!hello) return {server_answer::kind::malformed, {}, {}, problem};
    return {server_answer::kind::server_hello, *hello, {}, {}};
  }
  return {};
}

bool server_hello::has_extension(std::uint16_t type) const {
  return std::any_of(extensions.begin(), extensions.end(), [&](auto const& e) { return e.first == type; });
}

std::uint16_t server_hello::version() const {
  for (auto const& [type, data] : extensions)
    if (type == extension::supported_versions && data.size() == 2)
      return static_cast<std::uint16_t>((static_cast<unsigned char>(data[0]) << 8) | static_cast<unsigned char>(data[1]));
  return legacy_version;
}

bool server_hello::is_hello_retry_request() const {
  static constexpr std::array<std::uint8_t, 32> special = {
      0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
      0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};
  return random == special;
}

bool server_hello::has_downgrade_sentinel() const {
  static constexpr std::string_view sentinel = "DOWNGRD";
  return std::equal(sentinel.begin(), sentinel.end(), random.begin() + 24) && random[31] <= 1;
}

std::string alert_name(std::uint8_t d) {
  static constexpr std::pair<std::uint8_t, std::string_view> names[] = {
      {0, "close_notify"},         {10, "unexpected_message"},   {20, "bad_record_mac"},
      {40, "handshake_failure"},   {42, "bad_certificate"},      {47, "illegal_parameter"},
      {50, "decode_error"},        {51, "decrypt_error"},        {70, "protocol_version"},
      {71, "insufficient_security"}, {80, "internal_error"},     {86, "inappropriate_fallback"},
      {100, "no_renegotiation"},   {109, "missing_extension"},   {110, "unsupported_extension"},
      {112, "unrecognized_name"},  {120, "no_application_protocol"}};
  for (auto const& [code, name] : names)
    if (code == d) return std::string(name) + " (" + std::to_string(d) + ")";
  return "alert " + std::to_string(d);
}

std::string version_name(std::uint16_t v) {
  switch (v) {
    case ssl3_0: return "SSL 3.0";
    case tls1_0: return "TLS 1.0";
    case tls1_1: return "TLS 1.1";
    case tls1_2: return "TLS 1.2";
    case tls1_3: return "TLS 1.3";
  }
  return "version " + suite_name(v);
}

std::string suite_name(std::uint16_t suite) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%04x", suite);
  return text;
}

std::string describe(server_answer const& a) {
  switch (a.what) {
    case server_answer::kind::incomplete: return "no complete answer";
    case server_answer::kind::malformed: return "an unreadable answer (" + a.problem + ")";
    case server_answer::kind::alert:
      return std::string(a.refusal.level == 1 ? "a warning " : "a fatal ") + alert_name(a.refusal.description) + " alert";
    case server_answer::kind::server_hello:
      return std::string(a.hello.is_hello_retry_request() ? "a HelloRetryRequest" : "a ServerHello") + " for " +
             version_name(a.hello.version()) + " with cipher suite " + suite_name(a.hello.cipher_suite) +
             (a.hello.compression_method ? " and compression method " + std::to_string(a.hello.compression_method) : "");
  }
  return "?";
}

}  // namespace conform::tls
