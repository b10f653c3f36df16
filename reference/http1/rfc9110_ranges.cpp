#include "reference/http1/rfc9110_ranges.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "reference/http1/ascii.hpp"

namespace conform::reference::http1 {
namespace {

// 1*DIGIT, saturating: a last-pos past any length only means "to the end".
std::optional<std::uint64_t> parse_pos(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    auto const digit = static_cast<std::uint64_t>(c - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
      v = std::numeric_limits<std::uint64_t>::max();
    } else {
      v = v * 10 + digit;
    }
  }
  return v;
}

struct range_spec {
  bool valid = false;
  bool suffix = false;
  std::uint64_t first = 0;
  std::optional<std::uint64_t> last;  // for int-range; the suffix-length for suffix-range
};

// int-range = first-pos "-" [ last-pos ]; suffix-range = "-" suffix-length
range_spec parse_spec(std::string_view s) {
  std::size_t const dash = s.find('-');
  if (dash == std::string_view::npos) return {};
  auto const first = parse_pos(s.substr(0, dash));
  auto const last = parse_pos(s.substr(dash + 1));
  if (dash == 0) return {last.has_value(), true, 0, last};
  if (!first || (dash + 1 < s.size() && !last)) return {};
  if (last && *last < *first) return {};  // RFC 9110 §14.1.1: such a range is invalid
  return {true, false, *first, last};
}

// The part of `spec` inside [0, length), if any.
std::optional<byte_range> resolve(range_spec const& spec, std::uint64_t length) {
  if (spec.suffix) {
    if (*spec.last == 0 || length == 0) return std::nullopt;
    std::uint64_t const n = std::min(*spec.last, length);
    return byte_range{length - n, length - 1};
  }
  if (spec.first >= length) return std::nullopt;
  std::uint64_t const last = spec.last ? std::min(*spec.last, length - 1) : length - 1;
  return byte_range{spec.first, last};
}

}  // namespace

range_selection select_ranges(std::string_view field, std::uint64_t length) {
  // ranges-specifier = range-unit "=" range-set; only "bytes" is understood.
  std::size_t const eq = field.find('=');
  if (eq == std::string_view::npos || !iequals(trim_ows(field.substr(0, eq)), "bytes")) return {};
  std::vector<range_spec> specs;
  bool malformed = false;
  for_each_list_element(field.substr(eq + 1), [&](std::string_view element) {
    range_spec const spec = parse_spec(element);
    malformed = malformed || !spec.valid;
    specs.push_back(spec);
  });
  if (malformed || specs.empty() || specs.size() > max_ranges) return {};
  range_selection selection;
  bool suffix_of_empty = false;
  for (auto const& spec : specs) {
    if (auto r = resolve(spec, length)) selection.ranges.push_back(*r);
    suffix_of_empty = suffix_of_empty || (spec.suffix && *spec.last > 0 && length == 0);
  }
  // RFC 9110 §14.1.1 calls a non-zero suffix-range of an empty representation
  // satisfiable, but no Content-Range can describe it: send the (empty) 200 instead.
  if (suffix_of_empty) return {};
  selection.result = selection.ranges.empty() ? range_selection::kind::unsatisfiable
                                              : range_selection::kind::partial;
  return selection;
}

}  // namespace conform::reference::http1
