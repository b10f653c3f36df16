// The terminal's view of a run, streamed as cases finish. Live (a terminal, not
// --quiet): one progress line rewritten in place, with each non-pass case printed
// above it as it finishes. Plain (CI logs, pipes): one line per non-pass case and
// nothing else per case. Both end with a summary line.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "harness/engine/reporter.hpp"

namespace conform::reports {

enum class console_verbosity {
  quiet,    // only fail and error lines, then the summary
  normal,   // every case that did not pass
  verbose,  // every case, and the transcript of each case that did not pass
};

// The runner calls reporters under its lock, so no locking here.
class console_reporter : public reporter {
 public:
  // `width`: the terminal's columns; the live line is cut to fit so '\r' can rewrite it.
  console_reporter(std::ostream& out, bool live, console_verbosity verbosity = console_verbosity::normal,
                   std::size_t width = 80);

  void run_started(run_info const& info, std::size_t case_count) override;
  void case_started(registered_case const& which, std::size_t target_index) override;
  void case_finished(case_result const& result) override;
  void run_finished(run_result const& run) override;

 private:
  bool worth_a_line(verdict v) const;
  std::string case_line(case_result const& r) const;
  std::string progress_line() const;
  void draw_progress(bool force);
  void clear_progress();

  std::ostream& out_;
  bool live_;
  console_verbosity verbosity_;
  std::size_t width_;
  std::vector<std::string> targets_;  // urls, named on each line when there are several
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  std::size_t errors_ = 0;
  std::string current_;  // the case started last
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point drawn_;  // when the progress line was last drawn
};

}  // namespace conform::reports
