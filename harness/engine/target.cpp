#include "harness/engine/target.hpp"

#include <charconv>

namespace conform {
namespace {

std::uint16_t default_port(std::string_view scheme) {
  return (scheme == "https" || scheme == "wss") ? 443 : 80;
}

bool known_scheme(std::string_view s) {
  return s == "http" || s == "https" || s == "ws" || s == "wss";
}

}  // namespace

std::string target::authority() const {
  std::string a = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != default_port(scheme)) a += ":" + std::to_string(port);
  return a;
}

target_parse parse_target(std::string_view url) {
  auto bad = [&](std::string why) { return target_parse{std::nullopt, "invalid target URL '" + std::string(url) + "': " + why}; };

  auto const sep = url.find("://");
  if (sep == std::string_view::npos) return bad("expected scheme://host:port[/path]");
  target t;
  t.scheme = std::string(url.substr(0, sep));
  for (auto& c : t.scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (!known_scheme(t.scheme)) return bad("scheme must be http, https, ws or wss");
  t.tls = t.scheme == "https" || t.scheme == "wss";

  auto rest = url.substr(sep + 3);
  auto const slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  t.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (authority.empty()) return bad("missing host");
  if (authority.find('@') != std::string_view::npos) return bad("userinfo is not supported");

  std::string_view port_text;
  if (authority.front() == '[') {
    auto const close = authority.find(']');
    if (close == std::string_view::npos) return bad("unterminated IPv6 address");
    t.host = std::string(authority.substr(1, close - 1));
    auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad("unexpected text after IPv6 address");
      port_text = after.substr(1);
    }
  } else {
    auto const colon = authority.rfind(':');
    t.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (t.host.empty()) return bad("missing host");

  t.port = default_port(t.scheme);
  if (!port_text.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
    if (ec != std::errc{} || end != port_text.data() + port_text.size() || value == 0 || value > 65535)
      return bad("port must be a number from 1 to 65535");
    t.port = static_cast<std::uint16_t>(value);
  }
  if (t.tls) t.offers.add(capability::tls);
  t.url = t.scheme + "://" + t.authority() + t.path;
  return {std::move(t), {}};
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "::1") return true;
  // 127.0.0.0/8 in dotted-quad form.
  if (!host.starts_with("127.")) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') ++dots;
    else if (c < '0' || c > '9') return false;
  }
  return dots == 3;
}

}  // namespace conform
