#include "conformance/fuzz/minimise.hpp"

#include <algorithm>

namespace conform::fuzz {
namespace {

std::string join(std::vector<std::string> const& units) {
  std::string out;
  for (auto const& u : units) out += u;
  return out;
}

// `units` without the chunk [begin, end).
std::vector<std::string> without(std::vector<std::string> const& units, std::size_t begin, std::size_t end) {
  std::vector<std::string> out(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(begin));
  out.insert(out.end(), units.begin() + static_cast<std::ptrdiff_t>(end), units.end());
  return out;
}

}  // namespace

minimise_result minimise(std::vector<std::string> units, std::function<bool(std::string const&)> const& still_fails,
                         std::size_t max_attempts) {
  minimise_result r;
  std::size_t granularity = 2;
  while (units.size() >= 2 && r.attempts < max_attempts) {
    std::size_t const chunk = (units.size() + granularity - 1) / granularity;
    bool reduced = false;
    for (std::size_t begin = 0; begin < units.size() && r.attempts < max_attempts; begin += chunk) {
      auto candidate = without(units, begin, std::min(units.size(), begin + chunk));
      ++r.attempts;
      if (!candidate.empty() && still_fails(join(candidate))) {
        units = std::move(candidate);
        granularity = std::max<std::size_t>(granularity - 1, 2);
        reduced = true;
        break;
      }
    }
    if (reduced) continue;
    if (granularity >= units.size()) break;  // every single unit is needed
    granularity = std::min(granularity * 2, units.size());
  }
  r.input = join(units);
  return r;
}

}  // namespace conform::fuzz
