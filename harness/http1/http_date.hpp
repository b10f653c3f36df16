// HTTP-date in its IMF-fixdate form (RFC 9110 §5.6.7), "Sun, 06 Nov 1994 08:49:37 GMT":
// read into seconds since 1970 and written back, so conditional-request cases can name
// a moment before or after a target's Last-Modified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conform::h1 {

// Seconds since 1970-01-01T00:00:00Z, or nothing when `v` is not an IMF-fixdate
// (day name and calendar are checked).
std::optional<std::int64_t> parse_imf_fixdate(std::string_view v);
std::string format_imf_fixdate(std::int64_t seconds);

}  // namespace conform::h1
