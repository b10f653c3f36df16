// The protocol-neutral loop of `conform fuzz`: mutate, exchange, judge, minimise what
// shows, write it as a finding file. Bounded by time and/or iterations; sequential, so
// the target sees one input at a time and a finding is always the last thing it got.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "conformance/fuzz/finding_file.hpp"
#include "conformance/fuzz/protocol.hpp"

namespace conform::fuzz {

struct judge_options {
  std::chrono::milliseconds deadline{2000};
  // Per target: does it close a half-closed connection after a valid exchange? Only
  // then is "still open at the deadline" a hang rather than the target's habit.
  std::vector<bool> closes_half_closed;
  bool check_health = false;  // ask every target whether it still serves, whatever happened
};

struct judgement {
  std::optional<finding_kind> kind;     // empty: nothing to report
  std::string detail;
  std::vector<std::string> responses;   // per target
  std::vector<std::string> endings;     // per target, for novelty
};

// Sends `input` to every target once (two or more: differential) and judges it. The
// exchanges are recorded into `log` when given (replay prints it).
judgement judge(protocol const&, std::string_view input, std::vector<target> const&, connector const&,
                judge_options const&, transcript* log = nullptr);

// Learns judge_options::closes_half_closed from each target's first seed.
std::vector<bool> calibrate(protocol const&, std::vector<target> const&, connector const&,
                            std::chrono::milliseconds deadline, std::vector<std::string>& notes);

struct campaign_settings {
  std::vector<target> targets;  // two or more: differential mode
  std::optional<std::chrono::milliseconds> time;
  std::optional<std::uint64_t> iterations;
  std::uint64_t seed = 1;
  std::chrono::milliseconds deadline{2000};
  std::size_t max_findings = 20;
  std::size_t max_input = 64u << 10;
  std::size_t minimise_attempts = 150;
};

struct campaign_result {
  std::uint64_t iterations = 0;
  std::chrono::milliseconds elapsed{0};
  std::size_t corpus = 0;  // inputs kept for showing something new
  std::vector<finding> findings;
  std::vector<std::string> notes;
};

using progress_sink = std::function<void(std::string_view)>;

// A target that does not serve the protocol before the campaign starts (its health
// check fails): nothing to fuzz, and the message says why.
class not_fuzzable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

campaign_result run_campaign(protocol const&, campaign_settings const&, connector const&, progress_sink const& progress);

}  // namespace conform::fuzz
