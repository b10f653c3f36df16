#include "reference/rpc/value_tags.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "reference/rpc/base64.hpp"
#include "reference/rpc/error.hpp"

namespace conform::reference::rpc {
namespace {

bool is_js_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_js_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_js_space(s.back())) s.remove_suffix(1);
  return s;
}

// Decimal digits (most significant first) of the number written in `digits` in `radix`.
std::optional<std::string> to_decimal(std::string_view digits, unsigned radix) {
  std::vector<unsigned> dec{0};  // least significant first, base 10
  for (char c : digits) {
    unsigned d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'z') {
      d = static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'Z') {
      d = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    if (d >= radix) return std::nullopt;
    unsigned carry = d;
    for (auto& x : dec) {
      unsigned const v = x * radix + carry;
      x = v % 10;
      carry = v / 10;
    }
    while (carry) {
      dec.push_back(carry % 10);
      carry /= 10;
    }
  }
  while (dec.size() > 1 && dec.back() == 0) dec.pop_back();
  std::string out;
  for (auto it = dec.rbegin(); it != dec.rend(); ++it) out += static_cast<char>('0' + *it);
  return out;
}

// JavaScript's BigInt(string): whitespace trimmed, "" is 0, 0x/0o/0b prefixes, a sign
// only on decimals.
std::optional<std::string> parse_js_bigint(std::string_view text) {
  text = trim(text);
  if (text.empty()) return "0";
  if (text.size() > 2 && text[0] == '0') {
    char const p = static_cast<char>(text[1] | 0x20);
    unsigned const radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (radix) return to_decimal(text.substr(2), radix);
  }
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
  }
  auto digits = to_decimal(text, 10);
  if (!digits) return std::nullopt;
  return (negative && *digits != "0") ? "-" + *digits : *digits;
}

std::optional<unsigned> element_size(std::string const& marker) {
  static std::pair<char const*, unsigned> const markers[] = {
      {"ArrayBuffer", 1},  {"DataView", 1},       {"Int8Array", 1},      {"Uint8Array", 1},
      {"Uint8ClampedArray", 1}, {"Int16Array", 2}, {"Uint16Array", 2},   {"Int32Array", 4},
      {"Uint32Array", 4},  {"BigInt64Array", 8},  {"BigUint64Array", 8}, {"Float32Array", 4},
      {"Float64Array", 8}};
  for (auto const& [name, size] : markers) {
    if (marker == name) return size;
  }
  return std::nullopt;
}

}  // namespace

void throw_unknown_special(json const& value) {
  throw type_error("unknown special value: " + to_wire(value));
}

std::optional<json> normalize_bigint(json const& value, rpc_limits const& limits) {
  if (value.size() < 2 || !value[1].is_string()) return std::nullopt;
  auto const& text = value[1].get_ref<std::string const&>();
  if (text.size() > limits.max_bigint_digits) {
    throw type_error("Deserialized bigint exceeds maximum length of " +
                     std::to_string(limits.max_bigint_digits) + " digits.");
  }
  auto decimal = parse_js_bigint(text);
  if (!decimal) throw rpc_error("SyntaxError", "Cannot convert " + text + " to a BigInt");
  return json::array({"bigint", *decimal});
}

std::optional<json> normalize_date(json const& value) {
  if (value.size() < 2) return std::nullopt;
  if (value[1].is_null()) return json::array({"date", nullptr});
  if (!value[1].is_number()) return std::nullopt;
  double const ms = number_of(value[1]);
  // ECMAScript TimeClip: beyond ±8.64e15 ms the date is invalid; otherwise truncated.
  if (!std::isfinite(ms) || std::fabs(ms) > 8.64e15) return json::array({"date", nullptr});
  return json::array({"date", number_json(std::trunc(ms))});
}

std::optional<json> normalize_bytes(json const& value) {
  if (value.size() < 2 || !value[1].is_string()) return std::nullopt;
  auto bytes = base64_decode(value[1].get_ref<std::string const&>());
  json out = json::array({"bytes", base64_encode(bytes)});
  if (value.size() == 2) return out;
  if (!value[2].is_string()) {
    std::string const type = value[2].is_null() ? "object" : value[2].is_number() ? "number"
                             : value[2].is_boolean() ? "boolean" : "object";
    throw type_error("Unknown bytes type marker type: " + type);
  }
  auto const& marker = value[2].get_ref<std::string const&>();
  auto size = element_size(marker);
  if (!size) throw type_error("Unknown bytes type marker: " + marker.substr(0, 64));
  if (bytes.size() % *size != 0) {
    throw type_error("Invalid byte length " + std::to_string(bytes.size()) + " for " + marker +
                     "; expected a multiple of " + std::to_string(*size));
  }
  if (marker != "Uint8Array") out.push_back(marker);  // Uint8Array is sent without a marker
  return out;
}

std::optional<json> normalize_url(json const& value) {
  if (value.size() != 2 || !value[1].is_string()) return std::nullopt;
  auto const& href = value[1].get_ref<std::string const&>();
  // A scheme is the least new URL() demands; full WHATWG normalization is out of scope
  // (docs/results/rpc.md).
  auto colon = href.find(':');
  bool ok = colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(href[0]));
  for (std::size_t i = 1; ok && i < colon; ++i) {
    char const c = href[i];
    ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  }
  if (!ok) throw type_error("Invalid URL");
  return value;
}

json normalize_header_list(json const& pairs) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (auto const& pair : pairs) {
    if (!pair.is_array() || pair.size() != 2) {
      throw type_error("Headers constructor: expected name/value pair to be length 2, found " +
                       std::to_string(pair.is_array() ? pair.size() : 0) + ".");
    }
    auto text = [](json const& v) { return v.is_string() ? v.get<std::string>() : to_wire(v); };
    std::string name = text(pair[0]);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string const value = std::string(trim(text(pair[1])));
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](auto const& e) { return e.first == name; });
    if (it != entries.end() && name != "set-cookie") {
      it->second += ", " + value;
    } else {
      entries.emplace_back(name, value);
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](auto const& a, auto const& b) { return a.first < b.first; });
  json out = json::array();
  for (auto const& [name, value] : entries) out.push_back(json::array({name, value}));
  return out;
}

std::optional<json> normalize_headers(json const& value) {
  if (value.size() != 2 || !value[1].is_array()) return std::nullopt;
  return json::array({"headers", normalize_header_list(value[1])});
}

std::string error_class(std::string const& name) {
  static char const* const known[] = {"Error",          "EvalError",   "RangeError",
                                      "ReferenceError", "SyntaxError", "TypeError",
                                      "URIError",       "AggregateError"};
  for (auto const* k : known) {
    if (name == k) return name;
  }
  return "Error";
}

}  // namespace conform::reference::rpc
