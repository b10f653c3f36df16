// `conform fuzz`: a bounded live-target fuzzing campaign (conformance/fuzz/). Every
// finding is minimised and written as a file `conform replay` runs again.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "conformance/fuzz/campaign.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/embedded_server.hpp"
#include "harness/cli/target_options.hpp"
#include "harness/engine/duration.hpp"
#include "harness/engine/runner.hpp"

namespace conform::cli {
namespace {

struct fuzz_options {
  target_options where;
  std::string suite;
  std::string time;
  std::uint64_t iterations = 0;
  std::uint64_t seed = 1;
  std::string deadline = "2s";
  std::size_t max_findings = 20;
  std::string out = "conform-fuzz";
};

void write_summary(fuzz::campaign_result const& r, fuzz_options const& o, std::vector<std::string> const& files) {
  nlohmann::ordered_json j;
  j["format"] = "conform-fuzz-run/1";
  j["suite"] = o.suite;
  j["seed"] = o.seed;
  j["iterations"] = r.iterations;
  j["elapsed_ms"] = r.elapsed.count();
  j["execs_per_second"] = r.elapsed.count() ? r.iterations * 1000.0 / static_cast<double>(r.elapsed.count()) : 0.0;
  j["corpus"] = r.corpus;
  j["notes"] = r.notes;
  j["findings"] = nlohmann::json::array();
  for (std::size_t i = 0; i < r.findings.size(); ++i)
    j["findings"].push_back({{"kind", fuzz::to_string(r.findings[i].kind)}, {"detail", r.findings[i].detail},
                             {"file", files[i]}, {"size", r.findings[i].input.size()},
                             {"original_size", r.findings[i].original_size}});
  std::ofstream(std::filesystem::path(o.out) / "fuzz.json") << j.dump(2) << "\n";
}

int fuzz(fuzz_options const& o) {
  auto const protocol = fuzz::make_protocol(o.suite);
  if (!protocol) {
    std::string known;
    for (auto s : fuzz::fuzzable_suites()) known += (known.empty() ? "" : ", ") + std::string(s);
    throw usage_error{"--suite: conform fuzz knows " + known + ", not '" + o.suite + "'"};
  }
  fuzz::campaign_settings s;
  if (!o.time.empty()) s.time = duration_flag(o.time, "--time");
  if (o.iterations) s.iterations = o.iterations;
  if (!s.time && !s.iterations) s.time = std::chrono::seconds(60);  // always bounded
  s.seed = o.seed;
  s.deadline = duration_flag(o.deadline, "--deadline");
  s.max_findings = o.max_findings;

  std::unique_ptr<embedded_server> embedded;
  if (o.where.urls.empty()) embedded = std::make_unique<embedded_server>();
  s.targets = resolve_targets(o.where, embedded ? embedded_url_for(*embedded, o.suite) : std::string{});
  auto const connect = target_connector(o.where, embedded != nullptr);
  for (auto const& t : s.targets)
    if (auto const why = check_reachable(t, connect, std::chrono::seconds(3)); !why.empty()) {
      std::cerr << "conform: cannot reach " << t.url << ": " << why << "\n";
      return unreachable;
    }

  std::cout << "fuzzing " << o.suite << " on " << s.targets.front().url
            << (s.targets.size() > 1 ? " and " + std::to_string(s.targets.size() - 1) + " more (differential)" : "")
            << ", seed " << s.seed << "\n";
  fuzz::campaign_result r;
  try {
    r = fuzz::run_campaign(*protocol, s, connect, [](std::string_view line) { std::cout << "  " << line << "\n" << std::flush; });
  } catch (fuzz::not_fuzzable const& e) {
    std::cerr << "conform: cannot fuzz " << o.suite << " on " << e.what() << "\n";
    return unreachable;
  }
  std::vector<std::string> files;
  for (auto f : r.findings) {
    if (embedded) f.targets.clear();  // its port dies with this process; replay starts its own
    files.push_back(fuzz::write_finding(f, std::filesystem::path(o.out) / "findings").string());
  }
  std::filesystem::create_directories(o.out);
  write_summary(r, o, files);
  for (auto const& n : r.notes) std::cout << "note: " << n << "\n";
  std::cout << r.iterations << " inputs in " << r.elapsed.count() / 1000.0 << " s ("
            << (r.elapsed.count() ? r.iterations * 1000 / static_cast<std::uint64_t>(r.elapsed.count()) : 0)
            << "/s), corpus " << r.corpus << ", " << r.findings.size() << " finding" << (r.findings.size() == 1 ? "" : "s") << "\n";
  for (std::size_t i = 0; i < files.size(); ++i)
    std::cout << "  " << fuzz::to_string(r.findings[i].kind) << ": " << r.findings[i].detail << "\n    " << files[i]
              << " (" << r.findings[i].input.size() << " bytes, from " << r.findings[i].original_size << ")\n";
  std::cout << "summary: " << (std::filesystem::path(o.out) / "fuzz.json").string() << "\n";
  return r.findings.empty() ? ok : failures;
}

}  // namespace

command add_fuzz_command(CLI::App& app) {
  auto o = std::make_shared<fuzz_options>();
  auto* cmd = app.add_subcommand("fuzz", "Fuzz a live target: mutated requests, crashes, hangs and protocol violations");
  add_target_options(*cmd, o->where);
  cmd->add_option("--suite", o->suite, "Protocol to fuzz: http1, ws, h2, rpc")->required()->type_name("S");
  cmd->add_option("--time", o->time, "Stop after this long (default 60s when --iterations is not given)")->type_name("DUR");
  cmd->add_option("--iterations", o->iterations, "Stop after this many inputs")->type_name("N");
  cmd->add_option("--seed", o->seed, "Seed of the mutations (default 1; the same seed replays the same campaign)");
  cmd->add_option("--deadline", o->deadline, "How long one input may take before it is a hang (default 2s)")->type_name("DUR");
  cmd->add_option("--max-findings", o->max_findings, "Stop after this many distinct findings (default 20)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  cmd->add_option("--out", o->out, "Write fuzz.json and findings/*.json into DIR (default conform-fuzz)")->type_name("DIR");
  cmd->footer(
      "Two or more --target: differential mode, the same inputs to each, reporting where their framing disagrees.\n"
      "Examples:\n"
      "  conform fuzz --suite http1 --time 30s                       the embedded reference server\n"
      "  conform fuzz --target http://127.0.0.1:8080 --suite http1 --iterations 5000 --seed 7\n"
      "  conform fuzz --target http://127.0.0.1:8080 --target http://127.0.0.1:8081 --suite http1 --time 5m\n"
      "  conform replay conform-fuzz/findings/hang-1a2b3c.json --target http://127.0.0.1:8080\n"
      "\nExit status: 0 no finding, 1 findings, 2 usage error, 3 target unreachable.");
  return [o] { return fuzz(*o); };
}

}  // namespace conform::cli
