#include <gtest/gtest.h>

#include <set>

#include "conformance/fuzz/ws_protocol.hpp"
#include "harness/engine/target.hpp"
#include "harness/websocket/frame.hpp"

namespace conform::fuzz {
namespace {

std::vector<std::string> seeds() { return make_ws_protocol()->seeds(*parse_target("ws://127.0.0.1:1/ws").value); }

TEST(WsMutator, ChangesFramesFieldByFieldAndDeterministically) {
  auto const s = seeds();
  std::mt19937_64 a(4), b(4);
  std::set<std::string> outputs;
  bool rsv = false, unmasked = false, reserved_op = false;
  for (int i = 0; i < 3000; ++i) {
    auto const out = mutate_ws(s[0], s, a);
    EXPECT_EQ(out, mutate_ws(s[0], s, b));
    outputs.insert(out);
    if (out.size() < 2) continue;
    auto const first = static_cast<unsigned char>(out[0]), second = static_cast<unsigned char>(out[1]);
    rsv |= (first & 0x70) != 0;
    unmasked |= (second & 0x80) == 0;
    reserved_op |= (first & 0x0f) == 3;
  }
  EXPECT_GT(outputs.size(), 500u);
  EXPECT_TRUE(rsv);
  EXPECT_TRUE(unmasked);
  EXPECT_TRUE(reserved_op);
}

TEST(WsMutator, SurvivesBytesThatDoNotFrame) {
  auto const s = seeds();
  std::mt19937_64 rng(2);
  for (std::string const& odd : {std::string(), std::string("\xff\xff\xff"), std::string(10, '\x7f')})
    for (int i = 0; i < 200; ++i) (void)mutate_ws(odd, s, rng);
}

TEST(WsUnits, AreTheFramesThenTheRest) {
  auto const input = ws::encode(ws::text_frame("a")) + ws::encode(ws::control_frame(ws::opcode::ping, "p")) + "\x81";
  auto const units = ws_units(input);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0], ws::encode(ws::text_frame("a")));
  EXPECT_EQ(units[2], "\x81");
}

}  // namespace
}  // namespace conform::fuzz
