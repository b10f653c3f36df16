#include "harness/engine/params.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace conform {
namespace {

constexpr param_spec specs[] = {
    {"http1.big_field_bytes", 64 * 1024, "size of the field value sent by http1/limits/big-field"},
    {"http1.many_fields", 5000, "number of field lines sent by http1/limits/many-fields"},
    {"http1.long_target_bytes", 64 * 1024, "length of the request-target sent by http1/request-line/target-too-long"},
    {"http1.partial_head_ms", 8000, "how long http1/limits/partial-request-held waits before it warns"},
};

param_spec const* find(std::string_view key) {
  auto const it = std::find_if(std::begin(specs), std::end(specs), [&](auto const& s) { return s.key == key; });
  return it == std::end(specs) ? nullptr : &*it;
}

}  // namespace

std::span<param_spec const> known_params() { return specs; }

std::optional<std::string> param_values::set(std::string_view assignment) {
  auto const eq = assignment.find('=');
  if (eq == std::string_view::npos) return "--param '" + std::string(assignment) + "': expected KEY=VALUE";
  auto const key = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  if (!find(key)) {
    std::string known;
    for (auto const& s : specs) known += (known.empty() ? "" : ", ") + std::string(s.key);
    return "--param: unknown key '" + std::string(key) + "' (known: " + known + ")";
  }
  std::uint64_t value = 0;
  auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
    return "--param " + std::string(key) + ": '" + std::string(text) + "' is not a whole number";
  values_[std::string(key)] = value;
  return std::nullopt;
}

std::uint64_t param_values::get(std::string_view key) const {
  if (auto it = values_.find(key); it != values_.end()) return it->second;
  if (auto const* s = find(key)) return s->fallback;
  throw std::logic_error("no parameter named " + std::string(key));
}

}  // namespace conform
