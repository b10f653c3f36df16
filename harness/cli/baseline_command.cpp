// `conform baseline write REPORT.json`: a baseline listing every current failure, to
// commit beside a CI job so the job fails only on new ones.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "harness/cli/commands.hpp"
#include "reports/gate.hpp"
#include "reports/json_report.hpp"

namespace conform::cli {

command add_baseline_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("baseline", "Make a baseline of known failures from a report");
  cmd->require_subcommand(1);
  auto* write = cmd->add_subcommand("write", "Print a baseline listing every FAIL, WARN and ERROR of REPORT");
  write->add_option("report", *file, "report.json of a run")->required()->check(CLI::ExistingFile)->type_name("REPORT.json");
  cmd->footer(
      "Examples:\n"
      "  conform baseline write report/report.json > conform-baseline.json\n"
      "  conform run --target http://127.0.0.1:8080 --baseline conform-baseline.json\n"
      "\nEach entry is case id -> {\"reason\": ...}; add \"expires\": \"YYYY-MM-DD\" to make it gate again\n"
      "after that day.");
  return [file] {
    std::cout << reports::write_baseline(reports::load_report(*file));
    return ok;
  };
}

}  // namespace conform::cli
