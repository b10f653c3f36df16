// Whether a run fails a CI job. Two knobs: which verdicts gate (--fail-on must: FAIL and
// ERROR; should: WARN too) and a baseline of known failures (--baseline FILE) that
// excuses listed cases until their entry expires. The verdicts themselves never change:
// the gate is written beside them into the report (top-level "gate", per-case
// "baseline"), so JUnit, Markdown and HTML show the same decision the exit status made.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform::reports {

enum class fail_on { must, should };

std::optional<fail_on> parse_fail_on(std::string_view name);  // "must", "should"
std::string_view to_string(fail_on level);

// One known failure: why it is accepted for now, and until when (YYYY-MM-DD, or empty
// for no end). An entry past its date gates again.
struct baseline_entry {
  std::string reason;
  std::string expires;
};

// A baseline file: a JSON object, case id -> reason text, or -> {"reason": ...,
// "expires": "YYYY-MM-DD"}. An id names the case on every target of the run.
struct baseline {
  std::string source;  // the file, for messages
  std::map<std::string, baseline_entry> entries;
};

// Throws report_error naming the file and the entry at fault.
baseline parse_baseline(nlohmann::json const& document, std::string source);
baseline load_baseline(std::filesystem::path const& file);

// A baseline listing every case of `report` that did not pass or was not judged
// (fail, warn, error), each with its verdict and message as the reason; pretty JSON.
std::string write_baseline(nlohmann::json const& report);

struct gate_result {
  std::vector<nlohmann::json const*> new_failures;  // gating and not in the baseline
  std::vector<nlohmann::json const*> expired;       // gating, baseline entry past its date
  std::vector<nlohmann::json const*> known;         // gating verdict excused by the baseline
  std::vector<std::string> now_passing;             // baseline ids that passed: the entry can go
  std::vector<std::string> not_run;                 // baseline ids not in this run
  bool failed() const { return !new_failures.empty() || !expired.empty(); }
};

// `today` is YYYY-MM-DD (UTC); `known` may be null (no baseline).
gate_result gate(nlohmann::json const& report, baseline const* known, fail_on level, std::string_view today);

// Writes the decision into the report: top-level "gate" {fail_on, baseline, passed,
// new_failures, now_passing} and per case "baseline" {reason, expires, expired} for
// each case a baseline entry names.
void annotate(nlohmann::json& report, gate_result const& result, baseline const* known, fail_on level);

// Lines for the terminal: the new failures by id, expired entries, entries that can go.
std::string gate_text(gate_result const& result, baseline const* known);

// Today's date in UTC, YYYY-MM-DD.
std::string today_utc();

// Whether a case's verdict gates at `level` ("fail" and "error" always, "warn" at should).
bool gates(std::string_view verdict, fail_on level);

}  // namespace conform::reports
