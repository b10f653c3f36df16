// The malformed-message storm (issue 6): every malformed vector, over and over, against
// the reference server in this process, over HTTP batch and WebSocket. The server must
// keep serving and its memory must stay flat.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>

#include "reference/rpc/tests/live_peer.hpp"
#include "reference/server/server.hpp"

namespace conform::reference::rpc {
namespace {

using namespace std::chrono_literals;

// Every message that must abort a session: the error value vectors as echo arguments
// and the first send of each session vector that expects an abort.
std::vector<std::string> malformed_messages() {
  std::vector<std::string> out;
  json const values = testing::load_vectors("values.json");
  json const sessions = testing::load_vectors("sessions.json");
  for (auto const& v : values["vectors"]) {
    if (!v.contains("error")) continue;
    out.push_back(to_wire(json::array({"push", json::array({"pipeline", 0, json::array({"echo"}),
                                                             json::array({v["wire"]})})})));
  }
  for (auto const& v : sessions["vectors"]) {
    auto const& steps = v["steps"];
    if (steps.size() == 2 && steps[0].contains("send") && steps[1].contains("expect_abort")) {
      for (auto const& m : steps[0]["send"]) {
        out.push_back(m.is_object() && m.contains("$raw") ? m["$raw"].get<std::string>() : to_wire(m));
      }
    }
  }
  return out;
}

std::size_t resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
  }
  return 0;
}

void storm(std::uint16_t port, std::vector<std::string> const& messages,
           std::chrono::milliseconds length) {
  auto const end = std::chrono::steady_clock::now() + length;
  while (std::chrono::steady_clock::now() < end) {
    for (auto const& m : messages) {
      testing::http_batch(port, "POST", m);
      auto ws = testing::connect_websocket(port);
      ws->send(m);
      ws->collect([](auto const& got) { return !got.empty(); }, 1000);
    }
  }
}

TEST(RpcStorm, MalformedMessagesLeaveTheServerServingWithFlatMemory) {
  server s{server_options{}};
  s.start();
  auto const port = s.ports().front();
  auto const messages = malformed_messages();
  ASSERT_GE(messages.size(), 60u);
  storm(port, messages, 300ms);  // warm-up: pools, caches and allocator arenas fill
  auto const before = resident_kib();
  storm(port, messages, 2000ms);
  auto const after = resident_kib();
  auto reply = testing::http_batch(port, "POST", "[\"push\",[\"pipeline\",0,[\"square\"],[9]]]\n[\"pull\",1]");
  EXPECT_EQ(reply.body, "[\"resolve\",1,81]");
  // Sanitizer builds keep freed memory in quarantine; the bound is for plain builds.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__has_feature)
  EXPECT_LT(after, before + 16 * 1024) << "RSS grew from " << before << " KiB to " << after << " KiB";
#elif defined(__has_feature)
#if !__has_feature(address_sanitizer)
  EXPECT_LT(after, before + 16 * 1024) << "RSS grew from " << before << " KiB to " << after << " KiB";
#endif
#endif
  (void)before;
  (void)after;
}

}  // namespace
}  // namespace conform::reference::rpc
