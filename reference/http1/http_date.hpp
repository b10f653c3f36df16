// HTTP-date (RFC 9110 §5.6.7): IMF-fixdate to write, all three formats to read.
// Pure conversions: the caller supplies the time, so the core has no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conform::reference::http1 {

// Seconds since 1970-01-01T00:00:00Z.
using unix_seconds = std::int64_t;

// "Sun, 06 Nov 1994 08:49:37 GMT": always 29 characters, written into `out`.
void format_http_date(unix_seconds t, char (&out)[29]);
std::string format_http_date(unix_seconds t);

// IMF-fixdate, obsolete RFC 850 or asctime format, as RFC 9110 §5.6.7 requires a
// recipient to accept; nullopt when `text` is none of them.
std::optional<unix_seconds> parse_http_date(std::string_view text);

}  // namespace conform::reference::http1
