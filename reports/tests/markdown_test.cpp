#include "reports/markdown.hpp"

#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "reports/gate.hpp"
#include "reports/json_report.hpp"
#include "reports/tests/sample_run.hpp"

namespace conform::reports {
namespace {

bool has(std::string const& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

std::vector<std::string> lines_of(std::string const& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Cell separators: pipes not escaped with a backslash.
std::size_t separators(std::string const& row) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < row.size(); ++i)
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++n;
  return n;
}

TEST(markdown, headline_counts_every_verdict) {
  auto const md = render_markdown(to_json(testing::sample_run()));
  EXPECT_EQ(lines_of(md).at(0),
            "### conform: ❌ 7 cases, 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error in 912 ms (seed 42)");
}

TEST(markdown, counts_by_suite_and_verdict_per_target) {
  auto const md = render_markdown(to_json(testing::sample_run()));
  EXPECT_TRUE(has(md, "#### http://127.0.0.1:8080/ (embedded reference)\n"));
  EXPECT_TRUE(has(md, "| suite | total | pass | fail | warn | info | skip | error |\n"));
  EXPECT_TRUE(has(md, "| http1 | 5 | 1 | 1 | 1 | 1 | 1 | · |\n"));
  EXPECT_TRUE(has(md, "| ws | 2 | 1 | · | · | · | · | 1 |\n"));
  EXPECT_TRUE(has(md, "| **all** | 7 | 2 | 1 | 1 | 1 | 1 | 1 |\n"));
}

TEST(markdown, lists_every_case_that_did_not_pass) {
  auto const md = render_markdown(to_json(testing::sample_run()));
  EXPECT_TRUE(has(md, "| http1/host/missing | MUST | **fail** | expected 400, got 200 OK |\n"));
  EXPECT_TRUE(has(md, "| http1/limits/long-uri | MAY | **skip** | target does not offer status |\n"));
  EXPECT_TRUE(has(md, "| ws/5.7 | MUST | **error** | could not connect: Connection refused |\n"));
  EXPECT_FALSE(has(md, "te-cl-conflict"));
}

TEST(markdown, escapes_pipes_newlines_and_markup) {
  auto const md = render_markdown(to_json(testing::sample_run()));
  EXPECT_TRUE(has(md, "| http1/host/duplicate | SHOULD | **warn** | expected 400 \\| close,<br>got 200 \\<b\\>OK\\</b\\> |\n"));
  EXPECT_TRUE(has(md, "Server: nginx/1.22 \\\\x1b\\[31mred"));
  for (auto const& line : lines_of(md)) {
    if (line.starts_with("| id |") || line.starts_with("| http1/") || line.starts_with("| ws/")) {
      EXPECT_EQ(separators(line), 5u) << line;
    }
    if (line.starts_with("| suite |")) {
      EXPECT_EQ(separators(line), 9u) << line;
    }
    for (char c : line) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << line;
  }
}

TEST(markdown, cell_escaping) {
  EXPECT_EQ(markdown_cell("a|b"), "a\\|b");
  EXPECT_EQ(markdown_cell("a\r\nb"), "a\\\\r<br>b");
  EXPECT_EQ(markdown_cell("*x* `y` [z](w)"), "\\*x\\* \\`y\\` \\[z\\](w)");
}

TEST(markdown, names_the_target_of_each_case_when_there_are_several) {
  auto const md = render_markdown(to_json(testing::sample_run_two_targets()));
  EXPECT_TRUE(has(md, "#### http://127.0.0.1:8081/\n"));
  EXPECT_TRUE(has(md, "| id | target | level | verdict | message |\n"));
  EXPECT_TRUE(has(md, "| ws/5.7 | http://127.0.0.1:8081/ | MUST | **error** |"));
}

TEST(markdown, says_so_when_everything_passed) {
  auto run = testing::sample_run();
  for (auto& c : run.cases) c.status = verdict::pass;
  auto const md = render_markdown(to_json(run));
  EXPECT_TRUE(md.starts_with("### conform: ✅ 7 cases, 7 pass in 912 ms"));
  EXPECT_TRUE(has(md, "Every case passed.\n"));
}

TEST(markdown, shows_the_gate_known_failures_and_close_verdicts) {
  auto report = to_json(testing::sample_run());
  report["cases"][0]["close"] = {{"verdict", "unclean"}, {"expected", {1000}}, {"received", nullptr}, {"reason", ""},
                                 {"clean", false}, {"closed_by", "none"}};
  auto const known = parse_baseline(nlohmann::json::parse(R"({"http1/host/missing": "tracked in #12", "ws/5.7": "refused"})"),
                                    "known.json");
  annotate(report, gate(report, &known, fail_on::must, "2026-11-22"), &known, fail_on::must);
  auto const md = render_markdown(report);
  EXPECT_TRUE(md.starts_with("### conform: ✅ ")) << md;  // every gating failure is known
  EXPECT_TRUE(has(md, "**Gate passed** (fail on MUST, baseline known.json).\n")) << md;
  EXPECT_TRUE(has(md, "expected 400, got 200 OK<br>close: unclean, expected 1000, got no close code (closed by none, unclean)"
                      "<br>known (baseline): tracked in \\#12 |")) << md;
}

TEST(markdown, a_failed_gate_names_the_new_failures) {
  auto report = to_json(testing::sample_run());
  annotate(report, gate(report, nullptr, fail_on::should, "2026-11-22"), nullptr, fail_on::should);
  auto const md = render_markdown(report);
  EXPECT_TRUE(md.starts_with("### conform: ❌ "));
  EXPECT_TRUE(has(md, "**Gate failed** (fail on SHOULD): new failures http1/host/missing, ")) << md;
}

}  // namespace
}  // namespace conform::reports
