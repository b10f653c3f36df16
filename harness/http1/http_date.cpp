#include "harness/http1/http_date.hpp"

#include <array>

namespace conform::h1 {
namespace {

constexpr std::array<std::string_view, 7> days = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
  auto const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<int> number(std::string_view v, std::size_t at, std::size_t n) {
  int x = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (v[i] < '0' || v[i] > '9') return std::nullopt;
    x = x * 10 + (v[i] - '0');
  }
  return x;
}

}  // namespace

std::optional<std::int64_t> parse_imf_fixdate(std::string_view v) {
  if (v.size() != 29 || v.substr(3, 2) != ", " || v[7] != ' ' || v[11] != ' ' || v[16] != ' ' || v[19] != ':' ||
      v[22] != ':' || v.substr(25) != " GMT")
    return std::nullopt;
  auto const day = number(v, 5, 2), year = number(v, 12, 4), hour = number(v, 17, 2), minute = number(v, 20, 2),
             second = number(v, 23, 2);
  unsigned month = 0;
  while (month < 12 && months[month] != v.substr(8, 3)) ++month;
  if (!day || !year || !hour || !minute || !second || month == 12 || *day < 1 || *day > 31 || *hour > 23 ||
      *minute > 59 || *second > 60)
    return std::nullopt;
  auto const d = days_from_civil(*year, month + 1, static_cast<unsigned>(*day));
  if (format_imf_fixdate(d * 86400).substr(0, 16) != v.substr(0, 16)) return std::nullopt;  // day name, 31 Feb…
  return d * 86400 + *hour * 3600 + *minute * 60 + *second;
}

std::string format_imf_fixdate(std::int64_t seconds) {
  std::int64_t const z = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
  std::int64_t const sod = seconds - z * 86400;
  // civil_from_days (the inverse of the above).
  std::int64_t const zz = z + 719468;
  std::int64_t const era = (zz >= 0 ? zz : zz - 146096) / 146097;
  auto const doe = static_cast<unsigned>(zz - era * 146097);
  unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned const mp = (5 * doy + 2) / 153;
  unsigned const d = doy - (153 * mp + 2) / 5 + 1;
  unsigned const m = mp < 10 ? mp + 3 : mp - 9;
  std::int64_t const y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  auto two = [](std::int64_t x) { return std::string(1, static_cast<char>('0' + x / 10)) + static_cast<char>('0' + x % 10); };
  auto const weekday = static_cast<std::size_t>(((z % 7) + 7) % 7);
  return std::string(days[weekday]) + ", " + two(d) + " " + std::string(months[m - 1]) + " " + std::to_string(y) + " " +
         two(sod / 3600) + ":" + two(sod / 60 % 60) + ":" + two(sod % 60) + " GMT";
}

}  // namespace conform::h1
