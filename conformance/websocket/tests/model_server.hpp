// A small, strict model of a compliant WebSocket echo server (RFC 6455, RFC 7692),
// independent of the reference and built from the harness's own wire layer, with one
// named fault per rule. The self-tests run every case against it (must PASS) and
// against the model with the case's fault (must FAIL, or WARN for SHOULD cases).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "harness/net/memory_connection.hpp"
#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/permessage_deflate.hpp"
#include "harness/websocket/utf8.hpp"

namespace conform::websocket::testing {

enum class fault {
  none,
  // opening handshake (RFC 6455 §4, RFC 7692 §5)
  wrong_accept,                // a Sec-WebSocket-Accept computed from another key
  accept_any_key,              // no check of Sec-WebSocket-Key
  accept_any_method,           // POST upgrades too
  accept_http10,               // HTTP/1.0 upgrades too
  accept_missing_upgrade,      // no check of Upgrade: websocket
  accept_missing_connection,   // no check of Connection: upgrade
  accept_any_version,          // no check of Sec-WebSocket-Version
  version_without_header,      // refuses version 8 with 426 but no Sec-WebSocket-Version
  version_400,                 // refuses version 8 with 400 instead of 426
  select_unoffered_protocol,   // always selects subprotocol "chat"
  accept_unknown_extension,    // echoes any offered extension back
  accept_bad_deflate_offer,    // accepts permessage-deflate offers with bad parameters
  bad_deflate_response,        // drops server_no_context_takeover, answers window bits 15
  corrupt_compressed_echo,     // flips a bit of each message before compressing its echo
  keep_compression_context,    // agrees server_no_context_takeover, keeps the context anyway
  crash_on_origin,             // 500 when an Origin is present
  // framing (§5.1, §5.2)
  no_empty_echo,               // does not echo empty messages
  text_as_binary,              // echoes text messages as binary
  binary_as_text,              // echoes binary messages as text
  truncate_long_echo,          // messages of 126 octets or more come back one short
  needs_whole_frames,          // drops a frame that arrives in several writes
  accept_unmasked,             // takes unmasked client frames
  wait_for_huge_length,        // waits for a 2^63-octet payload
  // control frames (§5.5)
  no_pong,                     // never answers a ping
  pong_empty,                  // pongs without the ping's payload
  pong_to_pong,                // answers unsolicited pongs
  pong_only_last,              // answers only the last of several pings, later
  accept_long_control,         // control frames over 125 octets
  accept_fragmented_control,   // control frames with FIN clear
  // reserved bits and opcodes (§5.2)
  accept_rsv,
  accept_reserved_opcode,      // ignores frames with reserved opcodes
  // fragmentation (§5.4)
  echo_fragments_separately,   // echoes each fragment as a message of its own
  accept_orphan_continuation,  // ignores a continuation with nothing to continue
  accept_interleaved_data,     // a new data frame inside a message continues it
  pong_after_message,          // answers pings between fragments only after the message
  // UTF-8 (§8.1)
  no_utf8_check,
  utf8_check_at_end,           // validates only complete messages (not fail-fast)
  // closing handshake (§5.5.1, §7)
  no_close_reply,              // ignores close frames and keeps the connection open
  accept_one_octet_close,
  accept_invalid_close_reason,
  accept_bad_close_code,
  reject_private_close_codes,  // fails the connection on 3000–4999
  echo_after_close,            // still echoes data frames that follow a close
  pong_after_close,            // still answers pings that follow a close
};

class model_server final : public net::scripted_peer {
 public:
  explicit model_server(fault f) : fault_(f) {}
  void receive(std::string_view bytes, net::peer_reply& reply) override;

 private:
  bool has(fault f) const { return fault_ == f; }
  void handshake(net::peer_reply& reply);
  std::string opening_response(std::string_view head);
  void frames(net::peer_reply& reply);
  bool on_frame(ws::frame& f, net::peer_reply& reply);
  bool on_control(ws::frame& f, net::peer_reply& reply);
  bool on_close(ws::frame const& f, net::peer_reply& reply);
  bool on_data(ws::frame& f, net::peer_reply& reply);
  void echo(std::uint8_t op, std::string payload, net::peer_reply& reply);
  void send(std::uint8_t op, std::string_view payload, net::peer_reply& reply, std::uint8_t rsv = 0);
  void fail(std::uint16_t code, net::peer_reply& reply);
  bool partial_text_invalid();

  fault fault_;
  bool open_ = false;      // the handshake completed
  bool closing_ = false;   // a close frame was received and answered
  bool done_ = false;      // the connection is closed
  std::string head_;       // the opening handshake, as it arrives
  ws::frame_reader reader_;
  std::optional<std::uint8_t> message_op_;
  bool message_compressed_ = false;
  std::string message_;
  ws::utf8_validator utf8_;
  // UTF-8 fail-fast inside a frame still arriving: the octets of it checked so far.
  ws::utf8_validator partial_utf8_;
  std::size_t partial_checked_ = 0;
  std::optional<std::string> pending_pong_;
  std::optional<ws::frame> control_fragment_;  // accept_fragmented_control  // pong_only_last / pong_after_message
  std::unique_ptr<ws::deflater> deflater_;
  std::unique_ptr<ws::inflater> inflater_;
};

}  // namespace conform::websocket::testing
