#include "harness/http1/message.hpp"

#include <algorithm>
#include <cstdio>

namespace conform::h1 {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

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
  for (auto const& f : fields) {
    if (!iequals(f.name, name)) continue;
    std::string_view rest = f.value;
    while (!rest.empty()) {
      auto const comma = rest.find(',');
      if (iequals(trim(rest.substr(0, comma)), token)) return true;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return false;
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
