// Limits and timeouts of the reference WebSocket endpoint (/ws). Plain values.
#pragma once

#include <chrono>
#include <cstdint>

namespace conform::reference {

struct websocket_limits {
  // A larger message fails the connection with close 1009 (RFC 6455 §7.4.1). The
  // default holds Autobahn's largest message (16 MiB, cases 9.1.6 and 9.2.6).
  std::uint64_t max_message = 32u << 20;
  bool permessage_deflate = true;  // offer RFC 7692 compression when a client asks
  // The closing handshake and the opening one must finish within this.
  std::chrono::milliseconds handshake{10'000};
  // A connection with no frame at all for this long is closed (1001 going away).
  std::chrono::milliseconds idle{60'000};
};

}  // namespace conform::reference
