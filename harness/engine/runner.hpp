// Runs selected cases against targets: independent cases concurrently on `jobs`
// workers, exclusive cases alone afterwards, each within its timeout.
#pragma once

#include <string>
#include <vector>

#include "harness/engine/context.hpp"
#include "harness/engine/registry.hpp"
#include "harness/engine/reporter.hpp"
#include "harness/engine/result.hpp"

namespace conform {

struct run_settings {
  unsigned jobs = 8;
  timing times;
  std::uint64_t seed = 0;
  std::string conform_version;
};

class runner {
 public:
  runner(run_settings settings, connector connect);

  void add_reporter(reporter& r) { reporters_.push_back(&r); }

  // Probes each target with the suites that apply to it, then runs `cases` on every
  // target they apply to.
  run_result run(std::vector<target> targets, std::vector<registered_case> const& cases);

 private:
  struct task {
    registered_case which;
    std::size_t target_index;
  };

  case_result execute(task const&, run_info const&);
  void probe(target_report&, std::vector<registered_case> const& cases);

  run_settings settings_;
  connector connect_;
  std::vector<reporter*> reporters_;
};

// One case against one target on the calling thread: what the runner does for each
// task, for callers that own the connection's thread (conform serve --client-tests).
case_result run_one(registered_case const& which, target_report const& t, std::size_t target_index,
                    connector const& connect, timing times, std::uint64_t run_seed);

// The reason `t` cannot be reached (connect, and the TLS handshake for https), or
// empty when it can.
std::string check_reachable(target const& t, connector const& connect, std::chrono::milliseconds timeout);

}  // namespace conform
