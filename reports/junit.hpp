// junit.xml for CI test tabs (GitHub test reporters, GitLab, Jenkins), rendered from
// report.json. JUnit knows pass, failure, error and skipped only: docs/report-schema.md
// says how conform's six verdicts map onto them.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform::reports {

std::string render_junit(nlohmann::json const& report);

}  // namespace conform::reports
