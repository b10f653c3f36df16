#include "reference/http1/rfc3986.hpp"

#include <arpa/inet.h>

#include <array>
#include <string>

#include "reference/http1/ascii.hpp"

namespace conform::reference::http1 {
namespace {

target_parts refused(violation why) {
  target_parts parts;
  parts.why = why;
  return parts;
}

bool is_unreserved(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool is_sub_delim(char c) {
  constexpr std::string_view sub_delims = "!$&'()*+,;=";
  return sub_delims.find(c) != std::string_view::npos;
}

// True when every character of `s` is allowed by `plain` or is a pct-encoded triplet.
template <class Pred>
bool all_chars(std::string_view s, Pred plain) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
      i += 2;
    } else if (!plain(s[i])) {
      return false;
    }
  }
  return true;
}

bool is_pchar(char c) { return is_unreserved(c) || is_sub_delim(c) || c == ':' || c == '@'; }

// path-abempty [ "?" query ], the part of a target after the authority.
bool split_path_query(std::string_view s, target_parts& out) {
  std::size_t const q = s.find('?');
  out.path = s.substr(0, q);
  out.query = q == std::string_view::npos ? std::string_view{} : s.substr(q + 1);
  auto path_char = [](char c) { return is_pchar(c) || c == '/'; };
  auto query_char = [](char c) { return is_pchar(c) || c == '/' || c == '?'; };
  return all_chars(out.path, path_char) && all_chars(out.query, query_char);
}

// IP-literal = "[" ( IPv6address / IPvFuture ) "]"
bool is_ip_literal(std::string_view s) {
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return false;
  std::string_view const inner = s.substr(1, s.size() - 2);
  if (inner.front() == 'v' || inner.front() == 'V') {
    std::size_t const dot = inner.find('.');
    if (dot == std::string_view::npos || dot < 2 || dot + 1 == inner.size()) return false;
    for (char c : inner.substr(1, dot - 1)) {
      if (!is_hex(c)) return false;
    }
    for (char c : inner.substr(dot + 1)) {
      if (!is_unreserved(c) && !is_sub_delim(c) && c != ':') return false;
    }
    return true;
  }
  if (inner.size() > 45) return false;
  std::array<unsigned char, 16> address{};
  return inet_pton(AF_INET6, std::string(inner).c_str(), address.data()) == 1;
}

bool is_port(std::string_view s) {
  if (s.size() > 5) return false;
  unsigned value = 0;
  for (char c : s) {
    if (!is_digit(c)) return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value <= 65535;
}

// uri-host [ ":" port ]; with `port_required` the ":" port is mandatory.
bool is_host_port(std::string_view s, bool port_required) {
  std::string_view host = s;
  std::string_view port;
  bool has_port = false;
  std::size_t const colon = s.rfind(':');
  if (colon != std::string_view::npos && s.find(']', colon) == std::string_view::npos) {
    host = s.substr(0, colon);
    port = s.substr(colon + 1);
    has_port = true;
  }
  if (port_required && (!has_port || port.empty())) return false;
  if (has_port && !is_port(port)) return false;
  if (host.empty()) return false;
  if (host.front() == '[') return is_ip_literal(host);
  return all_chars(host, [](char c) { return is_unreserved(c) || is_sub_delim(c); });
}

target_parts parse_absolute_form(std::string_view target) {
  // absolute-URI; we serve only http and https (RFC 9110 §4.2).
  std::size_t const colon = target.find(':');
  std::string_view const scheme = target.substr(0, colon);
  bool const scheme_ok = colon != std::string_view::npos && !scheme.empty() && is_alpha(scheme[0]) &&
                         all_chars(scheme, [](char c) {
                           return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
                         });
  if (!scheme_ok) return refused(violation::target_form_invalid);
  if (!iequals(scheme, "http") && !iequals(scheme, "https")) {
    return refused(violation::target_scheme_unsupported);
  }
  std::string_view rest = target.substr(colon + 1);
  if (rest.substr(0, 2) != "//") return refused(violation::target_host_empty);
  rest.remove_prefix(2);
  std::size_t const authority_end = rest.find_first_of("/?");
  target_parts parts;
  parts.authority = rest.substr(0, authority_end);
  if (parts.authority.find('@') != std::string_view::npos) return refused(violation::target_userinfo);
  if (parts.authority.empty() || parts.authority.front() == ':') return refused(violation::target_host_empty);
  if (!is_host_port(parts.authority, false)) return refused(violation::target_invalid);
  std::string_view const tail =
      authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  if (!split_path_query(tail, parts)) return refused(violation::target_invalid);
  return parts;
}

}  // namespace

target_parts parse_target(std::string_view target, method m) {
  if (m == method::connect) {
    // authority-form = uri-host ":" port (RFC 9112 §3.2.3)
    if (!is_host_port(target, true)) return refused(violation::target_form_invalid);
    target_parts parts;
    parts.authority = target;
    return parts;
  }
  if (target == "*") {
    if (m != method::options) return refused(violation::target_form_invalid);
    return {};
  }
  if (target.front() == '/') {
    target_parts parts;
    if (!split_path_query(target, parts)) return refused(violation::target_invalid);
    return parts;
  }
  // "example.com:80" is also a valid absolute-URI (scheme "example.com"); call it what
  // the sender surely meant, an authority-form without CONNECT.
  if (is_host_port(target, true)) return refused(violation::target_form_invalid);
  return parse_absolute_form(target);
}

bool is_valid_host_field(std::string_view value) {
  return value.empty() || is_host_port(value, false);
}

}  // namespace conform::reference::http1
