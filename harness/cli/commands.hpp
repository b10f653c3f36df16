// The `conform` subcommands. Each registers its options on the CLI11 app and returns
// the function that runs it; the function returns the process exit status.
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace conform::cli {

// Exit statuses (DESIGN.md): 0 all required cases passed, 1 failures, 2 usage error,
// 3 target unreachable.
enum exit_status : int { ok = 0, failures = 1, usage = 2, unreachable = 3 };

// A usage error found after parsing (a bad URL, no case selected): exits 2.
struct usage_error {
  std::string message;
};

using command = std::function<int()>;

command add_run_command(CLI::App& app);
command add_list_command(CLI::App& app);
command add_serve_command(CLI::App& app);
command add_report_command(CLI::App& app);
command add_baseline_command(CLI::App& app);
command add_fuzz_command(CLI::App& app);
command add_replay_command(CLI::App& app);

struct target_options;
// One case, verbose, its transcript on the terminal (`conform replay CASE-ID`).
int run_single_case(target_options const& where, std::string const& case_id);

}  // namespace conform::cli
