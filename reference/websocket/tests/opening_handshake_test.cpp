// The reference's reading of WebSocket opening handshakes (RFC 6455 §4.2.1), through
// the sans-I/O HTTP/1.1 connection: an acceptable request switches the connection, every
// other one is refused with its status and clause.
#include <gtest/gtest.h>

#include <string>

#include "reference/http1/connection.hpp"
#include "reference/websocket/opening_handshake.hpp"

namespace conform::reference::websocket {
namespace {

std::string request(std::string_view first_line, std::string_view key = "dGhlIHNhbXBsZSBub25jZQ==",
                    std::string_view version = "13", std::string_view upgrade = "websocket") {
  std::string r = std::string(first_line) + "\r\nHost: localhost\r\n";
  if (!upgrade.empty()) r += "Upgrade: " + std::string(upgrade) + "\r\n";
  r += "Connection: keep-alive, Upgrade\r\n";
  if (!key.empty()) r += "Sec-WebSocket-Key: " + std::string(key) + "\r\n";
  if (!version.empty()) r += "Sec-WebSocket-Version: " + std::string(version) + "\r\n";
  return r + "\r\n";
}

TEST(ws_opening_handshake, a_valid_request_switches_the_connection) {
  http1::connection c;
  c.feed(request("GET /ws HTTP/1.1"));
  EXPECT_TRUE(c.upgrade_ready());
  EXPECT_TRUE(c.output().empty());
  EXPECT_EQ(c.upgrade_request().path(), "/ws");
  EXPECT_TRUE(c.unread_input().empty());
}

TEST(ws_opening_handshake, other_paths_are_not_upgrades) {
  http1::connection c;
  c.feed(request("GET / HTTP/1.1"));
  EXPECT_FALSE(c.upgrade_ready());
  EXPECT_TRUE(std::string(c.output()).starts_with("HTTP/1.1 200 "));
}

struct refused {
  std::string wire;
  std::string status_line;
  std::string field;  // a field the refusal must carry
};

TEST(ws_opening_handshake, bad_requests_are_refused_with_their_status) {
  refused const cases[] = {
      {request("GET /ws HTTP/1.1", "conform-not-a-key"), "HTTP/1.1 400 ", "violation: ws_key_malformed"},
      {request("GET /ws HTTP/1.1", "AAAAAAAAAAA="), "HTTP/1.1 400 ", "ws_key_malformed"},
      {request("GET /ws HTTP/1.1", ""), "HTTP/1.1 400 ", "ws_key_malformed"},
      {request("GET /ws HTTP/1.1", "dGhlIHNhbXBsZSBub25jZQ==", "8"), "HTTP/1.1 426 ", "Sec-WebSocket-Version: 13"},
      {request("GET /ws HTTP/1.1", "dGhlIHNhbXBsZSBub25jZQ==", ""), "HTTP/1.1 426 ", "Sec-WebSocket-Version: 13"},
      {request("GET /ws HTTP/1.1", "dGhlIHNhbXBsZSBub25jZQ==", "13", ""), "HTTP/1.1 426 ", "Upgrade: websocket"},
      {request("POST /ws HTTP/1.1"), "HTTP/1.1 405 ", "Allow: GET"},
      {request("GET /ws HTTP/1.0"), "HTTP/1.1 400 ", "ws_http_version"},
  };
  for (auto const& r : cases) {
    http1::connection c;
    c.feed(r.wire);
    std::string const out(c.output());
    EXPECT_FALSE(c.upgrade_ready()) << r.wire;
    EXPECT_TRUE(out.starts_with(r.status_line)) << out;
    EXPECT_NE(out.find(r.field), std::string::npos) << out;
    EXPECT_NE(out.find("Date: "), std::string::npos) << out;
  }
}

TEST(ws_opening_handshake, keys_are_base64_of_16_octets) {
  EXPECT_TRUE(is_valid_key("dGhlIHNhbXBsZSBub25jZQ=="));
  EXPECT_TRUE(is_valid_key("AAAAAAAAAAAAAAAAAAAAAA=="));
  EXPECT_FALSE(is_valid_key("AAAAAAAAAAAAAAAAAAAAAB=="));  // bits past the 16th octet
  EXPECT_FALSE(is_valid_key("AAAAAAAAAAAAAAAAAAAAA==="));
  EXPECT_FALSE(is_valid_key("AAAAAAAAAAAAAAAAAAAA*A=="));
  EXPECT_FALSE(is_valid_key(""));
}

}  // namespace
}  // namespace conform::reference::websocket
