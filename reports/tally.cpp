#include "reports/tally.hpp"

#include <algorithm>

namespace conform::reports {

verdict verdict_of(nlohmann::json const& report_case) {
  return parse_verdict(report_case.at("verdict").get<std::string>()).value_or(verdict::error);
}

std::vector<suite_group> group_by_suite(nlohmann::json const& report) {
  std::vector<suite_group> groups;
  for (auto const& c : report.at("cases")) {
    auto const target = c.at("target").get<std::size_t>();
    auto const& suite = c.at("suite").get_ref<std::string const&>();
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](suite_group const& g) { return g.target == target && g.suite == suite; });
    if (it == groups.end()) it = groups.insert(groups.end(), suite_group{target, suite, {}, 0, {}});
    it->counts.add(verdict_of(c));
    it->duration_ms += c.at("duration_ms").get<double>();
    it->cases.push_back(&c);
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](suite_group const& a, suite_group const& b) { return a.target < b.target; });
  return groups;
}

verdict_counts counts_of(nlohmann::json const& summary) {
  verdict_counts counts;
  for (auto v : all_verdicts) {
    auto const n = summary.at(std::string(to_string(v))).get<std::size_t>();
    counts.by_verdict[static_cast<std::size_t>(v)] = n;
    counts.total += n;
  }
  return counts;
}

std::string counts_phrase(verdict_counts const& counts) {
  std::string out;
  for (auto v : all_verdicts) {
    if (v != verdict::pass && counts[v] == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(counts[v]) + " " + std::string(to_string(v));
  }
  return out;
}

}  // namespace conform::reports
