// Every vector of conformance/vectors/rpc against the reference peer: value vectors
// through echo(), session vectors message by message (the WebSocket semantics; the
// batch runs are in transport_test.cpp, over HTTP).
#include <gtest/gtest.h>

#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"
#include "reference/rpc/tests/vector_match.hpp"
#include "reference/rpc/tests/vector_runner.hpp"

namespace conform::reference::rpc {
namespace {

using namespace testing;

std::string run_value_vector(json const& v) {
  session s(make_test_target());
  s.receive(to_wire(json::array({"push", json::array({"pipeline", 0, json::array({"echo"}),
                                                        json::array({v["wire"]})})})));
  s.receive(R"(["pull",1])");
  auto out = s.take_output();
  if (out.size() != 1) return "expected one message, got " + std::to_string(out.size());
  json const got = json::parse(out[0]);
  bindings b;
  if (v.contains("canonical")) {
    json const want = json::array({"resolve", 1, v["canonical"]});
    return matches(want, got, b) ? "" : "expected " + to_wire(want) + ", got " + out[0];
  }
  json pattern{{"$error", v["error"]["name"]}};
  for (auto const* k : {"message", "message_prefix"}) {
    if (v["error"].contains(k)) pattern[k] = v["error"][k];
  }
  bool const ok = got.size() == 2 && got[0] == "abort" && matches(pattern, got[1], b);
  return ok ? "" : "expected abort " + to_wire(pattern) + ", got " + out[0];
}

TEST(RpcVectors, ValueVectors) {
  auto doc = load_vectors("values.json");
  ASSERT_EQ(doc["format"], "conform-rpc-values/1");
  EXPECT_GE(doc["vectors"].size(), 150u);
  for (auto const& v : doc["vectors"]) {
    EXPECT_EQ(run_value_vector(v), "") << v["id"];
  }
}

TEST(RpcVectors, SessionVectorsMessageByMessage) {
  auto doc = load_vectors("sessions.json");
  ASSERT_EQ(doc["format"], "conform-rpc-sessions/1");
  EXPECT_GE(doc["vectors"].size(), 60u);
  std::size_t run = 0;
  for (auto const& v : doc["vectors"]) {
    bool websocket = false;
    for (auto const& t : v["transports"]) websocket = websocket || t == "websocket";
    if (!websocket) continue;
    ++run;
    EXPECT_EQ(run_on_session(v), "") << v["id"];
  }
  EXPECT_GE(run, 60u);
}

// A matcher that cannot fail is a defect: the runner must notice a wrong answer.
TEST(RpcVectors, RunnerNoticesWrongAnswers) {
  json v = json::parse(R"({"steps":[{"send":[["push",["pipeline",0,["square"],[5]]],["pull",1]]},
                                    {"expect":[["resolve",1,26]]}]})");
  EXPECT_NE(run_on_session(v), "");
  json a = json::parse(R"({"steps":[{"send":[["pull",5]]},{"expect_abort":{"name":"TypeError"}}]})");
  EXPECT_NE(run_on_session(a), "");
  json n = json::parse(R"({"steps":[{"send":[["push",["pipeline",0,["square"],[5]]],["pull",1]]},
                                    {"expect_nothing":true}]})");
  EXPECT_NE(run_on_session(n), "");
}

}  // namespace
}  // namespace conform::reference::rpc
