#include "reference/rpc/json.hpp"

#include <cmath>

namespace conform::reference::rpc {
namespace {

// Integral doubles print as integers; everything else keeps nlohmann's shortest
// round-trip form, which matches JavaScript for the values the protocol carries.
void normalize_numbers(json& value) {
  if (value.is_number_float()) {
    value = number_json(value.get<double>());
  } else if (value.is_array() || value.is_object()) {
    for (auto& item : value) normalize_numbers(item);
  }
}

}  // namespace

std::string to_wire(json const& value) {
  json copy = value;
  normalize_numbers(copy);
  return copy.dump(-1, ' ', false, json::error_handler_t::replace);
}

double number_of(json const& value) {
  if (value.is_number_unsigned()) return static_cast<double>(value.get<std::uint64_t>());
  if (value.is_number_integer()) return static_cast<double>(value.get<std::int64_t>());
  return value.get<double>();
}

json number_json(double x) {
  if (x == 0) return 0;
  if (std::isfinite(x) && std::trunc(x) == x) {
    if (x >= -9.2e18 && x <= 9.2e18) return static_cast<std::int64_t>(x);
    if (x > 0 && x <= 1.8e19) return static_cast<std::uint64_t>(x);
  }
  return x;
}

std::int64_t wire_id(json const& value) {
  double const x = number_of(value);
  if (!(std::fabs(x) <= 9007199254740992.0)) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(x);
}

}  // namespace conform::reference::rpc
