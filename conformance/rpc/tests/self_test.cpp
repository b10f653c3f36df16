// Every rpc case, over each transport it applies to: PASS against the compliant
// in-memory peer, and FAIL (MUST) or WARN (SHOULD) against the peer whose first answer
// is broken (model_peer.hpp). A case for the other transport must SKIP. One test per
// transport and verdict, naming every case that misbehaves.
#include <gtest/gtest.h>

#include "conformance/index.hpp"
#include "conformance/rpc/tests/model_peer.hpp"
#include "harness/engine/registry.hpp"
#include "harness/engine/runner.hpp"
#include "harness/http1/message.hpp"

namespace conform::rpc_suite::testing {
namespace {

connector model(bool websocket, fault f) {
  return [websocket, f](target const&, connect_request const&, transcript& log, std::chrono::steady_clock::time_point) {
    int const id = log.open_connection("in-memory Cap'n Web peer");
    auto peer = websocket ? make_websocket_peer(f) : make_batch_peer(f);
    return std::make_unique<net::memory_connection>(log, id, std::move(peer));
  };
}

std::vector<registered_case> rpc_cases() {
  std::vector<registered_case> out;
  for (auto const& rc : catalogue().all())
    if (rc.owner->name == "rpc") out.push_back(rc);
  return out;
}

std::string dump(transcript const& log) {
  std::string out;
  for (auto const& e : log.events()) {
    char const* dir = e.what == transcript_event::kind::sent ? ">>" : e.what == transcript_event::kind::received ? "<<" : "--";
    out += "    [" + std::to_string(e.connection) + "] " + dir + " " + h1::escape(e.data, 200) + "\n";
  }
  return out;
}

run_result run_all(char const* url, fault f) {
  run_settings settings;
  settings.jobs = 1;
  settings.seed = 1;
  runner r(settings, model(std::string_view(url).starts_with("ws"), f));
  auto t = *parse_target(url).value;
  t.offers.add(capability::rpc);
  return r.run({t}, rpc_cases());
}

void expect_compliant_passes(char const* url) {
  auto const result = run_all(url, fault::none);
  std::size_t ran = 0;
  for (auto const& r : result.cases) {
    if (r.status == verdict::skip) continue;  // a vector for the other transport
    ++ran;
    EXPECT_EQ(to_string(r.status), "pass") << r.which.def->id << ": " << r.message << "\n" << dump(r.log);
  }
  EXPECT_GT(ran, 80u);
}

void expect_faulty_fails(char const* url) {
  auto const result = run_all(url, fault::first_message);
  for (auto const& r : result.cases) {
    if (r.status == verdict::skip) continue;  // a vector for the other transport
    auto const want = r.which.def->level == requirement_level::should ? verdict::warn : verdict::fail;
    EXPECT_EQ(to_string(r.status), to_string(want)) << r.which.def->id << ": " << r.message << "\n" << dump(r.log);
    EXPECT_NE(r.message.find("expected "), std::string::npos) << r.which.def->id << ": " << r.message;
  }
}

TEST(RpcSelfTest, EveryWebSocketCasePassesOnTheCompliantPeer) { expect_compliant_passes("ws://127.0.0.1:8080/rpc"); }
TEST(RpcSelfTest, EveryWebSocketCaseFailsOnTheFaultyPeer) { expect_faulty_fails("ws://127.0.0.1:8080/rpc"); }
TEST(RpcSelfTest, EveryBatchCasePassesOnTheCompliantPeer) { expect_compliant_passes("http://127.0.0.1:8080/rpc"); }
TEST(RpcSelfTest, EveryBatchCaseFailsOnTheFaultyPeer) { expect_faulty_fails("http://127.0.0.1:8080/rpc"); }

// Skips name the transport; every vector applies to at least one transport.
TEST(RpcSelfTest, CasesOfTheOtherTransportSkipWithTheReason) {
  auto const ws = run_all("ws://127.0.0.1:8080/rpc", fault::none);
  auto const batch = run_all("http://127.0.0.1:8080/rpc", fault::none);
  ASSERT_EQ(ws.cases.size(), batch.cases.size());
  std::size_t ws_skips = 0, batch_skips = 0;
  for (std::size_t i = 0; i < ws.cases.size(); ++i) {
    bool const a = ws.cases[i].status == verdict::skip, b = batch.cases[i].status == verdict::skip;
    EXPECT_FALSE(a && b) << ws.cases[i].which.def->id;
    if (a) {
      EXPECT_NE(ws.cases[i].message.find("runs over batch only"), std::string::npos) << ws.cases[i].message;
    }
    if (b) {
      EXPECT_NE(batch.cases[i].message.find("runs over websocket only"), std::string::npos) << batch.cases[i].message;
    }
    ws_skips += a;
    batch_skips += b;
  }
  EXPECT_EQ(ws.cases.size(), 101u);
  EXPECT_EQ(ws.cases.size() - ws_skips, 93u);
  EXPECT_EQ(batch.cases.size() - batch_skips, 88u);
}

}  // namespace
}  // namespace conform::rpc_suite::testing
