#include <gtest/gtest.h>

#include <set>

#include "conformance/fuzz/rpc_protocol.hpp"
#include "harness/engine/target.hpp"

namespace conform::fuzz {
namespace {

std::vector<std::string> seeds() { return make_rpc_protocol()->seeds(*parse_target("ws://127.0.0.1:1/rpc").value); }

TEST(RpcMutator, ChangesMessagesAsJsonAndAsASequence) {
  auto const s = seeds();
  std::mt19937_64 a(6), b(6);
  std::set<std::string> outputs;
  bool release = false, deep = false, tag_swap = false;
  for (int i = 0; i < 3000; ++i) {
    auto const out = mutate_rpc(s[0], s, a);
    EXPECT_EQ(out, mutate_rpc(s[0], s, b));
    outputs.insert(out);
    release |= out.find("[\"release\"") != std::string::npos;
    deep |= out.find("[[[[[[[[[[") != std::string::npos;
    tag_swap |= out.find("[\"remap\"") != std::string::npos || out.find("\"bigint\"") != std::string::npos;
  }
  EXPECT_GT(outputs.size(), 1000u);
  EXPECT_TRUE(release);
  EXPECT_TRUE(deep);
  EXPECT_TRUE(tag_swap);
}

TEST(RpcMutator, SurvivesWhatIsNotJson) {
  auto const s = seeds();
  std::mt19937_64 rng(1);
  for (std::string const& odd : {std::string(), std::string("\n\n"), std::string("[\"push\""), std::string(5000, '[')})
    for (int i = 0; i < 200; ++i) (void)mutate_rpc(odd, s, rng);
}

TEST(RpcUnits, AreTheMessages) {
  auto const units = rpc_units("[\"pull\",1]\n[\"release\",1,1]");
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0], "[\"pull\",1]\n");
  EXPECT_EQ(units[1], "[\"release\",1,1]");
}

TEST(RpcJudge, KnowsCapnWebMessagesFromOthers) {
  EXPECT_EQ(judge_rpc_message(R"(["resolve",1,9])"), "");
  EXPECT_EQ(judge_rpc_message(R"(["abort",["error","Error","x"]])"), "");
  EXPECT_EQ(judge_rpc_message("{"), "a message that is not JSON");
  EXPECT_EQ(judge_rpc_message("{}"), "a message that is not an array starting with its type");
  EXPECT_EQ(judge_rpc_message(R"(["hello"])"), "a message of unknown type \"hello\"");
}

}  // namespace
}  // namespace conform::fuzz
