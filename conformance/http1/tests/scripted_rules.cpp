// The strict model's syntax checks: request-target characters (RFC 3986), the Host
// value (RFC 9112 §3.2, authority of RFC 3986 §3.2), chunk extensions (RFC 9112 §7.1.1).
#include <algorithm>
#include <cctype>

#include "conformance/http1/tests/scripted_server.hpp"

namespace conform::http1::testing {
namespace {

bool in(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// unreserved / sub-delims / extra, with every "%" starting a pct-encoded octet.
bool uri_chars(std::string_view s, std::string_view extra) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char const c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !hex(s[i + 1]) || !hex(s[i + 2])) return false;
      i += 2;
    } else if (!alnum(c) && !in(c, "-._~!$&'()*+,;=") && !in(c, extra)) {
      return false;
    }
  }
  return true;
}

bool is_tchar(char c) { return alnum(c) || in(c, "!#$%&'*+-.^_`|~"); }

}  // namespace

bool is_token(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_tchar); }

bool valid_request_target(std::string_view target) {
  if (target == "*") return true;
  auto const scheme_end = target.find("://");
  if (scheme_end != std::string_view::npos) target.remove_prefix(scheme_end + 3);
  return !target.empty() && uri_chars(target, ":@/?[]");
}

bool valid_host_value(std::string_view v) {
  std::string_view name = v, port;
  if (v.starts_with('[')) {
    auto const close = v.find(']');
    if (close == std::string_view::npos) return false;
    name = v.substr(1, close - 1);
    auto const rest = v.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) return false;
    if (!rest.empty()) port = rest.substr(1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return hex(c) || c == ':' || c == '.'; })) return false;
  } else {
    auto const colon = v.find(':');
    if (colon != std::string_view::npos) name = v.substr(0, colon), port = v.substr(colon + 1);
    if (name.empty() || !uri_chars(name, "")) return false;
  }
  return std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_chunk_extensions(std::string_view e) {
  auto skip_bws = [&] {
    while (!e.empty() && (e.front() == ' ' || e.front() == '\t')) e.remove_prefix(1);
  };
  auto take_token = [&] {
    std::size_t n = 0;
    while (n < e.size() && is_tchar(e[n])) ++n;
    e.remove_prefix(n);
    return n > 0;
  };
  for (;;) {
    skip_bws();
    if (e.empty()) return true;
    if (e.front() != ';') return false;
    e.remove_prefix(1);
    skip_bws();
    if (!take_token()) return false;
    skip_bws();
    if (e.empty() || e.front() != '=') continue;
    e.remove_prefix(1);
    skip_bws();
    if (!e.empty() && e.front() == '"') {
      std::size_t i = 1;
      for (; i < e.size() && e[i] != '"'; ++i) {
        auto const c = static_cast<unsigned char>(i + 1 < e.size() && e[i] == '\\' ? e[++i] : e[i]);
        if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
      }
      if (i >= e.size()) return false;
      e.remove_prefix(i + 1);
    } else if (!take_token()) {
      return false;
    }
  }
}

}  // namespace conform::http1::testing
