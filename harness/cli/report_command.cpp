// `conform report`: renders report files again from report.json, or merges several runs
// into a matrix with one column per target (as Autobahn's index.html). Also gates, so a
// CI job can apply a baseline to a run made elsewhere.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "harness/cli/commands.hpp"
#include "harness/cli/gating.hpp"
#include "reports/file_reporter.hpp"
#include "reports/html.hpp"
#include "reports/json_report.hpp"
#include "reports/matrix.hpp"

namespace conform::cli {
namespace {

namespace fs = std::filesystem;

struct report_options {
  std::vector<std::string> files;
  std::string out;
  std::string formats = "html,junit,md,badge";
  gate_options gating;
  bool strict = false;
};

std::vector<reports::report_format> formats_of(std::string const& list) {
  try {
    return reports::parse_formats(list);
  } catch (std::invalid_argument const& e) {
    throw usage_error{std::string("--format: ") + e.what()};
  }
}

// A column heading: the run's directory ("nginx" for nginx/report.json), else the file.
std::string run_label(fs::path const& file) {
  auto const dir = fs::absolute(file).parent_path().filename().string();
  return dir.empty() ? file.filename().string() : dir;
}

// Several runs: each run's own files in DIR/run-N/, and DIR/matrix.html linking to them.
int matrix(report_options const& o, std::vector<nlohmann::json>& reports_in) {
  std::vector<reports::matrix_run> runs;
  int status = ok;
  for (std::size_t i = 0; i < reports_in.size(); ++i) {
    auto const sub = "run-" + std::to_string(i + 1);
    std::cout << o.files[i] << ":\n";
    status = std::max(status, apply_gate(reports_in[i], o.gating, std::cout));
    reports::write_reports(reports_in[i], fs::path(o.out) / sub, formats_of(o.formats));
    runs.push_back({.label = run_label(o.files[i]),
                    .link = sub + "/report.html",
                    .report = std::move(reports_in[i])});
  }
  auto const page = reports::render_matrix_html(reports::matrix_json(runs));
  auto const file = fs::path(o.out) / "matrix.html";
  std::ofstream out(file, std::ios::binary);
  out << page;
  if (!out) throw std::runtime_error("cannot write " + file.string());
  std::cout << "matrix: " << file.string() << "\n";
  return status;
}

int report(report_options o) {
  if (o.strict) o.gating.fail_on = "should";
  std::vector<nlohmann::json> runs;
  for (auto const& f : o.files) runs.push_back(reports::load_report(f));
  if (o.out.empty()) {  // no files: gate only
    int status = ok;
    for (auto& r : runs) status = std::max(status, apply_gate(r, o.gating, std::cout));
    return status;
  }
  if (runs.size() > 1) return matrix(o, runs);
  int const status = apply_gate(runs.front(), o.gating, std::cout);
  reports::write_reports(runs.front(), o.out, formats_of(o.formats));
  std::cout << "report: " << (fs::path(o.out) / "report.html").string() << "\n";
  return status;
}

}  // namespace

command add_report_command(CLI::App& app) {
  auto o = std::make_shared<report_options>();
  auto* cmd = app.add_subcommand("report", "Render report.json again, or merge several runs into a matrix; gate on a baseline");
  cmd->add_option("reports", o->files, "report.json files of earlier runs")->required()->check(CLI::ExistingFile)->type_name("RUN.json");
  cmd->add_option("--out", o->out, "Write the files into DIR (several runs: DIR/matrix.html and DIR/run-N/)")->type_name("DIR");
  cmd->add_option("--format", o->formats, "Files to write (default html,junit,md,badge; json too with json)")->type_name("LIST");
  cmd->add_option("--fail-on", o->gating.fail_on, "must (default): FAIL and ERROR fail; should: WARN too")->type_name("LEVEL");
  cmd->add_flag("--strict", o->strict, "Same as --fail-on should");
  cmd->add_option("--baseline", o->gating.baseline_file, "Known failures (JSON: case id -> reason): only others fail")
      ->check(CLI::ExistingFile)->type_name("FILE");
  cmd->footer(
      "Examples:\n"
      "  conform report report/report.json --out report            render report.html again\n"
      "  conform report nginx/report.json h2o/report.json --out matrix\n"
      "  conform report report/report.json --baseline known.json   gate only: exit 0 or 1\n"
      "\nExit status: 0 nothing gating failed, 1 failures, 2 usage error (a file that is not a report).");
  return [o] { return report(*o); };
}

}  // namespace conform::cli
