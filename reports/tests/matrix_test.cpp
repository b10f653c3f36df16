#include "reports/matrix.hpp"

#include <gtest/gtest.h>

#include "reports/html.hpp"
#include "reports/json_report.hpp"
#include "reports/tests/sample_run.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

TEST(matrix, one_column_per_target_of_each_run) {
  auto const one = to_json(testing::sample_run());
  auto const two = to_json(testing::sample_run_two_targets());
  auto const m = matrix_json({{.label = "a", .link = "run-1/report.html", .report = one},
                              {.label = "b", .link = "run-2/report.html", .report = two}});
  EXPECT_EQ(m.at("schema"), "conform-matrix/1");
  ASSERT_EQ(m.at("columns").size(), 3u);
  EXPECT_EQ(m["columns"][0]["label"], "a");
  EXPECT_EQ(m["columns"][1]["label"], "b [1]");
  EXPECT_EQ(m["columns"][2]["link"], "run-2/report.html");
  EXPECT_EQ(m["columns"][0]["summary"]["total"], 7);
  ASSERT_EQ(m.at("cases").size(), 7u);  // the same ids in every run: one row each
  for (auto const& row : m["cases"]) EXPECT_EQ(row["results"].size(), 3u);
}

TEST(matrix, disagreement_and_missing_cases) {
  auto a = to_json(testing::sample_run());
  auto b = a;
  b["cases"][0]["verdict"] = b["cases"][0]["verdict"] == "pass" ? "fail" : "pass";
  b["cases"].erase(b["cases"].size() - 1);
  b["cases"][1]["close"] = {{"verdict", "unclean"}, {"expected", {1000}}, {"received", nullptr}, {"reason", ""},
                            {"clean", false}, {"closed_by", "none"}};
  auto const m = matrix_json({{.label = "a", .link = "", .report = a}, {.label = "b", .link = "", .report = b}});
  EXPECT_TRUE(m["cases"][0]["disagree"]);
  EXPECT_FALSE(m["cases"][1]["disagree"]);
  EXPECT_EQ(m["cases"][1]["results"][1]["close"], "unclean");
  auto const& last = m["cases"][m["cases"].size() - 1];
  EXPECT_TRUE(last["results"][1].is_null());
  EXPECT_FALSE(last["disagree"]);  // not run is not a disagreement
}

TEST(matrix, long_messages_are_cut_and_the_page_is_script_safe) {
  auto a = to_json(testing::sample_run());
  a["cases"][0]["message"] = std::string(1000, 'x') + "</script>";
  auto const m = matrix_json({{.label = "a", .link = "", .report = a}});
  EXPECT_EQ(m["cases"][0]["results"][0]["message"].get<std::string>(), std::string(300, 'x') + "…");
  a["cases"][1]["title"] = "</script><b>";
  auto const page = render_matrix_html(matrix_json({{.label = "a</script>", .link = "", .report = a}}));
  EXPECT_EQ(page.find("</script><b>"), std::string::npos);
  EXPECT_NE(page.find("id=\"matrix-head\""), std::string::npos);
}

}  // namespace
}  // namespace conform::reports
