// The campaign against in-memory toy servers, each with one planted bug: the loop must
// find it, name it right and shrink its input; a server without bugs yields nothing.
#include "conformance/fuzz/campaign.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "harness/net/dial.hpp"
#include "harness/net/memory_connection.hpp"

namespace conform::fuzz {
namespace {

struct server_state {
  bool crashed = false;
};

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Answers once the client half-closes: one 200 per request it counts, then closes.
// `quirk` may replace that answer: the planted bug.
using quirk = std::function<bool(std::string const& input, net::peer_reply&, server_state&)>;

class toy_server final : public net::scripted_peer {
 public:
  toy_server(server_state& s, quirk q, bool count_by_blank_line) : state_(s), quirk_(std::move(q)), by_blank_(count_by_blank_line) {}

  void receive(std::string_view bytes, net::peer_reply& reply) override {
    input_ += bytes;
    if (input_.ends_with("\r\n\r\n") && input_.find("Connection: close") != std::string::npos) answer(reply);
  }
  void end_of_input(net::peer_reply& reply) override { answer(reply); }

 private:
  void answer(net::peer_reply& reply) {
    if (answered_) return;
    answered_ = true;
    if (quirk_ && quirk_(input_, reply, state_)) return;
    auto const requests = by_blank_ ? count(input_, "\r\n\r\n") : count(input_, " HTTP/1.1\r\n");
    for (std::size_t i = 0; i < std::max<std::size_t>(requests, 1); ++i) reply.bytes += "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    reply.close = true;
  }

  server_state& state_;
  quirk quirk_;
  bool by_blank_;
  std::string input_;
  bool answered_ = false;
};

connector toy_connector(server_state& s, quirk q, bool count_by_blank_line = false) {
  return [&s, q, count_by_blank_line](target const&, connect_request const&, transcript& log,
                                        std::chrono::steady_clock::time_point) -> std::unique_ptr<net::connection> {
    if (s.crashed) throw net::connect_error("connection refused");
    return std::make_unique<net::memory_connection>(log, log.open_connection("toy"),
                                                    std::make_unique<toy_server>(s, q, count_by_blank_line));
  };
}

campaign_settings settings(std::size_t targets = 1) {
  campaign_settings s;
  for (std::size_t i = 0; i < targets; ++i) s.targets.push_back(*parse_target("http://127.0.0.1:" + std::to_string(8080 + i)).value);
  s.iterations = 3000;
  s.seed = 3;
  s.max_findings = 1;
  return s;
}

campaign_result campaign(connector const& c, campaign_settings const& s = settings()) {
  return run_campaign(*make_protocol("http1"), s, c, nullptr);
}

TEST(Campaign, ACorrectServerYieldsNothing) {
  server_state s;
  auto const r = campaign(toy_connector(s, nullptr), [] { auto o = settings(); o.iterations = 1500; return o; }());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().detail;
  EXPECT_EQ(r.iterations, 1500u);
  EXPECT_GT(r.corpus, 6u);  // inputs that showed something new were kept
}

TEST(Campaign, FindsACrashAndStops) {
  server_state s;
  auto const r = campaign(toy_connector(s, [](std::string const& in, net::peer_reply& reply, server_state& st) {
    if (in.find('\x0b') == std::string::npos) return false;
    st.crashed = true;
    reply.reset = true;
    return true;
  }));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, finding_kind::crash);
  EXPECT_NE(r.findings[0].input.find('\x0b'), std::string::npos);
  EXPECT_NE(r.findings[0].detail.find("refused"), std::string::npos);
}

TEST(Campaign, FindsAnUnreadableResponseAndShrinksItsInput) {
  server_state s;
  auto const r = campaign(toy_connector(s, [](std::string const& in, net::peer_reply& reply, server_state&) {
    if (in.find("Expect: 100-continue") == std::string::npos) return false;
    reply.bytes = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
    reply.close = true;
    return true;
  }));
  ASSERT_EQ(r.findings.size(), 1u);
  auto const& f = r.findings[0];
  EXPECT_EQ(f.kind, finding_kind::violation);
  EXPECT_NE(f.detail.find("unreadable response"), std::string::npos);
  EXPECT_EQ(f.input, "Expect: 100-continue\r\n");  // every other line dropped
  EXPECT_GE(f.original_size, f.input.size());
}

TEST(Campaign, FindsAHang) {
  server_state s;
  auto const r = campaign(toy_connector(s, [](std::string const& in, net::peer_reply&, server_state&) {
    return in.find("Upgrade: websocket") != std::string::npos;  // no answer, no close
  }));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, finding_kind::hang);
  EXPECT_EQ(r.findings[0].input, "Upgrade: websocket\r\n");
}

TEST(Campaign, DifferentialModeFindsAFramingDisagreement) {
  server_state a, b;
  auto const by_line = toy_connector(a, nullptr, false);
  auto const by_blank = toy_connector(b, nullptr, true);
  // Target 0 counts request lines, target 1 counts blank lines: a chunked body's last
  // chunk reads as one more request to the second.
  connector const both = [&](target const& t, connect_request const& r, transcript& log, std::chrono::steady_clock::time_point d) {
    return t.port == 8080 ? by_line(t, r, log, d) : by_blank(t, r, log, d);
  };
  auto const r = campaign(both, settings(2));
  ASSERT_EQ(r.findings.size(), 1u);
  auto const& f = r.findings[0];
  EXPECT_EQ(f.kind, finding_kind::disagreement);
  EXPECT_EQ(f.targets.size(), 2u);
  EXPECT_NE(f.responses[0].size(), f.responses[1].size());
}

TEST(Campaign, StopsAtItsTimeBound) {
  server_state s;
  auto o = settings();
  o.iterations.reset();
  o.time = std::chrono::milliseconds(300);
  auto const r = campaign(toy_connector(s, nullptr), o);
  EXPECT_GE(r.elapsed.count(), 300);
  EXPECT_LT(r.elapsed.count(), 2000);
}

}  // namespace
}  // namespace conform::fuzz
