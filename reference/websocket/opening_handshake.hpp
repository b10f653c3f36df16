// The server's reading of a WebSocket opening handshake (RFC 6455 §4.2.1), sans I/O.
// Beast's accept checks most of it; this runs first so every refusal is the
// reference's own, names its clause, and covers what Beast lets through (a
// Sec-WebSocket-Key that is not 16 octets in base64, a repeated key or version).
#pragma once

#include <string_view>

#include "reference/http1/request.hpp"
#include "reference/http1/upgrade.hpp"

namespace conform::reference::websocket {

// The refusal of an unacceptable opening handshake, or an empty one. 426 responses
// carry Upgrade: websocket and Sec-WebSocket-Version: 13 (RFC 6455 §4.4).
http1::upgrade_refusal check_opening(http1::request const& req);

// RFC 6455 §4.2.1 item 5: base64 that decodes to exactly 16 octets.
bool is_valid_key(std::string_view key);

}  // namespace conform::reference::websocket
