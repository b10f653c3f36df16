// `conform list`: the case catalogue as text, JSON or Markdown.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "conformance/index.hpp"
#include "harness/cli/commands.hpp"
#include "reports/catalogue.hpp"

namespace conform::cli {
namespace {

struct list_options {
  std::vector<std::string> suites;
  std::vector<std::string> cases;
  std::string format = "text";
};

int list(list_options const& o) {
  auto const format = reports::parse_catalogue_format(o.format);
  if (!format) throw usage_error{"--format: '" + o.format + "' is not one of text, json, md"};
  for (auto const& s : o.suites)
    if (!catalogue().find_suite(s)) throw usage_error{"--suite: no suite named '" + s + "'"};
  auto const cases = catalogue().select({.suites = o.suites, .cases = o.cases, .skips = {}, .heavy = true});
  std::cout << reports::render_catalogue(cases, *format);
  return ok;
}

}  // namespace

command add_list_command(CLI::App& app) {
  auto o = std::make_shared<list_options>();
  auto* cmd = app.add_subcommand("list", "Print the catalogue of cases");
  cmd->add_option("--suite", o->suites, "Only these suites (comma-separated)")->delimiter(',')->type_name("S,...");
  cmd->add_option("--case", o->cases, "Only cases whose id matches (glob)")->type_name("GLOB");
  cmd->add_option("--format", o->format, "text (default), json or md")->type_name("FORMAT");
  cmd->footer(
      "Examples:\n"
      "  conform list\n"
      "  conform list --suite http1 --format md > docs/cases.md\n"
      "  conform list --case 'http1/chunked/*' --format json");
  return [o] { return list(*o); };
}

}  // namespace conform::cli
