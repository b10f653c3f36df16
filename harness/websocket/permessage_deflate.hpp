// permessage-deflate (RFC 7692), the test side: the offer a client makes, the checks
// of a server's answer (§7.1), and the compressor and decompressor of messages (§7.2)
// over zlib's raw DEFLATE, with context takeover and window bits as negotiated.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/http1/message.hpp"

struct z_stream_s;

namespace conform::ws {

// One element of a Sec-WebSocket-Extensions list: a name and its parameters.
struct extension {
  std::string name;
  std::vector<std::pair<std::string, std::optional<std::string>>> params;  // quotes removed
};
std::vector<extension> parse_extensions(std::vector<std::string_view> const& items);

// What a permessage-deflate offer or response says (RFC 7692 §7.1).
struct deflate_params {
  bool server_no_context_takeover = false;
  bool client_no_context_takeover = false;
  std::optional<int> server_max_window_bits;
  bool client_max_window_bits = false;  // present (with or without a value)
  std::optional<int> client_max_window_bits_value;

  std::string offer() const;  // "permessage-deflate; client_max_window_bits"
};

// What the server's response agreed, ready for the codec.
struct deflate_agreement {
  bool server_no_context_takeover = false;
  bool client_no_context_takeover = false;
  int server_max_window_bits = 15;
  int client_max_window_bits = 15;
};

// Why the 101 response `r` is not a valid answer to `offer_text` (a permessage-deflate
// offer), or empty.
std::string check_deflate_response(h1::response const& r, std::string_view offer_text);
// The agreement of a response check_deflate_response accepted; nullopt when the
// server declined the extension.
std::optional<deflate_agreement> agreed_deflate(h1::response const& r);

// Compresses messages as RFC 7692 §7.2.1 says: raw DEFLATE, flushed, without the
// final 00 00 ff ff; with no context takeover each message starts afresh.
class deflater {
 public:
  deflater(int window_bits, bool no_context_takeover);
  ~deflater();
  deflater(deflater const&) = delete;
  deflater& operator=(deflater const&) = delete;
  std::string compress(std::string_view message);

 private:
  std::unique_ptr<z_stream_s> z_;
  bool reset_each_ = false;
};

// Decompresses messages (§7.2.2): appends 00 00 ff ff and inflates, never producing
// more than `max_output` octets per message.
class inflater {
 public:
  inflater(int window_bits, bool no_context_takeover, std::size_t max_output);
  ~inflater();
  inflater(inflater const&) = delete;
  inflater& operator=(inflater const&) = delete;
  // False with `error` set when the data is not valid DEFLATE or too large.
  bool decompress(std::string_view payload, std::string& out, std::string& error);

 private:
  std::unique_ptr<z_stream_s> z_;
  bool reset_each_ = false;
  std::size_t max_output_;
};

}  // namespace conform::ws
