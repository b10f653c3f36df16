// What a run produced: per case the verdict, the words, the transcript; per target what
// its probes found. Reporters read this; report.json is written from it.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/engine/close_report.hpp"
#include "harness/engine/context.hpp"
#include "harness/engine/registry.hpp"
#include "harness/engine/target.hpp"
#include "harness/engine/transcript.hpp"
#include "harness/engine/verdict.hpp"

namespace conform {

struct case_result {
  registered_case which;
  std::size_t target_index = 0;
  verdict status = verdict::error;
  std::string message;
  std::vector<std::pair<std::string, std::string>> facts;
  std::optional<close_report> close;  // WebSocket cases only
  std::chrono::microseconds duration{};
  std::uint64_t seed = 0;
  transcript log;
};

struct target_report {
  target value;                     // with `offers` filled by the probes
  std::vector<std::string> probes;  // what each probe found: "echo: POST /echo answered 404"
};

struct run_info {
  std::string conform_version;
  std::uint64_t seed = 0;
  std::string started;  // ISO 8601, UTC
  unsigned jobs = 0;
  timing times;
  std::vector<target_report> targets;
};

struct verdict_counts {
  std::array<std::size_t, std::size(all_verdicts)> by_verdict{};
  std::size_t total = 0;

  void add(verdict v) { ++by_verdict[static_cast<std::size_t>(v)], ++total; }
  std::size_t operator[](verdict v) const { return by_verdict[static_cast<std::size_t>(v)]; }
};

struct run_result {
  run_info info;
  std::vector<case_result> cases;  // in catalogue order, target by target
  std::chrono::milliseconds wall{};

  verdict_counts counts() const;
};

}  // namespace conform
