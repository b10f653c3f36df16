// The connection's input side: the preface, frame boundaries, dispatch by type, and
// what a stream or connection error does (RFC 9113 §3.4, §4, §5.4).
#include "reference/http2/connection.hpp"

#include <algorithm>

namespace conform::reference::http2 {
namespace {

constexpr std::size_t recently_closed_cap = 1024;

}  // namespace

// Dispatch by frame type (x/net's frameParsers): a table of small handlers.
connection::handler const connection::handlers[frame_type_count] = {
    &connection::on_data,         &connection::on_headers,      &connection::on_priority,
    &connection::on_rst_stream,   &connection::on_settings,     &connection::on_push_promise,
    &connection::on_ping,         &connection::on_goaway,       &connection::on_window_update,
    &connection::on_continuation,
};

connection::connection(limits l)
    : limits_(l),
      decoder_({.max_table_size = 4096, .max_header_list_size = l.max_header_list_size}),
      recv_window_(l.connection_window) {
  // RFC 9113 §3.4: the server's preface is a SETTINGS frame, sent without waiting.
  write_settings(output_, {{settings_id::max_concurrent_streams, limits_.max_concurrent_streams},
                           {settings_id::initial_window_size, limits_.initial_window_size},
                           {settings_id::max_header_list_size, limits_.max_header_list_size}});
  write_window_update(output_, 0, limits_.connection_window - 65535);
}

void connection::feed(std::string_view bytes) {
  if (finished_) return;
  input_.append(bytes);
  parse_frames();
}

void connection::consume_output(std::size_t n) {
  output_.erase(0, n);
  if (finished_) return;
  send_pending();
  if (!input_.empty()) parse_frames();  // input held back while output was full
}

void connection::parse_frames() {
  if (!preface_seen_) {
    std::size_t const n = std::min(input_.size(), connection_preface.size());
    if (input_.compare(0, n, connection_preface.substr(0, n)) != 0)
      return connection_error(error_code::protocol_error, "preface_invalid");
    if (n < connection_preface.size()) return;
    preface_seen_ = true;
    input_.erase(0, n);
  }
  std::size_t at = 0;
  while (!finished_ && input_.size() - at >= frame_header_size && output_.size() < limits_.max_pending_output) {
    frame_header const h = parse_frame_header(std::string_view(input_).substr(at));
    // §4.2: we never raise SETTINGS_MAX_FRAME_SIZE, so 16384 is the limit.
    if (h.length > min_max_frame_size) {
      connection_error(error_code::frame_size_error, "frame_too_large");
      break;
    }
    if (input_.size() - at < frame_header_size + h.length) break;
    dispatch(h, std::string_view(input_).substr(at + frame_header_size, h.length));
    at += frame_header_size + h.length;
  }
  input_.erase(0, at);
}

void connection::dispatch(frame_header const& h, std::string_view payload) {
  // §6.10: nothing may come between a HEADERS without END_HEADERS and its CONTINUATIONs.
  if (continuation_stream_ != 0 && !(h.is(frame_type::continuation) && h.stream_id == continuation_stream_))
    return connection_error(error_code::protocol_error, "header_block_interrupted");
  // §3.4: the client's preface ends with a SETTINGS frame.
  if (!settings_seen_ && (!h.is(frame_type::settings) || h.has(flags::ack)))
    return connection_error(error_code::protocol_error, "preface_settings_missing");
  if (h.type >= frame_type_count) return;  // §4.1, §5.5: unknown types are ignored
  (this->*handlers[h.type])(h, payload);
}

// §5.4.1: GOAWAY with the last stream we processed, then close.
void connection::connection_error(error_code code, std::string_view key) {
  if (finished_) return;
  last_violation_ = key;
  write_goaway(output_, last_client_stream_, code, key);
  finished_ = true;
}

// §5.4.2: RST_STREAM; on an idle stream that frame is not allowed (§6.4), so the error
// becomes a connection error, which §5.4.1 permits for any stream error.
void connection::stream_error(std::uint32_t id, error_code code, std::string_view key) {
  if (idle(id)) return connection_error(code, key);
  last_violation_ = key;
  write_rst_stream(output_, id, code);
  close_stream(id);
}

void connection::close_stream(std::uint32_t id) {
  if (streams_.erase(id) == 0 && std::find(recently_closed_.begin(), recently_closed_.end(), id) != recently_closed_.end())
    return;
  recently_closed_.push_back(id);
  if (recently_closed_.size() > recently_closed_cap) recently_closed_.pop_front();
  maybe_finish();
}

connection::stream* connection::find(std::uint32_t id) {
  auto const it = streams_.find(id);
  return it == streams_.end() ? nullptr : &it->second;
}

void connection::on_idle_timeout() {
  if (finished_) return;
  write_goaway(output_, last_client_stream_, error_code::no_error, "idle");
  finished_ = true;
}

// §6.8: GOAWAY(NO_ERROR) names the last stream we will process; those finish first.
void connection::begin_shutdown() {
  if (going_away_ || finished_) return;
  going_away_ = true;
  write_goaway(output_, last_client_stream_, error_code::no_error, "shutdown");
  maybe_finish();
}

void connection::maybe_finish() {
  if (going_away_ && streams_.empty() && continuation_stream_ == 0) finished_ = true;
}

}  // namespace conform::reference::http2
