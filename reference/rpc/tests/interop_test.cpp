// Interop with capnweb's TypeScript implementation (tools/peers/capnweb starts it): every
// session vector against the Node peer on 127.0.0.1:$CONFORM_RPC_PEER_PORT, over
// WebSocket and HTTP batch. Without the variable the tests are skipped.
#include <gtest/gtest.h>

#include <cstdlib>

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

}  // namespace
}  // namespace conform::reference::rpc
