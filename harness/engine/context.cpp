#include "harness/engine/context.hpp"

#include <algorithm>

#include "harness/engine/case.hpp"
#include "harness/net/connection.hpp"

namespace conform {

context::context(target const& t, case_def const& c, transcript& log, connector const& connect, timing times,
                 std::uint64_t seed)
    : target_(t),
      case_(c),
      log_(log),
      connect_(connect),
      times_(times),
      seed_(seed),
      rng_(seed),
      deadline_(clock::now() + times.case_timeout) {}

context::clock::time_point context::read_deadline() const { return deadline_in(times_.read_timeout); }

context::clock::time_point context::deadline_in(std::chrono::milliseconds d) const {
  return std::min(clock::now() + d, deadline_);
}

std::unique_ptr<net::connection> context::connect(connect_request const& request) {
  return connect_(target_, request, log_, read_deadline());
}

std::uint64_t case_seed(std::uint64_t run_seed, std::string_view case_id, std::size_t target_index) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (unsigned char c : case_id) h = (h ^ c) * 0x100000001b3ull;
  // Below 2^53, like run seeds, so JavaScript readers of report.json read it exactly.
  return (run_seed ^ h ^ (target_index * 0x9e3779b97f4a7c15ull)) & ((std::uint64_t{1} << 53) - 1);
}

}  // namespace conform
