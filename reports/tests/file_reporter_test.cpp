#include "reports/file_reporter.hpp"

#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "reports/json_report.hpp"
#include "reports/tests/sample_run.hpp"
#include "reports/tests/temp_dir.hpp"

namespace conform::reports {
namespace {

namespace fs = std::filesystem;

std::set<std::string> names_in(fs::path const& dir) {
  std::set<std::string> names;
  for (auto const& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

std::string parse_error(std::string_view list) {
  try {
    parse_formats(list);
  } catch (std::invalid_argument const& e) {
    return e.what();
  }
  return "no error";
}

TEST(parse_formats, reads_a_comma_separated_list) {
  using f = report_format;
  EXPECT_EQ(parse_formats("json,html"), (std::vector{f::json, f::html}));
  EXPECT_EQ(parse_formats(" md , junit,md"), (std::vector{f::md, f::junit}));
  EXPECT_EQ(parse_formats("all"), (std::vector{f::json, f::html, f::junit, f::md, f::badge}));
}

TEST(parse_formats, refuses_unknown_names_clearly) {
  EXPECT_EQ(parse_error("json,xml"), "unknown report format 'xml' (choose from json, html, junit, md, badge, or all)");
  EXPECT_EQ(parse_error("json,"), "an empty report format (choose from json, html, junit, md, badge, or all)");
  EXPECT_EQ(parse_error("JSON"), "unknown report format 'JSON' (choose from json, html, junit, md, badge, or all)");
}

TEST(file_reporter, writes_every_file_into_a_new_directory) {
  temp_dir tmp;
  auto const dir = tmp.path() / "out" / "run-1";
  file_reporter files(dir);
  auto const run = testing::sample_run();
  files.run_finished(run);
  EXPECT_EQ(names_in(dir), (std::set<std::string>{"report.json", "report.html", "junit.xml", "summary.md", "badge.svg",
                                                  "badge-http1.svg", "badge-ws.svg"}));
  EXPECT_EQ(files.written().size(), 7u);
  EXPECT_EQ(load_report(dir / "report.json"), to_json(run));
  for (auto const* name : {"report.html", "junit.xml", "summary.md"}) EXPECT_GT(fs::file_size(dir / name), 100u) << name;
}

TEST(file_reporter, writes_only_the_chosen_formats_and_replaces_old_files) {
  temp_dir tmp;
  std::ofstream(tmp.path() / "summary.md") << "old";
  file_reporter files(tmp.path(), parse_formats("md"));
  files.run_finished(testing::sample_run());
  EXPECT_EQ(names_in(tmp.path()), std::set<std::string>{"summary.md"});
  EXPECT_GT(fs::file_size(tmp.path() / "summary.md"), 100u);
}

TEST(file_reporter, an_unusable_directory_is_a_clear_error) {
  temp_dir tmp;
  std::ofstream(tmp.path() / "a-file") << "x";
  file_reporter files(tmp.path() / "a-file" / "out");
  try {
    files.run_finished(testing::sample_run());
    ADD_FAILURE() << "no error";
  } catch (report_write_error const& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("cannot create report directory '")) << e.what();
    EXPECT_TRUE(std::string(e.what()).find("a-file/out'") != std::string::npos) << e.what();
  }
}

TEST(file_reporter, a_file_that_cannot_be_replaced_is_a_clear_error) {
  temp_dir tmp;
  fs::create_directories(tmp.path() / "report.json" / "in-the-way");
  try {
    write_reports(to_json(testing::sample_run()), tmp.path(), {report_format::json});
    ADD_FAILURE() << "no error";
  } catch (report_write_error const& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("cannot write report '")) << e.what();
  }
  EXPECT_EQ(names_in(tmp.path()), std::set<std::string>{"report.json"});  // no temporary left behind
}

}  // namespace
}  // namespace conform::reports
