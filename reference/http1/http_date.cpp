#include "reference/http1/http_date.hpp"

#include <array>

namespace conform::reference::http1 {
namespace {

constexpr std::array<std::string_view, 7> day_names{"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
constexpr std::array<std::string_view, 12> month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> long_day_names{
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic
// Gregorian calendar, no time zone or locale involved.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
  auto const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct civil {
  std::int64_t year;
  unsigned month, day;
};

civil civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
  auto const doe = static_cast<unsigned>(z - era * 146097);
  unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned const mp = (5 * doy + 2) / 153;
  unsigned const d = doy - (153 * mp + 2) / 5 + 1;
  unsigned const m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

void put2(char* p, unsigned v) {
  p[0] = static_cast<char>('0' + v / 10 % 10);
  p[1] = static_cast<char>('0' + v % 10);
}

// Reads exactly `n` digits at `s[at]`.
std::optional<unsigned> digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  unsigned v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return v;
}

std::optional<unsigned> month_at(std::string_view s, std::size_t at) {
  for (unsigned i = 0; i < month_names.size(); ++i) {
    if (s.substr(at, 3) == month_names[i]) return i + 1;
  }
  return std::nullopt;
}

// "HH:MM:SS" at `at`.
std::optional<unix_seconds> time_of_day(std::string_view s, std::size_t at) {
  auto const h = digits(s, at, 2), m = digits(s, at + 3, 2), sec = digits(s, at + 6, 2);
  if (!h || !m || !sec || s[at + 2] != ':' || s[at + 5] != ':' || *h > 23 || *m > 59 || *sec > 60) {
    return std::nullopt;
  }
  return unix_seconds{*h} * 3600 + *m * 60 + *sec;
}

std::optional<unix_seconds> combine(std::int64_t year, std::optional<unsigned> month,
                                    std::optional<unsigned> day, std::optional<unix_seconds> tod) {
  if (!month || !day || !tod || *day < 1 || *day > 31) return std::nullopt;
  return days_from_civil(year, *month, *day) * 86400 + *tod;
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<unix_seconds> parse_imf_fixdate(std::string_view s) {
  if (s.size() != 29 || s.substr(3, 2) != ", " || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
      s.substr(25) != " GMT") {
    return std::nullopt;
  }
  auto const year = digits(s, 12, 4);
  if (!year) return std::nullopt;
  return combine(*year, month_at(s, 8), digits(s, 5, 2), time_of_day(s, 17));
}

// "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year is taken as 1970..2069.
std::optional<unix_seconds> parse_rfc850(std::string_view s) {
  std::size_t const comma = s.find(", ");
  if (comma == std::string_view::npos) return std::nullopt;
  bool known_day = false;
  for (auto name : long_day_names) known_day = known_day || s.substr(0, comma) == name;
  std::string_view const rest = s.substr(comma + 2);
  if (!known_day || rest.size() != 22 || rest[2] != '-' || rest[6] != '-' || rest[9] != ' ' ||
      rest.substr(18) != " GMT") {
    return std::nullopt;
  }
  auto const yy = digits(rest, 7, 2);
  if (!yy) return std::nullopt;
  return combine(*yy < 70 ? 2000 + *yy : 1900 + *yy, month_at(rest, 3), digits(rest, 0, 2),
                 time_of_day(rest, 10));
}

// "Sun Nov  6 08:49:37 1994"
std::optional<unix_seconds> parse_asctime(std::string_view s) {
  if (s.size() != 24 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ') return std::nullopt;
  std::optional<unsigned> day = s[8] == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
  auto const year = digits(s, 20, 4);
  if (!year) return std::nullopt;
  return combine(*year, month_at(s, 4), day, time_of_day(s, 11));
}

}  // namespace

void format_http_date(unix_seconds t, char (&out)[29]) {
  std::int64_t days = t / 86400;
  std::int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  civil const c = civil_from_days(days);
  auto const weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);  // 1970-01-01 was a Thursday
  std::string_view const day = day_names[weekday];
  std::string_view const month = month_names[c.month - 1];
  char* p = out;
  for (char ch : day) *p++ = ch;
  *p++ = ',';
  *p++ = ' ';
  put2(p, c.day);
  p += 2;
  *p++ = ' ';
  for (char ch : month) *p++ = ch;
  *p++ = ' ';
  put2(p, static_cast<unsigned>(c.year / 100));
  put2(p + 2, static_cast<unsigned>(c.year % 100));
  p += 4;
  *p++ = ' ';
  put2(p, static_cast<unsigned>(secs / 3600));
  p[2] = ':';
  put2(p + 3, static_cast<unsigned>(secs / 60 % 60));
  p[5] = ':';
  put2(p + 6, static_cast<unsigned>(secs % 60));
  p += 8;
  for (char ch : std::string_view{" GMT"}) *p++ = ch;
}

std::string format_http_date(unix_seconds t) {
  char out[29];
  format_http_date(t, out);
  return {out, sizeof out};
}

std::optional<unix_seconds> parse_http_date(std::string_view text) {
  if (auto t = parse_imf_fixdate(text)) return t;
  if (auto t = parse_rfc850(text)) return t;
  return parse_asctime(text);
}

}  // namespace conform::reference::http1
