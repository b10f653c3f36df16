// `conform replay`: a fuzz finding sent again (does it still show?), or one case run
// verbose with its transcript on the terminal.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

#include "conformance/fuzz/campaign.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/embedded_server.hpp"
#include "harness/cli/target_options.hpp"
#include "harness/engine/runner.hpp"

namespace conform::cli {
namespace {

struct replay_options {
  target_options where;
  std::string what;
  std::string deadline = "2s";
};

void print_transcript(transcript const& log) {
  for (auto const& e : log.events()) {
    char const* arrow = e.what == transcript_event::kind::sent ? " > " : e.what == transcript_event::kind::received ? " < " : " # ";
    std::cout << "  [" << e.connection << "]" << arrow
              << (e.what == transcript_event::kind::note ? e.data : fuzz::escape_bytes(e.data)) << "\n";
  }
}

int replay_finding(replay_options const& o) {
  auto const f = fuzz::read_finding(o.what);
  auto const protocol = fuzz::make_protocol(f.suite);
  if (!protocol) throw usage_error{o.what + ": conform cannot replay suite '" + f.suite + "'"};
  auto where = o.where;
  // Without --target, the finding's own targets, if they are loopback (the file says
  // where it was found; a file from elsewhere must not send traffic off this machine).
  std::unique_ptr<embedded_server> embedded;
  if (where.urls.empty()) {
    where.urls = f.targets;
    if (where.urls.empty()) embedded = std::make_unique<embedded_server>();
  }
  auto const targets = resolve_targets(where, embedded ? embedded_url_for(*embedded, f.suite) : std::string{});
  auto const connect = target_connector(where, embedded != nullptr);
  auto const deadline = duration_flag(o.deadline, "--deadline");
  for (auto const& t : targets)
    if (auto const why = check_reachable(t, connect, std::chrono::seconds(3)); !why.empty()) {
      std::cerr << "conform: cannot reach " << t.url << ": " << why << "\n";
      return unreachable;
    }
  std::vector<std::string> notes;
  fuzz::judge_options jo{.deadline = deadline, .closes_half_closed = fuzz::calibrate(*protocol, targets, connect, deadline, notes),
                         .check_health = true};
  transcript log;
  auto const j = fuzz::judge(*protocol, f.input, targets, connect, jo, &log);
  std::cout << "finding: " << fuzz::to_string(f.kind) << ": " << f.detail << "\n";
  print_transcript(log);
  for (auto const& n : notes) std::cout << "note: " << n << "\n";
  if (j.kind == f.kind) {
    std::cout << "still shows: " << fuzz::to_string(*j.kind) << ": " << j.detail << "\n";
    return failures;
  }
  std::cout << "does not show any more" << (j.kind ? " as a " + std::string(fuzz::to_string(f.kind)) + " (now: " +
                                                         std::string(fuzz::to_string(*j.kind)) + ": " + j.detail + ")"
                                                   : std::string{})
            << "\n";
  return j.kind ? failures : ok;
}

}  // namespace

command add_replay_command(CLI::App& app) {
  auto o = std::make_shared<replay_options>();
  auto* cmd = app.add_subcommand("replay", "Send a fuzz finding again, or run one case verbose");
  cmd->add_option("what", o->what, "A finding file written by conform fuzz, or a case id")->required()->type_name("FILE|CASE");
  add_target_options(*cmd, o->where);
  cmd->add_option("--deadline", o->deadline, "How long the input may take before it is a hang (default 2s)")->type_name("DUR");
  cmd->footer(
      "Examples:\n"
      "  conform replay conform-fuzz/findings/hang-1a2b3c.json --target http://127.0.0.1:8080\n"
      "  conform replay http1/host/missing --target http://127.0.0.1:8080\n"
      "\nExit status: a finding: 0 it no longer shows, 1 it (or another finding) still shows; a case: as conform run.");
  return [o] {
    if (std::filesystem::is_regular_file(o->what)) return replay_finding(*o);
    if (o->what.ends_with(".json")) throw usage_error{o->what + ": no such finding file"};
    return run_single_case(o->where, o->what);
  };
}

}  // namespace conform::cli
