#include "harness/websocket/handshake.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include "harness/websocket/permessage_deflate.hpp"

namespace conform::ws {

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  auto const n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                 reinterpret_cast<unsigned char const*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string make_key(std::mt19937_64& rng) {
  std::string raw(16, '\0');
  for (auto& c : raw) c = static_cast<char>(rng() & 0xff);
  return base64(raw);
}

std::string accept_for(std::string_view key) {
  std::string const input = std::string(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<unsigned char const*>(input.data()), input.size(), digest);
  return base64(std::string_view(reinterpret_cast<char const*>(digest), sizeof digest));
}

h1::request build_request(opening const& o) {
  h1::request r(o.method, o.path, o.version);
  auto add = [&](std::string_view name, std::optional<std::string> const& value) {
    if (value) r.header(name, *value);
  };
  add("Host", o.host);
  add("Upgrade", o.upgrade);
  add("Connection", o.connection);
  add("Sec-WebSocket-Key", o.key);
  add("Sec-WebSocket-Version", o.ws_version);
  add("Origin", o.origin);
  add("Sec-WebSocket-Protocol", o.protocols);
  add("Sec-WebSocket-Extensions", o.extensions);
  for (auto const& line : o.extra_lines) r.raw_line(line);
  return r;
}

namespace {

bool offered(std::string_view list, std::string_view token) {
  std::vector<h1::field> f{{"x", std::string(list)}};
  for (auto item : h1::list_items(f, "x"))
    if (item == token) return true;
  return false;
}

}  // namespace

std::string check_response(h1::response const& r, std::string_view key, std::string_view protocols,
                           std::string_view extensions) {
  if (r.status != 101) return "status " + r.summary() + " instead of 101 Switching Protocols";
  if (!r.has_token("upgrade", "websocket")) return "no Upgrade: websocket in the 101 response";
  if (!r.has_token("connection", "upgrade")) return "no Connection: Upgrade in the 101 response";
  auto const accept = r.header("sec-websocket-accept");
  if (!accept) return "no Sec-WebSocket-Accept in the 101 response";
  if (r.count("sec-websocket-accept") > 1) return "more than one Sec-WebSocket-Accept";
  if (h1::trim_ows(*accept) != accept_for(key))
    return "Sec-WebSocket-Accept " + std::string(*accept) + " instead of " + accept_for(key);
  if (auto p = r.header("sec-websocket-protocol")) {
    if (protocols.empty()) return "subprotocol " + std::string(*p) + " selected though the client offered none";
    if (!offered(protocols, h1::trim_ows(*p)))
      return "subprotocol " + std::string(*p) + " selected, not one of those offered (" + std::string(protocols) + ")";
  }
  auto const accepted = h1::list_items(r.fields, "sec-websocket-extensions");
  if (!accepted.empty()) {
    if (extensions.empty()) return "extensions accepted though the client offered none";
    auto const why = check_deflate_response(r, extensions);
    if (!why.empty()) return why;
  }
  return {};
}

}  // namespace conform::ws
