// Interop with capnweb's TypeScript implementation (tools/peers/capnweb starts it): every
// session vector against the Node peer on 127.0.0.1:$CONFORM_RPC_PEER_PORT, over
// WebSocket and HTTP batch. Without the variable the tests are skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "reference/rpc/session.hpp"
#include "reference/rpc/target.hpp"
#include "reference/rpc/test_target.hpp"
#include "reference/rpc/tests/live_peer.hpp"

namespace conform::reference::rpc {
namespace {

std::uint16_t peer_port() {
  char const* port = std::getenv("CONFORM_RPC_PEER_PORT");
  return port ? static_cast<std::uint16_t>(std::atoi(port)) : 0;
}

void run(std::string const& transport) {
  auto const port = peer_port();
  if (port == 0) GTEST_SKIP() << "CONFORM_RPC_PEER_PORT not set (tools/peers/capnweb starts the peer)";
  std::size_t count = 0;
  auto problems = testing::run_session_vectors(port, transport, &count);
  EXPECT_GE(count, 50u);
  for (auto const& p : problems) ADD_FAILURE() << p;
}

TEST(RpcInterop, SessionVectorsAgainstCapnwebOverWebSocket) { run("websocket"); }
TEST(RpcInterop, SessionVectorsAgainstCapnwebOverHttpBatch) { run("batch"); }

// The reference session in the client role over a WebSocket to capnweb: messages pumped
// both ways until `done` settles (or 5 s pass).
void pump(session& client, testing::message_peer& ws, future_ptr const& done) {
  for (int round = 0; round < 100 && !done->settled(); ++round) {
    for (auto const& m : client.take_output()) ws.send(m);
    auto got = ws.collect([](auto const& g) { return !g.empty(); }, 50);
    for (auto const& m : got) {
      if (m.is_array() && !m.empty() && m[0] == "$closed") return;
      client.receive(to_wire(m));
    }
  }
}

payload args_of(json list) { return payload{std::move(list), {}}; }

TEST(RpcInterop, ReferenceClientDrivesCapnweb) {
  auto const port = peer_port();
  if (port == 0) GTEST_SKIP() << "CONFORM_RPC_PEER_PORT not set (tools/peers/capnweb starts the peer)";
  auto ws = testing::connect_websocket(port);
  session client(make_test_target());
  auto api = client.peer_main();

  auto square = api->call({"square"}, args_of(json::array({5})));
  pump(client, *ws, square);
  ASSERT_TRUE(square->settled() && !square->rejected());
  EXPECT_EQ(square->value().value, 25);

  // makeCounter(10).increment(5) pipelined: sent before the counter exists.
  auto counter = api->call({"makeCounter"}, args_of(json::array({10})));
  auto counter_promise = client.pipeline(counter);
  ASSERT_TRUE(counter_promise);
  auto incremented = counter_promise->call({"increment"}, args_of(json::array({5})));
  auto const sent = client.take_output();
  EXPECT_TRUE(std::any_of(sent.begin(), sent.end(), [](std::string const& m) {
    return m.rfind("[\"push\",[\"pipeline\",", 0) == 0 && m.find("[\"increment\"]") != std::string::npos;
  })) << "increment was not pipelined on the pending counter";
  for (auto const& m : sent) ws->send(m);
  pump(client, *ws, incremented);
  ASSERT_TRUE(incremented->settled() && !incremented->rejected());
  EXPECT_EQ(incremented->value().value, 15);

  auto doubler = std::make_shared<function_hook>([](payload& a) {
    return future::resolved({json(2 * a.value[0].get<int>()), {}});
  });
  auto called = api->call({"callFunction"}, payload{json::array({cap_marker(0), 21}), {doubler}});
  pump(client, *ws, called);
  ASSERT_TRUE(called->settled() && !called->rejected()) << called->error();
  EXPECT_EQ(called->value().value, (json{{"result", 42}}));

  // generateFibonacci(6).map(x => api.square(x)), in the wire form capnweb records for
  // that mapper (capnweb.md §9): capture -1 is api, variable 0 the element.
  auto fibonacci = client.pipeline(api->call({"generateFibonacci"}, args_of(json::array({6}))));
  ASSERT_TRUE(fibonacci);
  auto mapped = client.remap(fibonacci, {}, {api},
                             json::parse(R"([["pipeline",-1,["square"],[["pipeline",0]]],["pipeline",1]])"));
  pump(client, *ws, mapped);
  ASSERT_TRUE(mapped->settled() && !mapped->rejected()) << mapped->error();
  EXPECT_EQ(mapped->value().value, json::parse("[[0,1,1,4,9,25]]"));

  auto thrown = api->call({"throwError"}, args_of(json::array()));
  pump(client, *ws, thrown);
  ASSERT_TRUE(thrown->rejected());
  EXPECT_EQ(thrown->error(), json::parse(R"(["error","RangeError","test error"])"));
}

}  // namespace
}  // namespace conform::reference::rpc
