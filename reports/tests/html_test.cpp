#include "reports/html.hpp"

#include <gtest/gtest.h>

#include "reports/json_report.hpp"
#include "reports/tests/sample_run.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

constexpr std::string_view data_open = R"(<script type="application/json" id="report-data">)";

bool has(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

std::size_t occurrences(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

class html : public ::testing::Test {
 protected:
  void SetUp() override {
    auto const begin = page_.find(data_open);
    ASSERT_NE(begin, std::string::npos);
    auto const end = page_.find("</script>", begin);
    ASSERT_NE(end, std::string::npos);
    data_ = std::string_view(page_).substr(begin + data_open.size(), end - begin - data_open.size());
    rest_ = page_.substr(0, begin) + page_.substr(end);
  }

  run_result const run_ = testing::sample_run();
  json const report_ = to_json(run_);
  std::string const page_ = render_html(report_);
  std::string_view data_;
  std::string rest_;  // the page without the embedded data
};

TEST_F(html, is_one_page_with_style_and_script_inline) {
  EXPECT_TRUE(page_.starts_with("<!DOCTYPE html>"));
  EXPECT_TRUE(has(rest_, "prefers-color-scheme: dark"));
  EXPECT_TRUE(has(rest_, "@media print"));
  EXPECT_TRUE(has(rest_, "JSON.parse(document.getElementById(\"report-data\").textContent)"));
  EXPECT_FALSE(has(page_, "{{"));
}

TEST_F(html, loads_nothing_from_the_network) {
  EXPECT_FALSE(has(rest_, "http://"));
  // The one address in the page is the base of the links to RFC sections, which the
  // reader may follow; the page itself fetches nothing.
  EXPECT_EQ(occurrences(rest_, "https://"), occurrences(rest_, "\"https://www.rfc-editor.org/rfc/rfc\""));
  EXPECT_EQ(occurrences(rest_, "https://"), 1u);
  EXPECT_FALSE(has(rest_, "src="));
  EXPECT_FALSE(has(rest_, "href="));
  EXPECT_FALSE(has(rest_, "url("));
  EXPECT_FALSE(has(rest_, "@import"));
  EXPECT_TRUE(has(rest_, "content=\"default-src 'none';"));  // and forbids it
}

TEST_F(html, embedded_data_cannot_leave_its_script_element) {
  EXPECT_FALSE(has(data_, "<"));  // so no "</script", no "<!--"
  EXPECT_EQ(occurrences(page_, "</script>"), 2u);
  EXPECT_EQ(occurrences(page_, "<script"), 2u);
}

TEST_F(html, embeds_the_report_json) {
  auto const embedded = json::parse(data_);
  EXPECT_EQ(embedded.at("schema"), "conform-report/1");
  EXPECT_EQ(embedded.at("seed"), 42);  // small seeds stay numbers
  auto const& c = embedded.at("cases").at(0);
  EXPECT_EQ(c.at("transcript").at(2).at("data"), report_.at("cases").at(0).at("transcript").at(2).at("data"));
  EXPECT_TRUE(has(c.at("transcript").at(2).at("data").get<std::string>(), "</script><!-- ]]>"));
  // JavaScript would round a seed above 2^53, so the page gets it as text.
  EXPECT_EQ(c.at("seed"), "1311768467463790320");
  auto expected = report_;
  for (auto& each : expected.at("cases")) each.at("seed") = std::to_string(each.at("seed").get<std::uint64_t>());
  EXPECT_EQ(embedded, expected);
}

TEST_F(html, placeholders_inside_the_data_stay_data) {
  auto run = testing::sample_run();
  run.cases[0].message = "{{script}} {{data}}";
  auto const page = render_html(to_json(run));
  EXPECT_EQ(occurrences(page, "{{script}} {{data}}"), 1u);
  EXPECT_EQ(occurrences(page, "JSON.parse(document.getElementById(\"report-data\")"), 1u);
}

}  // namespace
}  // namespace conform::reports
