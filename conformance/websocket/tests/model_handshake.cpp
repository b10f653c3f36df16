// The model's opening handshake (RFC 6455 §4.2, RFC 7692 §5), strict unless a fault
// says otherwise.
#include <algorithm>
#include <vector>

#include "conformance/websocket/tests/model_server.hpp"
#include "harness/http1/message.hpp"
#include "harness/websocket/handshake.hpp"

namespace conform::websocket::testing {
namespace {

struct parsed_head {
  std::string method, version;
  std::vector<h1::field> fields;
};

parsed_head parse(std::string_view head) {
  parsed_head p;
  auto const eol = head.find("\r\n");
  auto const line = head.substr(0, eol);
  p.method = std::string(line.substr(0, line.find(' ')));
  p.version = std::string(line.substr(line.rfind(' ') + 1));
  std::size_t at = eol + 2;
  while (at < head.size()) {
    auto const end = std::min(head.find("\r\n", at), head.size());
    auto const l = head.substr(at, end - at);
    auto const colon = l.find(':');
    if (colon != std::string_view::npos)
      p.fields.push_back({std::string(l.substr(0, colon)), std::string(h1::trim_ows(l.substr(colon + 1)))});
    at = end + 2;
  }
  return p;
}

bool has_token(parsed_head const& p, std::string_view name, std::string_view token) {
  for (auto item : h1::list_items(p.fields, name))
    if (h1::iequals(item, token)) return true;
  return false;
}

std::vector<std::string_view> values(parsed_head const& p, std::string_view name) {
  std::vector<std::string_view> out;
  for (auto const& f : p.fields)
    if (h1::iequals(f.name, name)) out.push_back(f.value);
  return out;
}

bool valid_key(std::vector<std::string_view> const& keys) {
  if (keys.size() != 1 || keys[0].size() != 24 || !keys[0].ends_with("==")) return false;
  return std::all_of(keys[0].begin(), keys[0].end() - 2, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; });
}

std::string refusal(int status, std::string_view reason, std::string_view extra = {}) {
  return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n" + std::string(extra) +
         "Content-Length: 0\r\nConnection: close\r\n\r\n";
}

// Whether a permessage-deflate offer may be accepted as written (RFC 7692 §5, §7.1).
bool acceptable_offer(ws::extension const& e) {
  std::vector<std::string> seen;
  for (auto const& [name, value] : e.params) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) return false;
    seen.push_back(name);
    bool const flag = name == "server_no_context_takeover" || name == "client_no_context_takeover";
    if (flag && value) return false;
    if (name == "server_max_window_bits" || (name == "client_max_window_bits" && value)) {
      if (!value || value->size() > 2 || std::stoi("0" + *value) < 8 || std::stoi("0" + *value) > 15) return false;
    } else if (!flag && name != "client_max_window_bits") {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string model_server::opening_response(std::string_view head) {
  auto const p = parse(head);
  if (p.method != "GET" && !has(fault::accept_any_method)) return refusal(405, "Method Not Allowed", "Allow: GET\r\n");
  if (p.version != "HTTP/1.1" && !has(fault::accept_http10)) return refusal(400, "Bad Request");
  if (!has_token(p, "upgrade", "websocket") && !has(fault::accept_missing_upgrade))
    return refusal(426, "Upgrade Required", "Upgrade: websocket\r\n");
  if (!has_token(p, "connection", "upgrade") && !has(fault::accept_missing_connection))
    return refusal(400, "Bad Request");
  auto const keys = values(p, "sec-websocket-key");
  if (!valid_key(keys) && !has(fault::accept_any_key)) return refusal(400, "Bad Request");
  auto const versions = values(p, "sec-websocket-version");
  if ((versions.size() != 1 || versions[0] != "13") && !has(fault::accept_any_version)) {
    if (has(fault::version_without_header)) return refusal(426, "Upgrade Required");
    return refusal(has(fault::version_400) ? 400 : 426, has(fault::version_400) ? "Bad Request" : "Upgrade Required",
                   "Sec-WebSocket-Version: 13\r\n");
  }
  if (!values(p, "origin").empty() && has(fault::crash_on_origin)) return refusal(500, "Internal Server Error");

  std::string const key = keys.empty() ? std::string() : std::string(keys[0]);
  std::string out = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
  out += "Sec-WebSocket-Accept: " + ws::accept_for(has(fault::wrong_accept) ? key + "x" : key) + "\r\n";
  if (has(fault::select_unoffered_protocol)) out += "Sec-WebSocket-Protocol: chat\r\n";
  for (auto const& e : ws::parse_extensions(h1::list_items(p.fields, "sec-websocket-extensions"))) {
    if (e.name != "permessage-deflate") {
      if (has(fault::accept_unknown_extension)) out += "Sec-WebSocket-Extensions: " + e.name + "\r\n";
      continue;
    }
    if (deflater_ || (!acceptable_offer(e) && !has(fault::accept_bad_deflate_offer))) continue;
    std::string accepted = "permessage-deflate";
    bool no_takeover = false;
    int bits = 15;
    for (auto const& [name, value] : e.params) {
      if (name == "server_no_context_takeover" && !has(fault::bad_deflate_response)) {
        accepted += "; server_no_context_takeover";
        no_takeover = true;
      }
      if (name == "server_max_window_bits" && value && !has(fault::bad_deflate_response)) bits = std::stoi(*value);
      if (name == "server_max_window_bits" && value)
        accepted += "; server_max_window_bits=" + (has(fault::bad_deflate_response) ? std::string("15") : *value);
    }
    out += "Sec-WebSocket-Extensions: " + accepted + "\r\n";
    deflater_ = std::make_unique<ws::deflater>(bits, no_takeover && !has(fault::keep_compression_context));
    inflater_ = std::make_unique<ws::inflater>(15, false, ws::frame_reader::default_max_payload);
  }
  open_ = true;
  return out + "\r\n";
}

void model_server::handshake(net::peer_reply& reply) {
  auto const end = head_.find("\r\n\r\n");
  if (end == std::string::npos) return;
  std::string const rest = head_.substr(end + 4);
  reply.bytes += opening_response(std::string_view(head_).substr(0, end + 2));
  if (!open_) {
    reply.close = true;
    done_ = true;
    return;
  }
  reader_.feed(rest);
}

}  // namespace conform::websocket::testing
