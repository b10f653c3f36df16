#include "harness/http1/message.hpp"

#include <algorithm>
#include <cstdio>

namespace conform::h1 {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> list_items(std::vector<field> const& fields, std::string_view name) {
  std::vector<std::string_view> items;
  for (auto const& f : fields) {
    if (!iequals(f.name, name)) continue;
    std::string_view rest = f.value;
    for (;;) {
      auto const comma = rest.find(',');
      if (auto const item = trim_ows(rest.substr(0, comma)); !item.empty()) items.push_back(item);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return items;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view to_string(framing f) {
  switch (f) {
    case framing::none: return "no content";
    case framing::content_length: return "Content-Length";
    case framing::chunked: return "chunked";
    case framing::close_delimited: return "close-delimited";
  }
  return "?";
}

std::optional<std::string_view> response::header(std::string_view name) const {
  for (auto const& f : fields)
    if (iequals(f.name, name)) return f.value;
  return std::nullopt;
}

std::size_t response::count(std::string_view name) const {
  return static_cast<std::size_t>(std::count_if(fields.begin(), fields.end(), [&](auto const& f) { return iequals(f.name, name); }));
}

bool response::has_token(std::string_view name, std::string_view token) const {
  auto const items = list_items(fields, name);
  return std::any_of(items.begin(), items.end(), [&](auto item) { return iequals(item, token); });
}

std::string response::summary() const {
  std::string s = std::to_string(status);
  if (!reason.empty()) s += " " + reason;
  return s;
}

std::string escape(std::string_view bytes, std::size_t limit) {
  std::string out;
  for (unsigned char c : bytes) {
    if (out.size() >= limit) {
      out += "…";
      break;
    }
    switch (c) {
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

}  // namespace conform::h1
