// Delta debugging (Zeller's ddmin) over an input's units: the smallest input that still
// shows a finding, with a bound on how many times the target is asked.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace conform::fuzz {

struct minimise_result {
  std::string input;
  std::size_t attempts = 0;
};

// `still_fails` re-runs the exchange on a candidate. Units are dropped in ever smaller
// groups until no single unit can go, or `max_attempts` candidates were tried.
minimise_result minimise(std::vector<std::string> units, std::function<bool(std::string const&)> const& still_fails,
                         std::size_t max_attempts);

}  // namespace conform::fuzz
