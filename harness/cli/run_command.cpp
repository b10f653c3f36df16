// `conform run`: probe the targets, run the selected cases, stream progress, write the
// report files, and exit with a status a CI job can gate on.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <thread>

#include "conformance/index.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/embedded_server.hpp"
#include "harness/cli/gating.hpp"
#include "harness/cli/target_options.hpp"
#include "harness/engine/duration.hpp"
#include "harness/engine/runner.hpp"
#include "harness/net/dial.hpp"
#include "reports/console_reporter.hpp"
#include "reports/file_reporter.hpp"
#include "reports/gate.hpp"
#include "reports/json_report.hpp"
#include "reports/junit.hpp"

namespace conform::cli {
namespace {

struct run_options {
  target_options where;
  std::vector<std::string> suites;
  std::vector<std::string> cases;
  std::vector<std::string> skips;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency()) * 4;
  std::string timeout = "10s";
  std::string read_timeout = "2s";
  std::uint64_t seed = 0;
  bool seed_given = false;
  std::string out;
  std::string formats = "json,html,junit,md,badge";
  std::string junit;
  std::vector<std::string> headers;
  std::vector<std::string> params;
  bool strict = false;
  std::string fail_on = "must";
  std::string baseline;
  bool heavy = false;
  bool quiet = false;
  bool verbose = false;
};

std::uint64_t random_seed() {
  std::random_device rd;
  // Below 2^53, so JavaScript reads the seed in report.json exactly.
  return ((std::uint64_t{rd()} << 32) | rd()) & ((std::uint64_t{1} << 53) - 1);
}

std::vector<target> parse_targets(run_options const& o, std::string const& embedded_url) {
  auto out = resolve_targets(o.where, embedded_url);
  for (auto& t : out) {
    for (auto const& h : o.headers) {
      auto const colon = h.find(':');
      if (colon == std::string::npos || colon == 0) throw usage_error{"--header '" + h + "': expected Name: value"};
      auto value = h.substr(colon + 1);
      value.erase(0, value.find_first_not_of(" \t"));
      t.extra_headers.emplace_back(h.substr(0, colon), value);
    }
    for (auto const& p : o.params)
      if (auto problem = t.params.set(p)) throw usage_error{*problem};
  }
  return out;
}

int run(run_options const& o) {
  selection sel{.suites = o.suites, .cases = o.cases, .skips = o.skips, .heavy = o.heavy};
  for (auto const& s : sel.suites)
    if (!catalogue().find_suite(s)) throw usage_error{"--suite: no suite named '" + s + "' (conform list shows them)"};
  auto const cases = catalogue().select(sel);
  if (cases.empty()) throw usage_error{"no case matches the selection (conform list shows the catalogue)"};

  run_settings settings;
  settings.jobs = std::max(1u, o.jobs);
  settings.times = {duration_flag(o.timeout, "--timeout"), duration_flag(o.read_timeout, "--read-timeout")};
  settings.seed = o.seed_given ? o.seed : random_seed();
  settings.conform_version = CONFORM_VERSION;
  auto formats = reports::parse_formats(o.formats);

  // No --target: the reference server, in this process, on an ephemeral port.
  std::unique_ptr<embedded_server> embedded;
  if (o.where.urls.empty()) embedded = std::make_unique<embedded_server>();
  auto targets = parse_targets(o, embedded ? embedded->url() : std::string{});

  auto const connect = target_connector(o.where, embedded != nullptr);
  for (auto const& t : targets) {
    auto const why = check_reachable(t, connect, std::chrono::seconds(3));
    if (!why.empty()) {
      std::cerr << "conform: cannot reach " << t.url << ": " << why << "\n";
      return unreachable;
    }
  }

  runner r(settings, connect);
  bool const live = !o.quiet && isatty(STDOUT_FILENO);
  auto const verbosity = o.quiet ? reports::console_verbosity::quiet
                                 : o.verbose ? reports::console_verbosity::verbose : reports::console_verbosity::normal;
  reports::console_reporter console(std::cout, live, verbosity);
  r.add_reporter(console);
  // Read the baseline before the run, so a bad file costs nothing.
  gate_options const gating{.fail_on = o.strict ? "should" : o.fail_on, .baseline_file = o.baseline};
  if (!gating.baseline_file.empty()) (void)reports::load_baseline(gating.baseline_file);

  auto const result = r.run(std::move(targets), cases);
  auto report = reports::to_json(result);
  // Without a baseline every gating case is new, and the console has listed them already.
  std::ostringstream gate_lines;
  int const status = apply_gate(report, gating, gate_lines);
  if (!gating.baseline_file.empty()) std::cout << gate_lines.str();
  if (!o.out.empty()) {
    reports::write_reports(report, o.out, formats);
    std::cout << "report: " << (std::filesystem::path(o.out) / "report.html").string() << "\n";
  }
  if (!o.junit.empty()) {
    std::ofstream junit(o.junit, std::ios::binary);
    junit << reports::render_junit(report);
    if (!junit) throw std::runtime_error("cannot write " + o.junit);
  }
  return status;
}

}  // namespace

int run_single_case(target_options const& where, std::string const& case_id) {
  run_options o;
  o.where = where;
  o.cases = {case_id};
  o.jobs = 1;
  o.verbose = true;
  o.heavy = true;  // named explicitly, so run even when heavy
  return run(o);
}

command add_run_command(CLI::App& app) {
  auto o = std::make_shared<run_options>();
  auto* cmd = app.add_subcommand("run", "Run conformance cases against a target (default: the embedded reference server)");
  add_target_options(*cmd, o->where);
  cmd->add_option("--suite", o->suites, "Only these suites (comma-separated): http1")->delimiter(',')->type_name("S,...");
  cmd->add_option("--case", o->cases, "Only cases whose id matches (glob; 'http1/host' selects the group)")->type_name("GLOB");
  cmd->add_option("--skip", o->skips, "Leave out cases whose id matches (glob)")->type_name("GLOB");
  cmd->add_option("--jobs,-j", o->jobs, "Cases run at once (default: 4 per core)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--timeout", o->timeout, "Time limit of one case (default 10s)")->type_name("DUR");
  cmd->add_option("--read-timeout", o->read_timeout, "How long to wait for any one answer (default 2s)")->type_name("DUR");
  auto* seed = cmd->add_option("--seed", o->seed, "Seed for anything random (recorded in the report)");
  cmd->add_option("--out", o->out, "Write report.json, report.html, junit.xml, summary.md and badges into DIR")->type_name("DIR");
  cmd->add_option("--format", o->formats, "Report files to write with --out (default json,html,junit,md,badge)")->type_name("LIST");
  cmd->add_option("--junit", o->junit, "Also write JUnit XML to FILE")->type_name("FILE");
  cmd->add_option("--header", o->headers, "Add 'Name: value' to every well-formed request")->type_name("K:V");
  std::string param_help = "Set a threshold of the limit cases; keys and defaults:";
  for (auto const& p : known_params()) param_help += "\n  " + std::string(p.key) + "=" + std::to_string(p.fallback) + "  " + std::string(p.meaning);
  cmd->add_option("--param", o->params, param_help)->type_name("KEY=VALUE");
  cmd->add_option("--fail-on", o->fail_on, "must (default): FAIL and ERROR fail the run; should: WARN too")->type_name("LEVEL");
  cmd->add_flag("--strict", o->strict, "Same as --fail-on should");
  cmd->add_option("--baseline", o->baseline, "Known failures (JSON: case id -> reason): only others fail the run")
      ->check(CLI::ExistingFile)->type_name("FILE");
  cmd->add_flag("--heavy", o->heavy, "Include cases marked heavy (load, large payloads)");
  cmd->add_flag("--quiet,-q", o->quiet, "Only failures and the summary, no progress line");
  cmd->add_flag("--verbose,-v", o->verbose, "Every case, and the transcript of each that did not pass");
  cmd->footer(
      "Examples:\n"
      "  conform run                                          the embedded reference server\n"
      "  conform run --target http://127.0.0.1:8080 --out report\n"
      "  conform run --target https://localhost:8443 --ca ca.pem --case 'http1/content-length/*'\n"
      "  conform run --target http://127.0.0.1:8080 --skip http1/expect --junit junit.xml\n"
      "  conform run --target http://127.0.0.1:8080 --baseline known-failures.json --out report\n"
      "\nExit status: 0 all required cases passed (or every failure is in --baseline), 1 failures (FAIL or\n"
      "ERROR; WARN too with --fail-on should), 2 usage error, 3 target unreachable.");
  return [o, seed] {
    o->seed_given = seed->count() > 0;
    return run(*o);
  };
}

}  // namespace conform::cli
