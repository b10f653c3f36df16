// End to end: the server on 127.0.0.1, an ephemeral port, plain TCP and TLS, talked to
// by a blocking client with a deadline on every read.
#include <gtest/gtest.h>

#include <algorithm>
#include <openssl/ssl.h>

#include <future>
#include <thread>

#include "reference/server/server.hpp"
#include "reference/tests/blocking_client.hpp"
#include "reference/tests/wire.hpp"

namespace conform::reference::test {
namespace {

using namespace std::chrono_literals;

server_options plain_and_tls() {
  server_options o;
  o.listeners = {{"127.0.0.1", 0, false}, {"127.0.0.1", 0, true}};
  return o;
}

TEST(server, serves_keep_alive_over_tcp) {
  server s({});
  s.start();
  ASSERT_EQ(s.ports().size(), 1U);
  EXPECT_EQ(s.url(), "http://127.0.0.1:" + std::to_string(s.ports()[0]) + "/");
  blocking_client c(s.ports()[0]);
  c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
  auto r = parse_responses(c.read_responses());
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(r[0].status, 200);
  c.send("GET /bytes/3000000 HTTP/1.1\r\nHost: a\r\n\r\nGET /status/201 HTTP/1.1\r\nHost: a\r\n\r\n");
  r = parse_responses(c.read_responses(2));
  ASSERT_EQ(r.size(), 2U);
  EXPECT_EQ(r[0].body.size(), 3'000'000U);
  EXPECT_EQ(r[1].status, 201);
}

TEST(server, serves_tls_with_alpn_and_a_generated_certificate) {
  server s(plain_and_tls());
  s.start();
  EXPECT_EQ(s.url(1).substr(0, 8), "https://");
  ASSERT_NE(s.certificate_pem().find("BEGIN CERTIFICATE"), std::string::npos);
  for (std::string host : {"localhost", "127.0.0.1"}) {
    blocking_client c(s.ports()[1], tls_options{s.certificate_pem(), host});
    EXPECT_EQ(c.alpn(), "http/1.1");
    c.send("GET /stream/100 HTTP/1.1\r\nHost: a\r\n\r\n");
    auto const r = parse_responses(c.read_responses());
    ASSERT_EQ(r.size(), 1U);
    EXPECT_EQ(r[0].status, 200);
    EXPECT_TRUE(r[0].complete);
  }
  blocking_client no_alpn(s.ports()[1], tls_options{s.certificate_pem(), "localhost", {}});
  EXPECT_EQ(no_alpn.alpn(), "");
}

TEST(server, tls_refuses_other_alpn_and_old_versions) {
  server s(plain_and_tls());
  s.start();
  try {
    blocking_client c(s.ports()[1], tls_options{s.certificate_pem(), "localhost", {"spdy/3"}});
    ADD_FAILURE() << "handshake should fail";
  } catch (std::runtime_error const& e) {
    EXPECT_NE(std::string(e.what()).find("no application protocol"), std::string::npos) << e.what();
  }
  EXPECT_THROW(blocking_client(s.ports()[1], tls_options{s.certificate_pem(), "localhost", {}, TLS1_1_VERSION}),
               std::runtime_error);
}

// The frame types in an HTTP/2 byte stream, in order (RFC 9113 §4.1).
std::vector<int> h2_frame_types(std::string_view bytes) {
  std::vector<int> types;
  while (bytes.size() >= 9) {
    std::size_t const length = (static_cast<unsigned char>(bytes[0]) << 16) | (static_cast<unsigned char>(bytes[1]) << 8) |
                               static_cast<unsigned char>(bytes[2]);
    types.push_back(static_cast<unsigned char>(bytes[3]));
    bytes.remove_prefix(std::min(bytes.size(), 9 + length));
  }
  return types;
}

// Preface, empty SETTINGS, GET / on stream 1 (static-table indices and a literal
// :authority), then GOAWAY: the server answers and closes.
constexpr char h2_get_and_goaway_bytes[] =
    "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
    "\x00\x00\x00\x04\x00\x00\x00\x00\x00"
    "\x00\x00\x0e\x01\x05\x00\x00\x00\x01\x82\x86\x84\x41\x09localhost"
    "\x00\x00\x08\x07\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00";
constexpr std::string_view h2_get_and_goaway(h2_get_and_goaway_bytes, sizeof h2_get_and_goaway_bytes - 1);

TEST(server, speaks_h2c_by_prior_knowledge_and_h2_by_alpn_on_the_same_ports) {
  server s(plain_and_tls());
  s.start();
  blocking_client plain(s.ports()[0]);
  plain.send(h2_get_and_goaway);
  std::string out;
  EXPECT_TRUE(plain.read_until_close(out));
  auto types = h2_frame_types(out);
  ASSERT_FALSE(types.empty());
  EXPECT_EQ(types[0], 0x4);  // SETTINGS first (RFC 9113 §3.4)
  EXPECT_NE(std::find(types.begin(), types.end(), 0x1), types.end()) << "a HEADERS response";

  blocking_client tls(s.ports()[1], tls_options{s.certificate_pem(), "localhost", {"h2", "http/1.1"}});
  EXPECT_EQ(tls.alpn(), "h2");
  tls.send(h2_get_and_goaway);
  out.clear();
  EXPECT_TRUE(tls.read_until_close(out));
  types = h2_frame_types(out);
  EXPECT_NE(std::find(types.begin(), types.end(), 0x1), types.end()) << "a HEADERS response over TLS";
}

TEST(server, header_timeout_sends_408_and_idle_timeout_closes) {
  server_options o;
  o.timeouts.header = 200ms;
  o.timeouts.idle = 200ms;
  server s(o);
  s.start();
  blocking_client slow(s.ports()[0]);
  slow.send("GET / HTTP/1.1\r\nHost: a\r\n");
  std::string out;
  EXPECT_TRUE(slow.read_until_close(out, 3s));
  auto const r = parse_responses(out);
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(r[0].status, 408);

  blocking_client idle(s.ports()[0]);
  idle.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
  out = idle.read_responses();
  std::string rest;
  EXPECT_TRUE(idle.read_until_close(rest, 3s));
  EXPECT_EQ(rest, "");  // silent
}

TEST(server, graceful_stop_drains_in_flight_requests) {
  server s({});
  s.start();
  auto busy = std::make_unique<blocking_client>(s.ports()[0]);
  auto idle = std::make_unique<blocking_client>(s.ports()[0]);
  idle->send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
  idle->read_responses();
  busy->send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello");
  std::this_thread::sleep_for(50ms);  // let the server read the first half
  auto stopped = std::async(std::launch::async, [&s] { s.stop(); });
  std::string idle_rest;
  EXPECT_TRUE(idle->read_until_close(idle_rest, 3s));  // idle connections close at once
  EXPECT_EQ(idle_rest, "");
  idle.reset();
  EXPECT_EQ(stopped.wait_for(100ms), std::future_status::timeout);  // still draining
  busy->send("world");
  std::string out;
  EXPECT_TRUE(busy->read_until_close(out, 3s));
  busy.reset();  // our close ends the server's lingering read at once
  auto const r = parse_responses(out);
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(r[0].body, "helloworld");
  EXPECT_EQ(r[0].field("Connection"), "close");
  EXPECT_EQ(stopped.wait_for(3s), std::future_status::ready);
  EXPECT_THROW(blocking_client{s.ports()[0]}, std::runtime_error);  // no longer accepting
}

TEST(server, stop_force_closes_at_the_drain_deadline) {
  server_options o;
  o.timeouts.drain = 200ms;
  server s(o);
  s.start();
  blocking_client stuck(s.ports()[0]);
  stuck.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhel");
  std::this_thread::sleep_for(50ms);
  auto const started = std::chrono::steady_clock::now();
  s.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  std::string out;
  EXPECT_TRUE(stuck.read_until_close(out, 3s));
  s.stop();  // idempotent
}

TEST(server, several_threads_serve_concurrent_connections) {
  server_options o;
  o.threads = 2;
  server s(o);
  s.start();
  std::vector<std::unique_ptr<blocking_client>> clients;
  for (int i = 0; i < 6; ++i) clients.push_back(std::make_unique<blocking_client>(s.ports()[0]));
  for (auto& c : clients) c->send("GET /status/202 HTTP/1.1\r\nHost: a\r\n\r\n");
  for (auto& c : clients) EXPECT_EQ(parse_responses(c->read_responses()).at(0).status, 202);
}

TEST(server, bind_failure_is_a_clear_error) {
  server first({});
  first.start();
  server_options o;
  o.listeners = {{"127.0.0.1", first.ports()[0], false}};
  server second(o);
  try {
    second.start();
    ADD_FAILURE() << "bind should fail";
  } catch (std::runtime_error const& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(first.ports()[0])),
              std::string::npos)
        << e.what();
  }
  server_options bad;
  bad.listeners = {{"not-an-address", 0, false}};
  EXPECT_THROW(server(bad).start(), std::runtime_error);
}

TEST(server, wait_for_signal_returns_on_stop) {
  server s({});
  s.start();
  auto waiting = std::async(std::launch::async, [&s] { s.wait_for_signal(); });
  std::this_thread::sleep_for(50ms);
  s.stop();
  EXPECT_EQ(waiting.wait_for(3s), std::future_status::ready);
}

}  // namespace
}  // namespace conform::reference::test
