// The HTTP side of the fuzzing server: a client's opening request read (bounded, with a
// deadline), answered with 101 (RFC 6455 §4.2.2), and the one-message answers of the
// utility URLs (/getCaseCount and the like) sent as the server, unmasked.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "harness/net/connection.hpp"

namespace conform::cli {

struct opening_request {
  std::string path;                           // "/runCase"
  std::map<std::string, std::string> params;  // query parameters, percent-decoded
  std::string key;                            // Sec-WebSocket-Key
  bool upgrade = false;                       // Upgrade: websocket
  std::string error;                          // why it could not be read
  std::string param(std::string const& name) const {
    auto const it = params.find(name);
    return it == params.end() ? std::string{} : it->second;
  }
};

opening_request read_opening(net::connection& c, std::chrono::steady_clock::time_point until);
// 101 with the accept key (no extension, no subprotocol), or 400 for a request that is
// not a WebSocket opening; false when the connection cannot go on.
bool answer_opening(net::connection& c, opening_request const& req, std::chrono::steady_clock::time_point until);
// One text message (none when empty), our close 1000, the client's close awaited, closed.
void send_text_and_close(net::connection& c, std::string const& text, std::chrono::steady_clock::time_point until);
std::string json_escape(std::string_view text);

}  // namespace conform::cli
