#include "reports/badge.hpp"

#include <gtest/gtest.h>

#include "reports/json_report.hpp"
#include "reports/tests/sample_run.hpp"
#include "reports/tests/xml_check.hpp"

namespace conform::reports {
namespace {

bool has(std::string const& s, std::string const& part) { return s.find(part) != std::string::npos; }

TEST(badge, one_for_the_run_and_one_per_suite) {
  auto const badges = render_badges(to_json(testing::sample_run()));
  ASSERT_EQ(badges.size(), 3u);
  EXPECT_EQ(badges[0].name, "badge.svg");
  EXPECT_EQ(badges[1].name, "badge-http1.svg");
  EXPECT_EQ(badges[2].name, "badge-ws.svg");
  for (auto const& b : badges) EXPECT_EQ(testing::xml_problem(b.svg), "") << b.name;
}

TEST(badge, value_is_passed_of_judged_and_colour_follows) {
  auto const badges = render_badges(to_json(testing::sample_run()));
  // sample_run: 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error -> 2 of 5 judged, red
  EXPECT_TRUE(has(badges[0].svg, "<title>conform: 2/5</title>"));
  EXPECT_TRUE(has(badges[0].svg, "fill=\"#e05d44\""));
}

TEST(badge, escapes_and_sizes_its_text) {
  auto const svg = badge_svg("a<b", "1/1", "#4c1");
  EXPECT_TRUE(has(svg, "<title>a&lt;b: 1/1</title>"));
  EXPECT_TRUE(has(svg, "fill=\"#4c1\""));
  EXPECT_EQ(testing::xml_problem(svg), "");
  auto const wide = badge_svg("conform-http1", "146/147", "#4c1");
  auto const narrow = badge_svg("c", "1/1", "#4c1");
  auto const width = [](std::string const& s) { return std::stoi(s.substr(s.find("width=\"") + 7)); };
  EXPECT_GT(width(wide), width(narrow));
}

}  // namespace
}  // namespace conform::reports
