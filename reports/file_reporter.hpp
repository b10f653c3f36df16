// The report files of a run (`--out DIR`, `--format json,html,junit,md`): built once
// from the finished run's JSON and written into the directory, each file atomically,
// so a reader never sees half a report.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/engine/reporter.hpp"

namespace conform::reports {

enum class report_format { json, html, junit, md, badge };

inline constexpr report_format all_report_formats[] = {report_format::json, report_format::html, report_format::junit,
                                                       report_format::md, report_format::badge};

std::string_view to_string(report_format);   // "json", "html", "junit", "md", "badge"
// "report.json", "report.html", "junit.xml", "summary.md", "badge.svg" (badge also writes
// one badge-SUITE.svg per suite).
std::string_view file_name(report_format);

// Reads a --format list ("json,html"; spaces allowed, repeats ignored, "all" for every
// format), in the order given. Throws std::invalid_argument with a message fit to print:
// "unknown report format 'xml' (choose from json, html, junit, md)".
std::vector<report_format> parse_formats(std::string_view list);

// A report file that could not be written, with a message fit to print as is.
class report_write_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `report` (report.json's content) in each format into `dir`, creating it.
// Returns the files written. Throws report_write_error.
std::vector<std::filesystem::path> write_reports(nlohmann::json const& report, std::filesystem::path const& dir,
                                                 std::vector<report_format> const& formats);

class file_reporter : public reporter {
 public:
  explicit file_reporter(std::filesystem::path dir,
                         std::vector<report_format> formats = {std::begin(all_report_formats),
                                                               std::end(all_report_formats)});

  // Throws report_write_error; the runner lets it through to the CLI.
  void run_finished(run_result const& run) override;

  std::vector<std::filesystem::path> const& written() const { return written_; }

 private:
  std::filesystem::path dir_;
  std::vector<report_format> formats_;
  std::vector<std::filesystem::path> written_;
};

}  // namespace conform::reports
