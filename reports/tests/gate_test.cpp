#include "reports/gate.hpp"

#include <gtest/gtest.h>

#include "reports/json_report.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

json report_of(std::vector<std::pair<std::string, std::string>> const& verdicts) {
  auto cases = json::array();
  for (auto const& [id, v] : verdicts) cases.push_back({{"id", id}, {"verdict", v}, {"message", "expected 400, got 200"}});
  return {{"cases", cases}};
}

std::vector<std::string> ids(std::vector<json const*> const& cases) {
  std::vector<std::string> out;
  for (auto const* c : cases) out.push_back(c->at("id"));
  return out;
}

TEST(gate, fail_on_decides_whether_warn_gates) {
  EXPECT_TRUE(gates("fail", fail_on::must));
  EXPECT_TRUE(gates("error", fail_on::must));
  EXPECT_FALSE(gates("warn", fail_on::must));
  EXPECT_TRUE(gates("warn", fail_on::should));
  EXPECT_FALSE(gates("skip", fail_on::should));
  EXPECT_EQ(parse_fail_on("should"), fail_on::should);
  EXPECT_EQ(parse_fail_on("MAY"), std::nullopt);
}

TEST(gate, without_a_baseline_every_gating_case_is_new) {
  auto const report = report_of({{"a", "pass"}, {"b", "fail"}, {"c", "warn"}, {"d", "error"}});
  auto const r = gate(report, nullptr, fail_on::must, "2026-11-22");
  EXPECT_EQ(ids(r.new_failures), (std::vector<std::string>{"b", "d"}));
  EXPECT_TRUE(r.failed());
}

TEST(gate, baseline_excuses_listed_cases_until_they_expire) {
  auto const report = report_of({{"a", "pass"}, {"b", "fail"}, {"c", "fail"}, {"d", "fail"}});
  auto const b = parse_baseline(json::parse(R"({"a": "fixed since", "b": "known",
      "c": {"reason": "until March", "expires": "2026-11-21"}, "d": {"reason": "today still", "expires": "2026-11-22"},
      "z": "not in this run"})"), "known.json");
  auto const r = gate(report, &b, fail_on::must, "2026-11-22");
  EXPECT_TRUE(r.new_failures.empty());
  EXPECT_EQ(ids(r.expired), std::vector<std::string>{"c"});
  EXPECT_EQ(ids(r.known), (std::vector<std::string>{"b", "d"}));
  EXPECT_EQ(r.now_passing, std::vector<std::string>{"a"});
  EXPECT_EQ(r.not_run, std::vector<std::string>{"z"});
  EXPECT_TRUE(r.failed());
  auto const text = gate_text(r, &b);
  EXPECT_NE(text.find("baseline entry expired on 2026-11-21: c (fail) gates again; it was accepted because: until March"),
            std::string::npos);
  EXPECT_NE(text.find("baseline: a passes now; its entry in known.json can go"), std::string::npos);
}

TEST(gate, a_case_failing_on_one_target_is_not_passing_now) {
  auto const report = report_of({{"a", "pass"}, {"a", "fail"}});
  auto const b = parse_baseline(json::parse(R"({"a": "fails on the second target"})"), "b.json");
  auto const r = gate(report, &b, fail_on::must, "2026-11-22");
  EXPECT_TRUE(r.now_passing.empty());
  EXPECT_FALSE(r.failed());
}

TEST(gate, bad_baselines_are_refused_with_the_entry) {
  auto const error = [](char const* text) {
    try {
      (void)parse_baseline(json::parse(text), "b.json");
    } catch (report_error const& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(error("[1]"), "baseline 'b.json': expected a JSON object of case id -> reason");
  EXPECT_EQ(error(R"({"a": 1})"), "baseline 'b.json': \"a\": expected a reason (string) or {\"reason\": ..., \"expires\": ...}");
  EXPECT_EQ(error(R"({"a": {}})"), "baseline 'b.json': \"a\".reason: expected a string");
  EXPECT_EQ(error(R"({"a": {"reason": "r", "expires": "31.12.2026"}})"), "baseline 'b.json': \"a\".expires: expected a date, YYYY-MM-DD");
}

TEST(gate, write_baseline_lists_fail_warn_and_error_once) {
  auto const report = report_of({{"a", "pass"}, {"b", "fail"}, {"c", "warn"}, {"d", "skip"}, {"e", "error"}, {"b", "fail"}});
  auto const written = json::parse(write_baseline(report));
  EXPECT_EQ(written, json::parse(R"({"b": {"reason": "fail: expected 400, got 200"},
      "c": {"reason": "warn: expected 400, got 200"}, "e": {"reason": "error: expected 400, got 200"}})"));
  // What it writes, it reads.
  EXPECT_EQ(parse_baseline(written, "w").entries.size(), 3u);
}

TEST(gate, annotate_writes_the_decision_into_the_report) {
  auto report = report_of({{"a", "fail"}, {"b", "fail"}});
  auto const b = parse_baseline(json::parse(R"({"a": "known"})"), "k.json");
  auto const r = gate(report, &b, fail_on::should, "2026-11-22");
  annotate(report, r, &b, fail_on::should);
  EXPECT_EQ(report["gate"], json::parse(R"({"fail_on": "should", "baseline": "k.json", "passed": false,
      "new_failures": ["b"], "now_passing": []})"));
  EXPECT_EQ(report["cases"][0]["baseline"], json::parse(R"({"reason": "known", "expires": "", "expired": false})"));
  EXPECT_FALSE(report["cases"][1].contains("baseline"));
}

TEST(gate, today_is_a_date) {
  auto const today = today_utc();
  ASSERT_EQ(today.size(), 10u);
  EXPECT_EQ(today[4], '-');
  EXPECT_GE(today, "2026-01-01");
}

}  // namespace
}  // namespace conform::reports
