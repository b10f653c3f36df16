#include "reports/junit.hpp"

#include <gtest/gtest.h>

#include "reports/gate.hpp"
#include "reports/json_report.hpp"
#include "reports/tests/sample_run.hpp"
#include "reports/tests/xml_check.hpp"

namespace conform::reports {
namespace {

bool has(std::string const& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

// Judged with --fail-on should, so WARN is a failure too.
nlohmann::json gated(nlohmann::json report, fail_on level, baseline const* known = nullptr) {
  annotate(report, gate(report, known, level, "2026-11-22"), known, level);
  return report;
}

class junit : public ::testing::Test {
 protected:
  std::string const xml_ = render_junit(gated(to_json(testing::sample_run()), fail_on::should));
};

TEST_F(junit, is_well_formed_xml) {
  EXPECT_EQ(testing::xml_problem(xml_), "");
  EXPECT_EQ(testing::python_xml_problem(xml_), "");
}

TEST_F(junit, carries_no_raw_control_characters) {
  for (std::size_t i = 0; i < xml_.size(); ++i) {
    auto const c = static_cast<unsigned char>(xml_[i]);
    EXPECT_TRUE(c >= 0x20 || c == '\n') << "byte " << int(c) << " at " << i;
  }
  EXPECT_FALSE(has(xml_, "]]>"));
  EXPECT_FALSE(has(xml_, "</script>"));
}

TEST_F(junit, counts_per_run_and_per_suite) {
  EXPECT_TRUE(has(xml_, R"(<testsuites name="conform" tests="7" failures="2" errors="1" skipped="1" time="0.912">)"));
  EXPECT_TRUE(has(xml_, R"(<testsuite name="http1" tests="5" failures="2" errors="0" skipped="1")"));
  EXPECT_TRUE(has(xml_, R"(<testsuite name="ws" tests="2" failures="0" errors="1" skipped="0")"));
}

TEST_F(junit, names_cases_by_id_and_topic) {
  EXPECT_TRUE(has(xml_, R"(<testcase name="http1/host/missing" classname="conform.http1.host" time="0.002">)"));
  EXPECT_TRUE(has(xml_, R"(<testcase name="http1/framing/te-cl-conflict" classname="conform.http1.framing")"));
  EXPECT_TRUE(has(xml_, R"(<testcase name="ws/5.7" classname="conform.ws" )"));
  EXPECT_TRUE(has(xml_, R"(<testcase name="ws/framing/6.5.3" classname="conform.ws.framing")"));
}

TEST_F(junit, maps_each_verdict) {
  EXPECT_TRUE(has(xml_, "<failure message=\"expected 400, got 200 OK\" type=\"FAIL\">RFC 9112 §3.2 (MUST): A request "
                        "without Host is rejected with 400\nRequirement: A server MUST respond"));
  EXPECT_TRUE(has(xml_, "<failure message=\"expected 400 | close,&#10;got 200 &lt;b&gt;OK&lt;/b&gt;\" type=\"WARN\">"));
  EXPECT_TRUE(has(xml_, "<error message=\"could not connect: Connection refused\" type=\"ERROR\">"));
  EXPECT_TRUE(has(xml_, "<skipped message=\"target does not offer status\"/>"));
  // INFO passes, with its message (control bytes spelt out) in system-out.
  EXPECT_TRUE(has(xml_, "<system-out>Server: nginx/1.22 \\x1b[31mred\\x1b[0m\n"));
  // A pass is an empty testcase.
  EXPECT_TRUE(has(xml_, R"(<testcase name="ws/framing/6.5.3" classname="conform.ws.framing" time="0.001"/>)"));
}

TEST_F(junit, shows_the_transcript_as_readable_text) {
  EXPECT_TRUE(has(xml_, "#1 send  GET / HTTP/1.1\\r\\n\n"));
  EXPECT_TRUE(has(xml_, "&lt;/script&gt;&lt;!-- ]]&gt; \\x01\\x7f\\xff"));
  EXPECT_TRUE(has(xml_, "\\x00\\x01\\x02"));
  EXPECT_TRUE(has(xml_, "#1 note  closed by the peer\n"));
}

TEST(junit_gate, warn_is_a_failure_only_when_it_gates) {
  auto const report = to_json(testing::sample_run());
  for (auto const& xml : {render_junit(report), render_junit(gated(report, fail_on::must))}) {
    EXPECT_FALSE(has(xml, "type=\"WARN\"")) << xml;
    EXPECT_TRUE(has(xml, R"(<testsuites name="conform" tests="7" failures="1" errors="1" skipped="1")"));
    // Not gating: passed, with the message and transcript in system-out.
    EXPECT_TRUE(has(xml, "<system-out>expected 400 | close,\ngot 200 &lt;b&gt;OK&lt;/b&gt;\n\n"));
  }
}

TEST(junit_gate, a_baselined_failure_is_skipped_with_the_reason) {
  auto const known = parse_baseline(nlohmann::json::parse(R"({"http1/host/missing": "tracked in #12"})"), "b.json");
  auto const xml = render_junit(gated(to_json(testing::sample_run()), fail_on::must, &known));
  EXPECT_EQ(testing::xml_problem(xml), "");
  EXPECT_TRUE(has(xml, "<skipped message=\"known failure (baseline: tracked in #12); fail: expected 400, got 200 OK\"/>"));
  EXPECT_TRUE(has(xml, R"(<testsuites name="conform" tests="7" failures="0" errors="1" skipped="2")"));
}

TEST(junit_gate, carries_the_close_verdict) {
  auto report = to_json(testing::sample_run());
  report["cases"][0]["close"] = {{"verdict", "wrong_code"}, {"expected", {1002}}, {"received", 1000},
                                 {"reason", "bye\x01"}, {"clean", true}, {"closed_by", "target"}};
  auto const xml = render_junit(report);
  EXPECT_TRUE(has(xml, "close: wrong_code, expected 1002, got 1000 \"bye\\x01\" (closed by target, clean)")) << xml;
}

TEST(junit_targets, names_suites_by_target_when_there_are_several) {
  auto const xml = render_junit(gated(to_json(testing::sample_run_two_targets()), fail_on::should));
  EXPECT_EQ(testing::xml_problem(xml), "");
  EXPECT_TRUE(has(xml, R"(<testsuite name="http1 @ http://127.0.0.1:8080/" tests="5")"));
  EXPECT_TRUE(has(xml, R"(<testsuite name="ws @ http://127.0.0.1:8081/" tests="2")"));
  EXPECT_TRUE(has(xml, R"(<testsuites name="conform" tests="14" failures="4" errors="2" skipped="2")"));
}

}  // namespace
}  // namespace conform::reports
