// report.json: the single source every other report format renders from. Its fields
// are a contract other tools read; docs/report-schema.md describes each one.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "harness/engine/registry.hpp"
#include "harness/engine/result.hpp"

namespace conform::reports {

// The schema this conform writes and reads; bumped when a field changes meaning or
// goes away (adding fields keeps the version).
inline constexpr std::string_view report_schema = "conform-report/1";

// A report file that cannot be used, with a message fit to print as is.
class report_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

nlohmann::json to_json(run_result const& run);

// A case's metadata as report.json and `conform list --format json` both carry it:
// id, suite, section, level, title, requirement, see_also, needs, exclusive, heavy.
nlohmann::json case_metadata(registered_case const& which);

// A transcript as report.json's "transcript" array: wire bytes as ISO-8859-1 code
// points, notes as text.
nlohmann::json transcript_json(transcript const& log);

// Reads a report written by to_json. Throws report_error naming the file and what is
// wrong: missing or unreadable, not JSON, another schema, a contract field missing.
nlohmann::json load_report(std::filesystem::path const& file);

// The first way `report` departs from the schema ("cases[3].verdict: expected one of
// pass, fail, ..."), or empty when it conforms.
std::string check_report(nlohmann::json const& report);

}  // namespace conform::reports
