// Thresholds a user can set per run (--param KEY=VALUE): sizes and times the limit
// cases use. Every key is listed here with its default, so a misspelt key is a usage
// error and `conform run --help` can show them all.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace conform {

struct param_spec {
  std::string_view key;
  std::uint64_t fallback = 0;
  std::string_view meaning;
};

std::span<param_spec const> known_params();

// The parameters given on the command line, checked against known_params().
class param_values {
 public:
  // "key=value"; returns the problem in one line, or nothing.
  std::optional<std::string> set(std::string_view assignment);
  std::uint64_t get(std::string_view key) const;  // the value given, else the default

 private:
  std::map<std::string, std::uint64_t, std::less<>> values_;
};

}  // namespace conform
