// The client side of the opening handshake (RFC 6455 §4.1): the request, built field
// by field so a case can omit or corrupt any of them, and the checks a client makes of
// the server's answer (§4.1 items 1–6 of the response handling).
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "harness/http1/message.hpp"
#include "harness/http1/request.hpp"

namespace conform::ws {

// A fresh Sec-WebSocket-Key: 16 random octets, base64 (§4.1 item 7 of the request).
std::string make_key(std::mt19937_64& rng);
// The Sec-WebSocket-Accept a server must answer `key` with (§4.2.2 item 5.4):
// base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
std::string accept_for(std::string_view key);
std::string base64(std::string_view bytes);

// The opening request; each std::nullopt field is left out.
struct opening {
  std::string method = "GET";
  std::string path = "/";
  std::string version = "HTTP/1.1";
  std::optional<std::string> host;  // filled from the target when empty at build time
  std::optional<std::string> upgrade = "websocket";
  std::optional<std::string> connection = "Upgrade";
  std::optional<std::string> key = std::string{};  // "": a fresh make_key(); nullopt: left out
  std::optional<std::string> ws_version = "13";
  std::optional<std::string> origin;
  std::optional<std::string> protocols;   // Sec-WebSocket-Protocol
  std::optional<std::string> extensions;  // Sec-WebSocket-Extensions
  std::vector<std::string> extra_lines;   // written verbatim
};

h1::request build_request(opening const& o);

// What is wrong with `r` as the answer to an opening request sent with `key`, having
// offered `protocols` and `extensions` (empty: none); empty when it completes the
// handshake.
std::string check_response(h1::response const& r, std::string_view key, std::string_view protocols = {},
                           std::string_view extensions = {});

}  // namespace conform::ws
