#include "harness/engine/verdict.hpp"

#include <array>
#include <utility>

namespace conform {
namespace {

constexpr std::array<std::pair<requirement_level, std::string_view>, 4> level_names{{
    {requirement_level::must, "MUST"},
    {requirement_level::should, "SHOULD"},
    {requirement_level::may, "MAY"},
    {requirement_level::info, "INFO"},
}};

constexpr std::array<std::pair<verdict, std::string_view>, 6> verdict_names{{
    {verdict::pass, "pass"},
    {verdict::fail, "fail"},
    {verdict::warn, "warn"},
    {verdict::info, "info"},
    {verdict::skip, "skip"},
    {verdict::error, "error"},
}};

}  // namespace

std::string_view to_string(requirement_level l) {
  for (auto const& [value, name] : level_names)
    if (value == l) return name;
  return "?";
}

std::string_view to_string(verdict v) {
  for (auto const& [value, name] : verdict_names)
    if (value == v) return name;
  return "?";
}

std::optional<requirement_level> parse_level(std::string_view s) {
  for (auto const& [value, name] : level_names)
    if (name == s) return value;
  return std::nullopt;
}

std::optional<verdict> parse_verdict(std::string_view s) {
  for (auto const& [value, name] : verdict_names)
    if (name == s) return value;
  return std::nullopt;
}

}  // namespace conform
