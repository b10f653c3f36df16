#include <gtest/gtest.h>

#include <set>

#include "conformance/fuzz/http1_protocol.hpp"
#include "harness/engine/target.hpp"

namespace conform::fuzz {
namespace {

std::vector<std::string> seeds() {
  auto t = *parse_target("http://127.0.0.1:8080").value;
  return make_http1_protocol()->seeds(t);
}

TEST(Http1Mutator, SeedsAreTheBasicsPlusEveryRequestVector) {
  auto const s = seeds();
  EXPECT_GT(s.size(), 200u);
  EXPECT_EQ(s.front(), "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
}

TEST(Http1Mutator, TheSameSeedMutatesTheSameWay) {
  auto const s = seeds();
  std::mt19937_64 a(5), b(5);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(mutate_http1(s[2], s, a), mutate_http1(s[2], s, b));
}

TEST(Http1Mutator, ReachesManyDifferentInputsAndEveryKindOfChange) {
  auto const s = seeds();
  std::mt19937_64 rng(1);
  std::set<std::string> outputs;
  bool bare_lf = false, dup_te = false, glued = false;
  for (int i = 0; i < 3000; ++i) {
    auto const out = mutate_http1(s[2], s, rng);  // the chunked POST
    outputs.insert(out);
    bare_lf |= out.find("chunked\n") != std::string::npos;
    dup_te |= out.find("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked") != std::string::npos;
    glued |= out.find("0\r\n\r\nGET / HTTP/1.1") != std::string::npos;
  }
  EXPECT_GT(outputs.size(), 1000u);
  EXPECT_TRUE(bare_lf);
  EXPECT_TRUE(dup_te);
  EXPECT_TRUE(glued);
}

TEST(Http1Mutator, SurvivesEveryShapeOfInput) {
  auto const s = seeds();
  std::mt19937_64 rng(9);
  std::vector<std::string> const odd_inputs = {"", "\n", "\r\n\r\n", "no lines at all", "A B\n\nbody", std::string(2, '\0')};
  for (auto const& odd : odd_inputs)
    for (int i = 0; i < 300; ++i) (void)mutate_http1(odd, s, rng);
  for (auto const& seed : s)
    for (int i = 0; i < 20; ++i) (void)mutate_http1(seed, s, rng);
}

TEST(Http1Units, ConcatenateBackToTheInput) {
  std::string const in = "POST / HTTP/1.1\r\nA: b\r\n\r\n5\r\nhello\r\n0\r\n\r\ntail";
  auto const units = http1_units(in);
  std::string joined;
  for (auto const& u : units) joined += u;
  EXPECT_EQ(joined, in);
  EXPECT_EQ(units.size(), 8u);
}

}  // namespace
}  // namespace conform::fuzz
