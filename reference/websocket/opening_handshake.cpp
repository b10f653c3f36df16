#include "reference/websocket/opening_handshake.hpp"

namespace conform::reference::websocket {
namespace {

bool has_token(http1::request const& req, std::string_view name, std::string_view token) {
  for (std::size_t i = 0; i < req.field_count(); ++i) {
    if (!http1::iequals(req.field_name(i), name)) continue;
    std::string_view v = req.field_value(i);
    while (!v.empty()) {
      auto const comma = v.find(',');
      auto item = v.substr(0, comma);
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
      if (http1::iequals(item, token)) return true;
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
  }
  return false;
}

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

http1::upgrade_refusal refuse(int status, std::string_view key, std::string_view clause, std::string_view reason) {
  http1::upgrade_refusal r{status, key, clause, reason};
  if (status == 426) r.fields = {{{"Upgrade", "websocket"}, {"Sec-WebSocket-Version", "13"}}};
  if (status == 405) r.fields = {{{"Allow", "GET"}, {}}};
  return r;
}

}  // namespace

bool is_valid_key(std::string_view key) {
  // 16 octets are 22 base64 characters and "==" padding; the last character carries
  // only 2 significant bits, so it is one of A, Q, g, w.
  if (key.size() != 24 || key.substr(22) != "==") return false;
  for (char c : key.substr(0, 22))
    if (!is_base64_char(c)) return false;
  return std::string_view("AQgw").find(key[21]) != std::string_view::npos;
}

http1::upgrade_refusal check_opening(http1::request const& req) {
  if (req.verb() != http1::method::get)
    return refuse(405, "ws_method_not_get", "RFC 6455 §4.2.1 item 1", "The opening handshake must be a GET request.");
  if (req.version() != 11)
    return refuse(400, "ws_http_version", "RFC 6455 §4.2.1 item 1",
                  "The opening handshake must be HTTP/1.1 or higher.");
  if (!has_token(req, "upgrade", "websocket"))
    return refuse(426, "ws_upgrade_missing", "RFC 6455 §4.2.1 item 3",
                  "The request must carry Upgrade: websocket.");
  if (!has_token(req, "connection", "upgrade"))
    return refuse(400, "ws_connection_missing", "RFC 6455 §4.2.1 item 4",
                  "The request must carry a Connection field with the upgrade token.");
  auto const key = req.find("sec-websocket-key");
  if (!key || req.count("sec-websocket-key") != 1 || !is_valid_key(*key))
    return refuse(400, "ws_key_malformed", "RFC 6455 §4.2.1 item 5",
                  "Sec-WebSocket-Key must appear once: base64 of 16 octets.");
  auto const version = req.find("sec-websocket-version");
  if (!version || req.count("sec-websocket-version") != 1 || *version != "13")
    return refuse(426, "ws_version_unsupported", "RFC 6455 §4.4",
                  "Only Sec-WebSocket-Version 13 is supported.");
  return {};
}

}  // namespace conform::reference::websocket
