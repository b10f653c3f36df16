#include "reports/matrix.hpp"

#include <map>
#include <set>

#include "reports/byte_text.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

constexpr std::size_t max_message_bytes = 300;

std::string cut(std::string const& s) {
  if (s.size() <= max_message_bytes) return s;
  auto at = max_message_bytes;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return s.substr(0, at) + "…";
}

json result_cell(json const& c) {
  json cell = {{"verdict", c.at("verdict")}, {"message", cut(c.at("message").get<std::string>())}};
  if (auto const close = c.find("close"); close != c.end() && close->is_object() && close->contains("verdict"))
    cell["close"] = close->at("verdict");
  if (auto const b = c.find("baseline"); b != c.end()) cell["baseline"] = true;
  return cell;
}

}  // namespace

json matrix_json(std::vector<matrix_run> const& runs) {
  auto columns = json::array();
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> column_of;  // (run, target) -> column
  for (std::size_t r = 0; r < runs.size(); ++r) {
    auto const& targets = runs[r].report.at("targets");
    for (std::size_t t = 0; t < targets.size(); ++t) {
      column_of[{r, t}] = columns.size();
      auto label = runs[r].label;
      if (targets.size() > 1) label += " [" + std::to_string(t + 1) + "]";
      json counts = {{"total", 0}, {"pass", 0}, {"fail", 0}, {"warn", 0}, {"info", 0}, {"skip", 0}, {"error", 0}};
      for (auto const& c : runs[r].report.at("cases"))
        if (c.at("target").get<std::size_t>() == t) {
          counts["total"] = counts["total"].get<std::size_t>() + 1;
          auto& n = counts[c.at("verdict").get<std::string>()];
          n = n.get<std::size_t>() + 1;
        }
      columns.push_back({{"label", valid_utf8(label)},
                         {"url", targets[t].at("url")},
                         {"embedded", targets[t].at("embedded")},
                         {"link", runs[r].link},
                         {"target", t},
                         {"conform_version", runs[r].report.at("conform_version")},
                         {"started", runs[r].report.at("started")},
                         {"summary", std::move(counts)}});
    }
  }
  auto cases = json::array();
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < runs.size(); ++r)
    for (auto const& c : runs[r].report.at("cases")) {
      auto const& id = c.at("id").get_ref<std::string const&>();
      auto [it, added] = row_of.try_emplace(id, cases.size());
      if (added)
        cases.push_back({{"id", id},
                         {"suite", c.at("suite")},
                         {"section", c.at("section")},
                         {"level", c.at("level")},
                         {"title", c.at("title")},
                         {"results", json(std::vector<json>(columns.size()))}});
      cases[it->second]["results"][column_of.at({r, c.at("target").get<std::size_t>()})] = result_cell(c);
    }
  // Disagreement: two columns that both ran the case reached different verdicts.
  for (auto& row : cases) {
    std::set<std::string> seen;
    for (auto const& cell : row.at("results"))
      if (!cell.is_null()) seen.insert(cell.at("verdict").get<std::string>());
    row["disagree"] = seen.size() > 1;
  }
  return {{"schema", "conform-matrix/1"}, {"columns", std::move(columns)}, {"cases", std::move(cases)}};
}

}  // namespace conform::reports
