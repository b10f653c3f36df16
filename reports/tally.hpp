// Counting a report's cases: per verdict, and grouped by target and suite, as the
// console line, the Markdown tables and the JUnit suites all need.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/engine/result.hpp"

namespace conform::reports {

// The cases of one suite on one target, in report order.
struct suite_group {
  std::size_t target = 0;
  std::string suite;
  verdict_counts counts;
  double duration_ms = 0;
  std::vector<nlohmann::json const*> cases;  // into the report
};

// Groups in order of first appearance: target by target, suites in catalogue order.
std::vector<suite_group> group_by_suite(nlohmann::json const& report);

verdict_counts counts_of(nlohmann::json const& summary);

// "38 pass, 1 fail, 1 skip": pass always, the other verdicts when they occurred.
std::string counts_phrase(verdict_counts const& counts);

// The verdict a report case reached (report.json spells it in lowercase).
verdict verdict_of(nlohmann::json const& report_case);

}  // namespace conform::reports
