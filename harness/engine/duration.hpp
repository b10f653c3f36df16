// Durations as people write them on a command line: "500ms", "2s", "1.5s", "2m".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace conform {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);
std::string format_duration(std::chrono::milliseconds);  // "2 s", "500 ms"

}  // namespace conform
