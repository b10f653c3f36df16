// The HTTP/1 client's verbs against scripted peers in memory.
#include <gtest/gtest.h>

#include "harness/engine/case.hpp"
#include "harness/engine/context.hpp"
#include "harness/http1/client.hpp"
#include "harness/net/memory_connection.hpp"

namespace conform::h1 {
namespace {

// Answers every write with `answer`, then closes if told to.
class canned : public net::scripted_peer {
 public:
  canned(std::string answer, bool close) : answer_(std::move(answer)), close_(close) {}
  void receive(std::string_view, net::peer_reply& reply) override {
    reply.bytes = answer_;
    reply.close = close_;
  }

 private:
  std::string answer_;
  bool close_;
};

struct fixture {
  fixture(std::string answer, bool close)
      : connect([answer, close](target const&, connect_request const&, transcript& log, auto) {
          return std::make_unique<net::memory_connection>(log, log.open_connection("memory"),
                                                          std::make_unique<canned>(answer, close));
        }),
        cx(t, def, log, connect, timing{}, 1) {}

  target t = *parse_target("http://127.0.0.1:1/").value;
  case_def def{.id = "t/x"};
  transcript log;
  connector connect;
  context cx;
};

TEST(client, close_delimited_response_ends_at_the_close) {
  fixture f("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nline 0\nline 1\n", true);
  client c(f.cx);
  auto const r = c.exchange(request("GET", "/"));
  ASSERT_TRUE(r.ok()) << describe(r);
  EXPECT_EQ(r.message.body, "line 0\nline 1\n");
  EXPECT_EQ(c.await_close(), close_state::closed);
}

TEST(client, cut_off_response_is_malformed) {
  fixture f("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", true);
  client c(f.cx);
  auto const r = c.exchange(request("GET", "/"));
  EXPECT_EQ(r.what, reply::kind::malformed);
  EXPECT_NE(describe(r).find("5 bytes"), std::string::npos) << describe(r);
}

TEST(client, interim_responses_are_collected_or_returned) {
  fixture f("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
  client c(f.cx);
  auto const r = c.exchange(request("POST", "/"));
  ASSERT_TRUE(r.is(200));
  ASSERT_EQ(r.interim.size(), 1u);
  EXPECT_EQ(r.interim[0].status, 100);

  client d(f.cx);
  d.send(request("POST", "/"));
  EXPECT_TRUE(d.receive_next().is(100));
  EXPECT_TRUE(d.receive_next().is(200));
}

TEST(client, silence_is_a_timeout_and_a_close_is_a_close) {
  fixture silent("", false);
  client c(silent.cx);
  auto const r = c.exchange(request("GET", "/"));
  EXPECT_EQ(r.what, reply::kind::timeout);
  EXPECT_EQ(c.await_close(), close_state::open);

  fixture closing("", true);
  client d(closing.cx);
  EXPECT_EQ(d.exchange(request("GET", "/")).what, reply::kind::closed);
}

}  // namespace
}  // namespace conform::h1
