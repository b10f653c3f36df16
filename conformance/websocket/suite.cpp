#include "conformance/websocket/suite.hpp"

#include "harness/engine/target.hpp"

namespace conform::websocket {

suite make_suite() {
  return {
      .name = "ws",
      .description = "WebSocket servers: the opening handshake, framing, fragmentation, UTF-8 and the closing "
                     "handshake (RFC 6455), permessage-deflate (RFC 7692); every Autobahn|Testsuite case",
      .tables =
          {
              handshake_cases(),
              framing_cases(),
              ping_pong_cases(),
              reserved_bits_opcode_cases(),
              fragmentation_cases(),
              utf8_cases(),
              utf8_sequence_cases(),
              close_cases(),
              limits_cases(),
              deflate_stream_cases(),
          },
      // ws(s):// targets name their endpoint; an http(s) target is asked on /ws.
      .applies_to = [](target const&) { return true; },
      .probe = probe,
  };
}

}  // namespace conform::websocket
