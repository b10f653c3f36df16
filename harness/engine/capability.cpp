#include "harness/engine/capability.hpp"

namespace conform {

std::string_view to_string(capability c) {
  switch (c) {
    case capability::echo: return "echo";
    case capability::status: return "status";
    case capability::bytes: return "bytes";
    case capability::stream: return "stream";
    case capability::headers: return "headers";
    case capability::tls: return "tls";
    case capability::h2: return "h2";
    case capability::websocket: return "websocket";
    case capability::deflate: return "deflate";
    case capability::rpc: return "rpc";
  }
  return "?";
}

std::optional<capability> parse_capability(std::string_view s) {
  for (auto c : all_capabilities)
    if (to_string(c) == s) return c;
  return std::nullopt;
}

std::optional<capability> capabilities::first_missing(capabilities needed) const {
  for (auto c : all_capabilities)
    if (needed.has(c) && !has(c)) return c;
  return std::nullopt;
}

std::string capabilities::names() const {
  std::string out;
  for (auto c : all_capabilities) {
    if (!has(c)) continue;
    if (!out.empty()) out += ", ";
    out += to_string(c);
  }
  return out;
}

}  // namespace conform
