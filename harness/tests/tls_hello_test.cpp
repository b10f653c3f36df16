// The hand-built ClientHello is well-formed, and the answer reader handles every shape a
// server's first flight takes: split records, alerts, HelloRetryRequests, garbage.
#include <gtest/gtest.h>

#include "harness/tls/hello.hpp"

namespace conform::tls {
namespace {

std::string record(char type, std::string const& payload) {
  std::string r{type, '\x03', '\x03', static_cast<char>(payload.size() >> 8), static_cast<char>(payload.size() & 0xff)};
  return r + payload;
}

std::string hello_message(std::string const& extensions) {
  std::string body("\x03\x03", 2);
  body += std::string(24, 'r') + "DOWNGRD" + '\x01';
  body += std::string("\x00\xc0\x2f\x00", 4);
  body += static_cast<char>(extensions.size() >> 8);
  body += static_cast<char>(extensions.size() & 0xff);
  body += extensions;
  return std::string("\x02\x00", 2) + static_cast<char>(body.size() >> 8) + static_cast<char>(body.size() & 0xff) + body;
}

TEST(client_hello, lengths_add_up) {
  client_hello_spec s;
  s.cipher_suites = {0xc02f, 0x1301};
  s.server_name = "example.test";
  s.offer_tls13 = true;
  s.heartbeat = true;
  auto const bytes = encode_client_hello(s);
  ASSERT_GE(bytes.size(), 9u);
  EXPECT_EQ(bytes[0], '\x16');
  std::size_t const record_length = (static_cast<unsigned char>(bytes[3]) << 8) | static_cast<unsigned char>(bytes[4]);
  EXPECT_EQ(record_length + 5, bytes.size());
  std::size_t const message_length = (static_cast<unsigned char>(bytes[7]) << 8) | static_cast<unsigned char>(bytes[8]);
  EXPECT_EQ(message_length + 9, bytes.size());
  EXPECT_NE(bytes.find("example.test"), std::string::npos);
}

TEST(client_hello, ssl3_hello_has_no_extensions) {
  client_hello_spec s;
  s.client_version = ssl3_0;
  s.extensions = false;
  s.cipher_suites = {0x002f};
  auto const bytes = encode_client_hello(s);
  EXPECT_EQ(bytes.size(), 5u + 4 + 2 + 32 + 1 + 4 + 2);
}

TEST(server_answer, reads_a_server_hello_split_over_records) {
  auto const m = hello_message(std::string("\x00\x17\x00\x00", 4));
  auto const bytes = record('\x16', m.substr(0, 10)) + record('\x16', m.substr(10));
  EXPECT_EQ(parse_server_answer(bytes.substr(0, 12)).what, server_answer::kind::incomplete);
  auto const a = parse_server_answer(bytes);
  ASSERT_EQ(a.what, server_answer::kind::server_hello) << a.problem;
  EXPECT_EQ(a.hello.cipher_suite, 0xc02f);
  EXPECT_TRUE(a.hello.has_extension(extension::extended_master_secret));
  EXPECT_TRUE(a.hello.has_downgrade_sentinel());
  EXPECT_FALSE(a.hello.is_hello_retry_request());
  EXPECT_EQ(a.hello.version(), tls1_2);
}

TEST(server_answer, reads_the_selected_version_from_supported_versions) {
  auto const a = parse_server_answer(record('\x16', hello_message(std::string("\x00\x2b\x00\x02\x03\x04", 6))));
  ASSERT_EQ(a.what, server_answer::kind::server_hello);
  EXPECT_EQ(a.hello.version(), tls1_3);
}

TEST(server_answer, reads_an_alert) {
  auto const a = parse_server_answer(record('\x15', std::string("\x02\x28", 2)));
  ASSERT_EQ(a.what, server_answer::kind::alert);
  EXPECT_EQ(a.refusal.description, 40);
  EXPECT_EQ(describe(a), "a fatal handshake_failure (40) alert");
}

TEST(server_answer, names_garbage) {
  EXPECT_EQ(parse_server_answer("HTTP/1.1 400 Bad Request\r\n").what, server_answer::kind::malformed);
  EXPECT_EQ(parse_server_answer(record('\x16', std::string("\x0b\x00\x00\x00", 4))).what, server_answer::kind::malformed);
  auto const truncated = record('\x16', std::string("\x02\x00\x00\x03\x03\x03\x00", 7));
  EXPECT_EQ(parse_server_answer(truncated).what, server_answer::kind::malformed);
}

}  // namespace
}  // namespace conform::tls
