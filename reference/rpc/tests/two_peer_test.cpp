// Two reference sessions wired back to back: the client role (calls on the peer's main
// object, passing its own function) against the server role, messages pumped until
// both are quiet.
#include <gtest/gtest.h>

#include "reference/rpc/session.hpp"
#include "reference/rpc/target.hpp"
#include "reference/rpc/test_target.hpp"

namespace conform::reference::rpc {
namespace {

struct pair_of_sessions {
  session client{make_test_target()};
  session server{make_test_target()};
  std::vector<std::string> wire;  // "C->S ..." / "S->C ..."

  void pump() {
    for (int rounds = 0; rounds < 100; ++rounds) {
      auto to_server = client.take_output();
      auto to_client = server.take_output();
      if (to_server.empty() && to_client.empty()) return;
      for (auto const& m : to_server) {
        wire.push_back("C->S " + m);
        server.receive(m);
      }
      for (auto const& m : to_client) {
        wire.push_back("S->C " + m);
        client.receive(m);
      }
    }
  }
};

payload args_of(json list) { return payload{std::move(list), {}}; }

TEST(RpcTwoPeers, SquareThroughClientRole) {
  pair_of_sessions p;
  auto result = p.client.peer_main()->call({"square"}, args_of(json::array({7})));
  p.pump();
  ASSERT_TRUE(result->settled());
  EXPECT_EQ(result->value().value, 49);
  EXPECT_EQ(p.wire.front(), R"(C->S ["push",["pipeline",0,["square"],[7]]])");
}

TEST(RpcTwoPeers, CallbackIntoTheClient) {
  pair_of_sessions p;
  auto doubler = std::make_shared<function_hook>([](payload& args) {
    return future::resolved({json(2 * args.value[0].get<int>()), {}});
  });
  payload args{json::array({cap_marker(0), 21}), {doubler}};
  auto result = p.client.peer_main()->call({"callFunction"}, std::move(args));
  p.pump();
  ASSERT_TRUE(result->settled());
  ASSERT_FALSE(result->rejected()) << result->error();
  EXPECT_EQ(result->value().value, (json{{"result", 42}}));
  EXPECT_EQ(p.server.export_count(), 1u);  // only main is left
}

TEST(RpcTwoPeers, PipelineAndRemapFromTheClientRole) {
  pair_of_sessions p;
  auto api = p.client.peer_main();
  auto counter = api->call({"makeCounter"}, args_of(json::array({10})));
  auto incremented = p.client.pipeline(counter)->call({"increment"}, args_of(json::array({5})));
  auto fibonacci = p.client.pipeline(api->call({"generateFibonacci"}, args_of(json::array({5}))));
  auto mapped = p.client.remap(fibonacci, {}, {api},
                               json::parse(R"([["pipeline",-1,["square"],[["pipeline",0]]],["pipeline",1]])"));
  p.pump();
  ASSERT_TRUE(incremented->settled() && !incremented->rejected()) << incremented->error();
  EXPECT_EQ(incremented->value().value, 15);
  ASSERT_TRUE(mapped->settled() && !mapped->rejected()) << mapped->error();
  EXPECT_EQ(mapped->value().value, json::parse("[[0,1,1,4,9]]"));
  EXPECT_EQ(p.wire[2], R"(C->S ["push",["pipeline",1,["increment"],[5]]])");
  EXPECT_EQ(p.wire[6], R"(C->S ["push",["remap",3,[],[["import",0]],[["pipeline",-1,["square"],[["pipeline",0]]],["pipeline",1]]]])");
  // Settled results and foreign hooks are no subjects.
  EXPECT_EQ(p.client.pipeline(counter), nullptr);
  auto refused = p.client.remap(std::make_shared<promise_hook>(counter), {}, {}, json::array());
  EXPECT_TRUE(refused->rejected());
}

TEST(RpcTwoPeers, PipelinedCounterAndErrors) {
  pair_of_sessions p;
  auto counter = p.client.peer_main()->call({"makeCounter"}, args_of(json::array({2})));
  p.pump();
  ASSERT_TRUE(counter->settled());
  auto inc = promise_hook(counter).call({"increment"}, args_of(json::array({3})));
  auto error = p.client.peer_main()->call({"throwError"}, args_of(json::array()));
  p.pump();
  ASSERT_TRUE(inc->settled());
  EXPECT_EQ(inc->value().value, 5);
  ASSERT_TRUE(error->rejected());
  EXPECT_EQ(error->error(), json::parse(R"(["error","RangeError","test error"])"));
}

}  // namespace
}  // namespace conform::reference::rpc
