// What a target offers beyond the protocol itself: the endpoints of the target profile
// (DESIGN.md) and transport features. Cases name what they need; a target that lacks
// it gets SKIP with the reason instead of a false FAIL.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace conform {

enum class capability : std::uint32_t {
  echo = 1u << 0,     // /echo returns the request body
  status = 1u << 1,   // /status/{code} answers with that status
  bytes = 1u << 2,    // /bytes/{n} with ETag, Last-Modified, Range and conditionals
  stream = 1u << 3,   // /stream/{n} answers with a chunked body
  headers = 1u << 4,  // /headers returns the request's fields as JSON
  tls = 1u << 5,      // the target speaks TLS
  h2 = 1u << 6,       // HTTP/2: by prior knowledge on http://, ALPN "h2" on https://
  websocket = 1u << 7,  // completes a WebSocket opening handshake (ws(s) path, or /ws)
  deflate = 1u << 8,    // negotiates permessage-deflate (RFC 7692) on that endpoint
  rpc = 1u << 9,        // serves the Cap'n Web test interface (ws(s)/http(s) path, or /rpc)
};

inline constexpr capability all_capabilities[] = {capability::echo,   capability::status,
                                                  capability::bytes,  capability::stream,
                                                  capability::headers, capability::tls,
                                                  capability::h2, capability::websocket,
                                                  capability::deflate, capability::rpc};

std::string_view to_string(capability);
std::optional<capability> parse_capability(std::string_view);

class capabilities {
 public:
  constexpr capabilities() = default;
  constexpr capabilities(std::initializer_list<capability> list) {
    for (auto c : list) bits_ |= static_cast<std::uint32_t>(c);
  }

  constexpr bool has(capability c) const { return bits_ & static_cast<std::uint32_t>(c); }
  constexpr bool covers(capabilities needed) const { return (bits_ & needed.bits_) == needed.bits_; }
  constexpr void add(capability c) { bits_ |= static_cast<std::uint32_t>(c); }
  constexpr bool empty() const { return bits_ == 0; }
  // The first needed capability this set lacks, if any.
  std::optional<capability> first_missing(capabilities needed) const;
  std::string names() const;  // "echo, status"

 private:
  std::uint32_t bits_ = 0;
};

}  // namespace conform
