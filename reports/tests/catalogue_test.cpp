#include "reports/catalogue.hpp"

#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "reports/json_report.hpp"
#include "reports/tests/sample_run.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

std::string const& catalogue(catalogue_format f) {
  static std::string const text = render_catalogue(testing::sample_registry().all(), catalogue_format::text);
  static std::string const as_json = render_catalogue(testing::sample_registry().all(), catalogue_format::json);
  static std::string const md = render_catalogue(testing::sample_registry().all(), catalogue_format::md);
  return f == catalogue_format::text ? text : f == catalogue_format::json ? as_json : md;
}

// The column where `needle` starts on `line`, counting code points.
std::size_t column_of(std::string const& line, std::string_view needle) {
  auto const at = line.find(needle);
  std::size_t col = 0;
  for (std::size_t i = 0; i < at; ++i) col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  return col;
}

TEST(catalogue, parses_its_format_names) {
  EXPECT_EQ(parse_catalogue_format("text"), catalogue_format::text);
  EXPECT_EQ(parse_catalogue_format("json"), catalogue_format::json);
  EXPECT_EQ(parse_catalogue_format("md"), catalogue_format::md);
  EXPECT_EQ(parse_catalogue_format("html"), std::nullopt);
}

TEST(catalogue, text_aligns_its_columns) {
  std::istringstream in(catalogue(catalogue_format::text));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_TRUE(lines[0].starts_with("id "));
  auto const level_col = column_of(lines[0], "level"), title_col = column_of(lines[0], "title");
  EXPECT_EQ(column_of(lines[1], "MUST"), level_col);
  EXPECT_EQ(column_of(lines[2], "SHOULD"), level_col);
  EXPECT_EQ(column_of(lines[1], "A request without Host"), title_col);
  EXPECT_EQ(column_of(lines[5], "What the Server field says"), title_col);  // after "RFC 9110 §10.2.4"
}

TEST(catalogue, json_carries_the_case_metadata_without_verdicts) {
  auto const cases = json::parse(catalogue(catalogue_format::json));
  ASSERT_EQ(cases.size(), 7u);
  std::set<std::string> keys;
  for (auto const& [key, value] : cases[0].items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "suite", "section", "level", "title", "requirement", "see_also", "needs",
                                         "exclusive", "heavy"}));
  EXPECT_EQ(cases[0].at("see_also"), json({"h1spec:host-1"}));
  EXPECT_EQ(cases[3].at("heavy"), true);
  // The same fields, with the same values, as the run report's cases.
  auto const report = to_json(testing::sample_run());
  for (auto const& [key, value] : cases[0].items()) EXPECT_EQ(report.at("cases")[0].at(key), value) << key;
}

TEST(catalogue, markdown_has_a_table_per_suite) {
  auto const& md = catalogue(catalogue_format::md);
  EXPECT_TRUE(md.starts_with("# Case catalogue\n\n7 cases in 2 suites. Generated from the registry"));
  EXPECT_NE(md.find("\n## http1\n\nHTTP/1.1 message syntax and routing\n\n5 cases.\n\n| id | level | section | title | see also |\n"),
            std::string::npos);
  EXPECT_NE(md.find("\n## ws\n\nWebSocket\n\n2 cases.\n"), std::string::npos);
  EXPECT_NE(md.find("| http1/host/duplicate | SHOULD | RFC 9112 §3.2 | Two Host fields \\| are rejected |  |\n"), std::string::npos);
}

}  // namespace
}  // namespace conform::reports
