// The reference HTTP/2 server connection (RFC 9113), sans-I/O: bytes in through
// `feed`, bytes out through `output`/`consume_output`, `finished` when the transport
// should close once the output is written. No sockets, threads or clocks: the
// transport tells it about time (`on_idle_timeout`) and the end of input.
//
// Layers inside: rfc9113_frame (wire), rfc9113_5_1_stream_state and flow_window
// (per-stream rules), rfc9113_8_fields (request validation), endpoint_bridge (what
// is answered), and HPACK from reference/hpack. Every refusal is a stream or
// connection error with a stable key (`last_violation`), which logs and tests cite.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "reference/hpack/decoder.hpp"
#include "reference/hpack/encoder.hpp"
#include "reference/http2/endpoint_bridge.hpp"
#include "reference/http2/flow_window.hpp"
#include "reference/http2/rfc9113_5_1_stream_state.hpp"
#include "reference/http2/rfc9113_frame.hpp"

namespace conform::reference::http2 {

// What the server advertises and how much abuse it tolerates (RFC 9113 §10.5).
struct limits {
  std::uint32_t max_concurrent_streams = 100;
  std::uint32_t initial_window_size = 1 << 20;  // per stream, for request bodies
  std::uint32_t connection_window = 1 << 24;    // raised by WINDOW_UPDATE right after SETTINGS
  std::uint32_t max_header_list_size = 64 * 1024;
  std::size_t max_header_block = 256 * 1024;   // HEADERS + CONTINUATION octets: CONTINUATION floods
  std::size_t max_request_body = 16u << 20;    // what /echo keeps
  std::size_t max_pending_output = 4u << 20;   // unsent octets: SETTINGS/PING floods end here
  std::uint32_t max_empty_frames = 1000;       // empty DATA / CONTINUATION without progress
  std::uint32_t max_resets = 200;              // client RST_STREAMs, when over half the streams: rapid reset
};

class connection {
 public:
  explicit connection(limits l = {});

  // Input from the peer; may produce output and change `finished`.
  void feed(std::string_view bytes);
  void set_date(std::string_view imf_fixdate) { date_ = imf_fixdate; }

  std::string_view output() const { return output_; }
  void consume_output(std::size_t n);
  bool finished() const { return finished_; }
  bool wants_input() const { return !finished_ && output_.size() < limits_.max_pending_output; }

  // The peer closed or reset its side.
  void on_peer_eof() { finished_ = true; }
  // Nothing arrived for the idle timeout: GOAWAY(NO_ERROR) and close.
  void on_idle_timeout();
  // Graceful shutdown: GOAWAY(NO_ERROR), finish the streams already open, then close.
  void begin_shutdown();

  std::string_view last_violation() const { return last_violation_; }
  std::size_t open_streams() const { return streams_.size(); }

 private:
  struct stream {
    stream_state state = stream_state::idle;
    flow_window send_window;
    flow_window recv_window;
    request_head head;
    std::string body;
    std::uint64_t body_received = 0;
    std::size_t recv_unacked = 0;  // consumed octets not yet returned by WINDOW_UPDATE
    bool responded = false;        // HEADERS of the response sent
    std::deque<std::string> pending;  // DATA pieces waiting for window
    response_body rest;               // the body not yet produced
    bool body_done = true;
  };
  using handler = void (connection::*)(frame_header const&, std::string_view);

  // connection.cpp: input framing and errors.
  void parse_frames();
  void dispatch(frame_header const&, std::string_view payload);
  void connection_error(error_code, std::string_view key);
  void stream_error(std::uint32_t id, error_code, std::string_view key);
  void close_stream(std::uint32_t id);
  stream* find(std::uint32_t id);
  bool idle(std::uint32_t id) const { return id > last_client_stream_; }

  // connection_frames.cpp: one handler per frame type (RFC 9113 §6).
  void on_data(frame_header const&, std::string_view);
  void on_headers(frame_header const&, std::string_view);
  void on_priority(frame_header const&, std::string_view);
  void on_rst_stream(frame_header const&, std::string_view);
  void on_settings(frame_header const&, std::string_view);
  void on_push_promise(frame_header const&, std::string_view);
  void on_ping(frame_header const&, std::string_view);
  void on_goaway(frame_header const&, std::string_view);
  void on_window_update(frame_header const&, std::string_view);
  void on_continuation(frame_header const&, std::string_view);
  bool apply_setting(std::uint16_t id, std::uint32_t value);
  bool strip_padding(frame_header const&, std::string_view& payload);

  // connection_streams.cpp: header blocks, requests and responses.
  void header_block_complete();
  void open_stream(std::uint32_t id, std::vector<hpack::header_field>&& fields, bool end_stream);
  void trailers(stream& s, std::uint32_t id, std::vector<hpack::header_field> const& fields);
  void request_complete(std::uint32_t id, stream& s);
  void respond(std::uint32_t id, stream& s, response r);
  void send_pending();
  bool send_stream_data(std::uint32_t id, stream& s);
  void return_window(std::uint32_t id, stream* s, std::size_t n);
  void maybe_finish();

  static handler const handlers[frame_type_count];

  limits limits_;
  std::string input_;
  std::string output_;
  std::string date_;
  bool preface_seen_ = false;
  bool settings_seen_ = false;
  bool finished_ = false;
  bool going_away_ = false;
  std::string_view last_violation_;

  std::map<std::uint32_t, stream> streams_;
  std::deque<std::uint32_t> recently_closed_;  // ids, oldest first, bounded
  std::uint32_t last_client_stream_ = 0;
  std::uint32_t streams_opened_ = 0;
  std::uint32_t resets_received_ = 0;
  std::uint32_t empty_frames_ = 0;

  // A header block in progress (§6.10): the stream, flags of its HEADERS, octets so far.
  std::uint32_t continuation_stream_ = 0;
  bool continuation_end_stream_ = false;
  bool self_dependent_ = false;  // its HEADERS named itself as dependency (§5.3.1)
  std::string header_block_;

  hpack::decoder decoder_;
  hpack::encoder encoder_;
  flow_window send_window_;
  flow_window recv_window_;
  std::size_t recv_unacked_ = 0;
  std::uint32_t peer_initial_window_ = 65535;
  std::uint32_t peer_max_frame_size_ = min_max_frame_size;
};

}  // namespace conform::reference::http2
