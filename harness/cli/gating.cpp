#include "harness/cli/gating.hpp"

#include <optional>
#include <ostream>

#include "harness/cli/commands.hpp"
#include "reports/gate.hpp"

namespace conform::cli {

int apply_gate(nlohmann::json& report, gate_options const& options, std::ostream& out) {
  auto const level = reports::parse_fail_on(options.fail_on);
  if (!level) throw usage_error{"--fail-on: '" + options.fail_on + "' is not one of must, should"};
  std::optional<reports::baseline> known;
  if (!options.baseline_file.empty()) known = reports::load_baseline(options.baseline_file);
  auto const* b = known ? &*known : nullptr;
  auto const result = reports::gate(report, b, *level, reports::today_utc());
  out << reports::gate_text(result, b);
  reports::annotate(report, result, b, *level);
  return result.failed() ? failures : ok;
}

}  // namespace conform::cli
