#include <gtest/gtest.h>

#include <set>

#include "conformance/fuzz/h2_protocol.hpp"
#include "harness/engine/target.hpp"
#include "harness/http2/frame_builder.hpp"

namespace conform::fuzz {
namespace {

std::vector<std::string> seeds() { return make_h2_protocol()->seeds(*parse_target("http://127.0.0.1:1").value); }

TEST(H2Mutator, ReachesTheFieldsRfc9113Constrains) {
  auto const s = seeds();
  std::mt19937_64 a(8), b(8);
  std::set<std::string> outputs;
  bool stream0_data = false, reserved_bit = false, unknown_type = false;
  for (int i = 0; i < 3000; ++i) {
    auto const out = mutate_h2(s[1], s, a);
    EXPECT_EQ(out, mutate_h2(s[1], s, b));
    outputs.insert(out);
    for (auto const& unit : h2_units(out)) {
      if (unit.size() < 9) continue;
      auto const type = static_cast<unsigned char>(unit[3]);
      bool const stream0 = unit[5] == 0 && unit[6] == 0 && unit[7] == 0 && unit[8] == 0;
      stream0_data |= type == 0 && stream0;
      reserved_bit |= (static_cast<unsigned char>(unit[5]) & 0x80) != 0;
      unknown_type |= type > 9;
    }
  }
  EXPECT_GT(outputs.size(), 1000u);
  EXPECT_TRUE(stream0_data);
  EXPECT_TRUE(reserved_bit);
  EXPECT_TRUE(unknown_type);
}

TEST(H2Units, AreTheFramesThenTheRest) {
  auto const input = h2::settings().bytes() + h2::ping().bytes() + std::string(2, '\0');
  auto const units = h2_units(input);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0], h2::settings().bytes());
  EXPECT_EQ(units[2], std::string("\x00\x00", 2));
}

TEST(H2Mutator, SurvivesBytesThatDoNotFrame) {
  auto const s = seeds();
  std::mt19937_64 rng(2);
  for (std::string const& odd : {std::string(), std::string(8, '\xff'), std::string("\x00\x00\x05\x00", 4)})
    for (int i = 0; i < 200; ++i) (void)mutate_h2(odd, s, rng);
}

}  // namespace
}  // namespace conform::fuzz
