// conform — protocol conformance harness with a reference implementation.
//
//   conform run   [--target URL]... [--suite S] [--case GLOB]... [--out DIR]   test a server
//   conform list  [--suite S] [--format text|json|md]                          print the catalogue
//   conform serve [--listen ADDR]... [--tls-listen ADDR]...                    run the reference server
//   conform report RUN.json... [--out DIR] [--baseline FILE]                    re-render, matrix, gate
//   conform baseline write RUN.json                                             known failures as a baseline
//   conform fuzz  [--target URL]... --suite S [--time DUR|--iterations N]       fuzz a live target
//   conform replay FINDING.json|CASE-ID [--target URL]...                       run one finding or case again
//
// Exit status: 0 all required cases passed, 1 failures, 2 usage error, 3 target unreachable.
#include <CLI/CLI.hpp>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "conformance/fuzz/finding_file.hpp"
#include "reports/json_report.hpp"

int main(int argc, char** argv) {
  using namespace conform::cli;
  CLI::App app{"conform: tells you exactly where your HTTP/1.1 server departs from the RFCs, with the wire bytes that prove it."};
  app.set_version_flag("--version", std::string(CONFORM_VERSION));
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  conform run                                   test the embedded reference server\n"
      "  conform run --target http://127.0.0.1:8080 --out report\n"
      "  conform list --suite http1\n"
      "  conform serve --listen 127.0.0.1:8080\n"
      "  conform report a/report.json b/report.json --out matrix\n"
      "  conform baseline write report/report.json > known-failures.json\n"
      "  conform fuzz --target http://127.0.0.1:8080 --suite http1 --time 1m\n"
      "  conform replay conform-fuzz/findings/hang-1a2b3c.json --target http://127.0.0.1:8080\n"
      "\nExit status: 0 all required cases passed, 1 failures, 2 usage error, 3 target unreachable.");

  auto const run = add_run_command(app);
  auto const list = add_list_command(app);
  auto const serve = add_serve_command(app);
  auto const report = add_report_command(app);
  auto const baseline = add_baseline_command(app);
  auto const fuzz = add_fuzz_command(app);
  auto const replay = add_replay_command(app);

  try {
    app.parse(argc, argv);
  } catch (CLI::CallForHelp const& e) {
    return app.exit(e);
  } catch (CLI::CallForAllHelp const& e) {
    return app.exit(e);
  } catch (CLI::CallForVersion const& e) {
    return app.exit(e);
  } catch (CLI::ParseError const& e) {
    std::cerr << "conform: " << e.what() << "\n(see conform --help, or conform <command> --help)\n";
    return usage;
  }

  try {
    if (app.got_subcommand("run")) return run();
    if (app.got_subcommand("list")) return list();
    if (app.got_subcommand("serve")) return serve();
    if (app.got_subcommand("report")) return report();
    if (app.got_subcommand("baseline")) return baseline();
    if (app.got_subcommand("fuzz")) return fuzz();
    if (app.got_subcommand("replay")) return replay();
  } catch (usage_error const& e) {
    std::cerr << "conform: " << e.message << "\n";
    return usage;
  } catch (conform::fuzz::finding_file_error const& e) {  // a finding file that cannot be used
    std::cerr << "conform: " << e.what() << "\n";
    return usage;
  } catch (conform::reports::report_error const& e) {  // a report or baseline file that cannot be used
    std::cerr << "conform: " << e.what() << "\n";
    return usage;
  } catch (std::exception const& e) {
    std::cerr << "conform: " << e.what() << "\n";
    return failures;
  }
  return usage;
}
