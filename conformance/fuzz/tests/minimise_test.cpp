#include "conformance/fuzz/minimise.hpp"

#include <gtest/gtest.h>

namespace conform::fuzz {
namespace {

TEST(Minimise, KeepsOnlyTheUnitsTheFindingNeeds) {
  std::vector<std::string> units = {"a", "B", "c", "d", "E", "f", "g", "h"};
  auto const r = minimise(units, [](std::string const& s) {
    return s.find('B') != std::string::npos && s.find('E') != std::string::npos;
  }, 1000);
  EXPECT_EQ(r.input, "BE");
  EXPECT_GT(r.attempts, 0u);
}

TEST(Minimise, StopsAtTheAttemptBound) {
  std::vector<std::string> units(64, "x");
  std::size_t calls = 0;
  auto const r = minimise(units, [&](std::string const&) { return ++calls, false; }, 10);
  EXPECT_EQ(calls, 10u);
  EXPECT_EQ(r.input.size(), 64u);  // nothing could go
}

TEST(Minimise, AnInputThatCannotShrinkIsKept) {
  auto const r = minimise({"only"}, [](std::string const&) { return true; }, 100);
  EXPECT_EQ(r.input, "only");
}

}  // namespace
}  // namespace conform::fuzz
