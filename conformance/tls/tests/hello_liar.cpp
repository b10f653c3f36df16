// Reads one ClientHello and answers with a hand-made ServerHello (or an alert), then
// closes: enough for the cases that judge only the server's first answer. Every answer
// is what a sound TLS 1.2/1.3 server would send, except for the one fault it is given.
#include <sys/socket.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "conformance/tls/tests/test_peers.hpp"

namespace conform::tls_suite::testing {
namespace {

struct client_hello {
  std::uint16_t version = 0;
  std::vector<std::uint16_t> suites;
  std::vector<std::uint8_t> compression;
  std::vector<std::uint16_t> extensions;
  bool offers_tls13 = false;

  bool offers(std::uint16_t suite) const { return std::find(suites.begin(), suites.end(), suite) != suites.end(); }
  bool has(std::uint16_t ext) const { return std::find(extensions.begin(), extensions.end(), ext) != extensions.end(); }
};

unsigned u8(std::string const& s, std::size_t at) { return at < s.size() ? static_cast<unsigned char>(s[at]) : 0; }
unsigned u16(std::string const& s, std::size_t at) { return (u8(s, at) << 8) | u8(s, at + 1); }

// The hello starts after the 5-byte record header and the 4-byte handshake header.
client_hello parse(std::string const& m) {
  client_hello h;
  std::size_t at = 9;
  h.version = static_cast<std::uint16_t>(u16(m, at));
  at += 2 + 32;
  at += 1 + u8(m, at);  // session id
  auto const suites = u16(m, at);
  for (std::size_t i = 0; i < suites; i += 2) h.suites.push_back(static_cast<std::uint16_t>(u16(m, at + 2 + i)));
  at += 2 + suites;
  auto const methods = u8(m, at);
  for (std::size_t i = 0; i < methods; ++i) h.compression.push_back(static_cast<std::uint8_t>(u8(m, at + 1 + i)));
  at += 1 + methods;
  if (at + 2 > m.size()) return h;
  auto const end = at + 2 + u16(m, at);
  for (at += 2; at + 4 <= end && at + 4 <= m.size(); at += 4 + u16(m, at + 2)) {
    auto const type = static_cast<std::uint16_t>(u16(m, at));
    h.extensions.push_back(type);
    if (type == 43) {
      for (std::size_t i = 0; i < u8(m, at + 4); i += 2) h.offers_tls13 |= u16(m, at + 5 + i) == 0x0304;
    }
  }
  return h;
}

void put16(std::string& s, unsigned v) { s += static_cast<char>(v >> 8), s += static_cast<char>(v & 0xff); }

std::string alert(unsigned description) { return std::string("\x15\x03\x03\x00\x02\x02", 6) + static_cast<char>(description); }

std::string server_hello(std::uint16_t version, std::string const& random, std::uint16_t suite, std::uint8_t compression,
                         std::string const& extensions) {
  std::string body;
  put16(body, version);
  body += random;
  body += '\0';  // no session id
  put16(body, suite);
  body += static_cast<char>(compression);
  put16(body, static_cast<unsigned>(extensions.size()));
  body += extensions;
  std::string message("\x02\x00", 2);
  message += static_cast<char>(body.size() >> 8);
  message += static_cast<char>(body.size() & 0xff);
  message += body;
  std::string record("\x16\x03\x03", 3);
  put16(record, static_cast<unsigned>(message.size()));
  return record + message;
}

std::string answer(client_hello const& h, liar_fault fault) {
  static std::vector<std::uint16_t> const acceptable = {0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8};
  std::string random(24, '\x5a');
  if (h.offers_tls13) {  // a HelloRetryRequest (RFC 8446 §4.1.4): "TLS 1.3 is spoken here"
    static unsigned char const hrr[32] = {0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c,
                                          0x02, 0x1e, 0x65, 0xb8, 0x91, 0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb,
                                          0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};
    return server_hello(0x0303, std::string(reinterpret_cast<char const*>(hrr), 32), 0x1301, 0,
                        std::string("\x00\x2b\x00\x02\x03\x04\x00\x33\x00\x02\x00\x1d", 12));
  }
  if (h.version < 0x0303 && fault != liar_fault::accept_ssl3) return alert(70);
  if (h.offers(0x5600) && fault != liar_fault::ignore_fallback_scsv) return alert(86);
  std::uint16_t suite = 0;
  for (auto s : h.suites) {
    bool const usable = fault == liar_fault::select_offered_suite ? s != 0x00ff && s != 0x5600
                                                                   : std::find(acceptable.begin(), acceptable.end(), s) != acceptable.end();
    if (usable) { suite = s; break; }
  }
  if (h.version < 0x0303 && !h.suites.empty()) suite = h.suites.front();
  if (suite == 0) return alert(40);
  std::string extensions;
  if ((h.offers(0x00ff) || h.has(0xff01)) && fault != liar_fault::omit_renegotiation_info)
    extensions += std::string("\xff\x01\x00\x01\x00", 5);
  if (h.has(23)) extensions += std::string("\x00\x17\x00\x00", 4);
  if (h.has(15) && fault == liar_fault::echo_heartbeat) extensions += std::string("\x00\x0f\x00\x01\x01", 5);
  random += fault == liar_fault::omit_downgrade_sentinel ? std::string(8, '\x5a') : std::string("DOWNGRD\x01", 8);
  std::uint8_t const compression =
      fault == liar_fault::use_compression && !h.compression.empty() ? h.compression.front() : 0;
  return server_hello(h.version, random, suite, compression, extensions);
}

}  // namespace

hello_liar::hello_liar(liar_fault f) : fault_(f) { start(); }

hello_liar::~hello_liar() { stop(); }

void hello_liar::serve(int fd) {
  std::string in;
  char buffer[4096];
  // Read until the record the hello arrived in is whole.
  while (in.size() < 5 || in.size() < 5 + u16(in, 3)) {
    auto const n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return;
    in.append(buffer, static_cast<std::size_t>(n));
  }
  auto const out = answer(parse(in), fault_);
  ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  while (::recv(fd, buffer, sizeof buffer, 0) > 0) {
  }
}

}  // namespace conform::tls_suite::testing
