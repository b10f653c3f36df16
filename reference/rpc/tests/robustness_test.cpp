// Hostile input against the sans-I/O session: every prefix of every vector message and
// single-byte corruptions of each, then limits on the tables. Nothing may throw out of
// receive(), and a session that aborted stays quiet. Meant to run under ASan/UBSan too.
#include <gtest/gtest.h>

#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"
#include "reference/rpc/tests/vector_runner.hpp"

namespace conform::reference::rpc {
namespace {

std::vector<std::string> vector_messages() {
  std::vector<std::string> out;
  json const sessions = testing::load_vectors("sessions.json");
  for (auto const& v : sessions["vectors"]) {
    for (auto const& step : v["steps"]) {
      if (!step.contains("send")) continue;
      for (auto const& m : step["send"]) {
        if (!m.is_object()) out.push_back(to_wire(m));
      }
    }
  }
  return out;
}

// A session that has seen a little of everything, so corrupt input meets live tables.
void prime(session& s) {
  for (auto const* m : {R"(["push",["pipeline",0,["makeCounter"],[1]]])", R"(["pull",1])",
                        R"(["push",["pipeline",0,["callFunction"],[["export",-1],2]]])",
                        R"(["push",["pipeline",0,["echo"],[{"p":["promise",-2]}]]])"}) {
    s.receive(m);
  }
  s.take_output();
}

TEST(RpcRobustness, EveryPrefixAndCorruptionOfEveryMessage) {
  auto const messages = vector_messages();
  ASSERT_GE(messages.size(), 100u);
  std::size_t fed = 0;
  for (auto const& m : messages) {
    for (std::size_t cut = 0; cut <= m.size(); cut += 1 + m.size() / 24) {
      session s(make_test_target());
      prime(s);
      EXPECT_NO_THROW(s.receive(m.substr(0, cut)));
      s.take_output();
      ++fed;
    }
    for (std::size_t at = 0; at < m.size(); at += 1 + m.size() / 16) {
      for (char c : {'[', ']', '"', '-', '0', 'x', '{', '\\'}) {
        std::string bad = m;
        bad[at] = c;
        session s(make_test_target());
        prime(s);
        EXPECT_NO_THROW(s.receive(bad));
        EXPECT_NO_THROW(s.receive(R"(["pull",1])"));
        ++fed;
      }
    }
  }
  EXPECT_GT(fed, 1000u);
}

// Regression (conform fuzz --suite rpc, UBSan): an ID beyond what an integer holds was
// converted with undefined behaviour; it must simply name no entry.
TEST(RpcRobustness, HugeIdsNameNoEntry) {
  for (char const* id : {"1e308", "-1e308", "9007199254740993"}) {
    session s(make_test_target());
    s.receive(std::string(R"(["push",["pipeline",)") + id + R"(,["square"],[2]]])");
    s.receive(R"(["push",["pipeline",0,["echo"],[["export",)" + std::string(id) + "]]]]");
    EXPECT_TRUE(s.aborted()) << id;
  }
}

TEST(RpcRobustness, AbortedSessionStaysQuiet) {
  session s(make_test_target());
  s.receive(R"(["bogus"])");
  ASSERT_TRUE(s.aborted());
  s.take_output();
  s.receive(R"(["push",["pipeline",0,["square"],[2]]])");
  s.receive(R"(["pull",1])");
  EXPECT_TRUE(s.take_output().empty());
}

TEST(RpcRobustness, ExportTableIsBounded) {
  rpc_limits limits;
  limits.max_exports = 100;
  session s(make_test_target(), limits);
  for (int i = 0; i < 150 && !s.aborted(); ++i) s.receive(R"(["push",["pipeline",0,["square"],[2]]])");
  ASSERT_TRUE(s.aborted());
  EXPECT_EQ(s.abort_reason(), "exports table is full");
  EXPECT_LE(s.export_count(), 100u);
}

TEST(RpcRobustness, ImportTableIsBounded) {
  rpc_limits limits;
  limits.max_imports = 50;
  session s(make_test_target(), limits);
  for (int i = 1; i < 100 && !s.aborted(); ++i) {
    s.receive(R"(["push",["pipeline",0,["keepCallback"],[["promise",-)" + std::to_string(i) + "]]]]");
  }
  EXPECT_TRUE(s.aborted());
  EXPECT_EQ(s.abort_reason(), "imports table is full");
}

TEST(RpcRobustness, OversizedMessageAborts) {
  rpc_limits limits;
  limits.max_message_utf16 = 64;
  session s(make_test_target(), limits);
  s.receive(R"(["push",["pipeline",0,["echo"],[")" + std::string(100, 'a') + R"("]]])");
  ASSERT_TRUE(s.aborted());
  EXPECT_EQ(s.take_output().back(),
            R"(["abort",["error","TypeError","Incoming message exceeds maximum size of 64 UTF-16 code units."]])");
}

}  // namespace
}  // namespace conform::reference::rpc
