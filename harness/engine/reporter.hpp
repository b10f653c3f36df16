// The reporter interface (after Catch2's): events as a run goes. Console reporters
// stream; file reporters accumulate and write at the end. The model never prints.
#pragma once

#include <cstddef>

#include "harness/engine/result.hpp"

namespace conform {

class reporter {
 public:
  virtual ~reporter() = default;
  virtual void run_started(run_info const&, std::size_t /*case_count*/) {}
  virtual void case_started(registered_case const&, std::size_t /*target_index*/) {}
  virtual void case_finished(case_result const&) {}
  virtual void run_finished(run_result const&) {}
};

}  // namespace conform
