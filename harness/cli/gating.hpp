// The CI gate shared by `conform run` and `conform report`: --fail-on and --baseline
// applied to a report, the decision written into it (reports/gate.hpp) and told on the
// terminal, and the exit status that follows.
#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

namespace conform::cli {

struct gate_options {
  std::string fail_on = "must";  // must | should
  std::string baseline_file;     // empty: none
};

// Throws usage_error for a bad --fail-on, reports::report_error for a bad baseline.
// Returns ok or failures.
int apply_gate(nlohmann::json& report, gate_options const& options, std::ostream& out);

}  // namespace conform::cli
