// The matrix: several runs (or one run of several targets) side by side, one row per
// case and one column per target, as Autobahn's index.html. Rows where the targets
// reached different verdicts are marked, so interop differences stand out.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform::reports {

struct matrix_run {
  std::string label;    // what the column heading calls the run (its file name)
  std::string link;     // the run's own report.html, relative to the matrix page
  nlohmann::json report;  // report.json's content
};

// {"schema": "conform-matrix/1", "columns": [{label, url, link, target, summary}],
//  "cases": [{id, suite, section, level, title, disagree, results: [{verdict, message,
//  close} or null per column]}]}: cases in order of first appearance; a case a column
// did not run is null there. Messages are cut at 300 bytes (the run pages keep them).
nlohmann::json matrix_json(std::vector<matrix_run> const& runs);

}  // namespace conform::reports
