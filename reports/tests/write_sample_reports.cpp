// Writes the hand-built sample run in every format into a directory, to look at a
// template change in a browser without a target: reports_sample OUT-DIR [--two-targets]
#include <iostream>
#include <string_view>

#include "reports/file_reporter.hpp"
#include "reports/tests/sample_run.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: reports_sample OUT-DIR [--two-targets]\n";
    return 2;
  }
  bool const two = argc > 2 && std::string_view(argv[2]) == "--two-targets";
  auto const run = two ? conform::reports::testing::sample_run_two_targets() : conform::reports::testing::sample_run();
  try {
    conform::reports::file_reporter files(argv[1]);
    files.run_finished(run);
    for (auto const& f : files.written()) std::cout << f.string() << '\n';
  } catch (std::exception const& e) {
    std::cerr << "reports_sample: " << e.what() << '\n';
    return 1;
  }
}
