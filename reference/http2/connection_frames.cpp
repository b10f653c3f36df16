// One handler per frame type (RFC 9113 §6). Each checks the frame's own rules and
// then what the stream's state allows (§5.1), and names the error the RFC names.
#include "reference/http2/connection.hpp"

namespace conform::reference::http2 {

// §6.1, §6.2: "If the length of the padding is the length of the frame payload or
// greater, the recipient MUST treat this as a connection error of type PROTOCOL_ERROR."
bool connection::strip_padding(frame_header const& h, std::string_view& payload) {
  if (!h.has(flags::padded)) return true;
  if (payload.empty() || static_cast<unsigned char>(payload[0]) >= payload.size()) {
    connection_error(error_code::protocol_error, "padding_too_long");
    return false;
  }
  std::size_t const pad = static_cast<unsigned char>(payload[0]);
  payload = payload.substr(1, payload.size() - 1 - pad);
  return true;
}

void connection::on_data(frame_header const& h, std::string_view payload) {
  std::uint32_t const id = h.stream_id;
  if (id == 0) return connection_error(error_code::protocol_error, "data_stream_0");
  if (idle(id)) return connection_error(error_code::protocol_error, "data_idle_stream");
  if (!strip_padding(h, payload)) return;
  // §6.9.1: the whole frame counts against both windows, padding included.
  if (!recv_window_.consume(h.length)) return connection_error(error_code::flow_control_error, "connection_window_exceeded");
  stream* s = find(id);
  if (!s || !peer_may_send(s->state)) {
    return_window(0, nullptr, h.length);
    return stream_error(id, error_code::stream_closed, "data_stream_closed");
  }
  if (!s->recv_window.consume(h.length)) {
    return_window(0, nullptr, h.length);
    return stream_error(id, error_code::flow_control_error, "stream_window_exceeded");
  }
  if (payload.empty() && !h.has(flags::end_stream) && ++empty_frames_ > limits_.max_empty_frames)
    return connection_error(error_code::enhance_your_calm, "empty_frame_flood");
  s->body_received += payload.size();
  if (s->head.content_length && s->body_received > *s->head.content_length)
    return stream_error(id, error_code::protocol_error, "content_length_mismatch");  // §8.1.1
  if (s->body.size() + payload.size() > limits_.max_request_body)
    return stream_error(id, error_code::enhance_your_calm, "request_body_too_large");
  s->body.append(payload);
  return_window(id, s, h.length);
  if (!h.has(flags::end_stream)) return;
  if (s->head.content_length && s->body_received != *s->head.content_length)
    return stream_error(id, error_code::protocol_error, "content_length_mismatch");
  s->state = on_recv_end_stream(s->state);
  request_complete(id, *s);
}

void connection::on_headers(frame_header const& h, std::string_view payload) {
  std::uint32_t const id = h.stream_id;
  if (id == 0) return connection_error(error_code::protocol_error, "headers_stream_0");
  if (id % 2 == 0) return connection_error(error_code::protocol_error, "stream_id_even");  // §5.1.1
  if (!strip_padding(h, payload)) return;
  self_dependent_ = false;
  if (h.has(flags::priority)) {
    if (payload.size() < 5) return connection_error(error_code::frame_size_error, "headers_priority_short");
    // §5.3.1: "A stream cannot depend on itself." Decided after the block is decoded.
    self_dependent_ = (read_u32(payload, 0) & 0x7fffffffu) == id;
    payload.remove_prefix(5);
  }
  if (payload.size() > limits_.max_header_block)
    return connection_error(error_code::enhance_your_calm, "header_block_too_large");
  header_block_.assign(payload);
  continuation_stream_ = id;
  continuation_end_stream_ = h.has(flags::end_stream);
  if (h.has(flags::end_headers)) header_block_complete();
}

void connection::on_continuation(frame_header const& h, std::string_view payload) {
  // dispatch() already refused a CONTINUATION of another stream while a block is open.
  if (continuation_stream_ == 0) return connection_error(error_code::protocol_error, "continuation_unexpected");
  if (header_block_.size() + payload.size() > limits_.max_header_block)
    return connection_error(error_code::enhance_your_calm, "continuation_flood");
  if (payload.empty() && !h.has(flags::end_headers) && ++empty_frames_ > limits_.max_empty_frames)
    return connection_error(error_code::enhance_your_calm, "empty_frame_flood");
  header_block_.append(payload);
  if (h.has(flags::end_headers)) header_block_complete();
}

// §6.3: PRIORITY is parsed for its own rules and otherwise ignored (§5.3.2).
void connection::on_priority(frame_header const& h, std::string_view payload) {
  if (h.stream_id == 0) return connection_error(error_code::protocol_error, "priority_stream_0");
  if (h.length != 5) return stream_error(h.stream_id, error_code::frame_size_error, "priority_length");
  if ((read_u32(payload, 0) & 0x7fffffffu) == h.stream_id)
    return stream_error(h.stream_id, error_code::protocol_error, "stream_depends_on_itself");
}

void connection::on_rst_stream(frame_header const& h, std::string_view) {
  if (h.stream_id == 0) return connection_error(error_code::protocol_error, "rst_stream_0");
  if (h.length != 4) return connection_error(error_code::frame_size_error, "rst_stream_length");
  if (idle(h.stream_id)) return connection_error(error_code::protocol_error, "rst_stream_idle");
  // CVE-2023-44487: streams opened and reset at once cost us work and the client nothing.
  if (++resets_received_ > limits_.max_resets && resets_received_ * 2 > streams_opened_)
    return connection_error(error_code::enhance_your_calm, "rapid_reset");
  close_stream(h.stream_id);
}

void connection::on_settings(frame_header const& h, std::string_view payload) {
  if (h.stream_id != 0) return connection_error(error_code::protocol_error, "settings_stream_id");
  if (h.has(flags::ack)) {
    if (h.length != 0) return connection_error(error_code::frame_size_error, "settings_ack_payload");
    return;
  }
  if (h.length % 6 != 0) return connection_error(error_code::frame_size_error, "settings_length");
  if (output_.size() > limits_.max_pending_output / 2)
    return connection_error(error_code::enhance_your_calm, "settings_flood");
  for (std::size_t at = 0; at < payload.size(); at += 6) {
    auto const id = static_cast<std::uint16_t>((static_cast<unsigned char>(payload[at]) << 8) |
                                               static_cast<unsigned char>(payload[at + 1]));
    if (!apply_setting(id, read_u32(payload, at + 2))) return;
  }
  settings_seen_ = true;
  write_settings_ack(output_);  // §6.5.3
  send_pending();
}

// §6.5.2; unknown identifiers are ignored.
bool connection::apply_setting(std::uint16_t id, std::uint32_t value) {
  switch (id) {
    case settings_id::header_table_size: encoder_.set_max_table_size(value); return true;
    case settings_id::enable_push:
      if (value > 1) return connection_error(error_code::protocol_error, "settings_enable_push"), false;
      return true;
    case settings_id::initial_window_size: {
      if (value > max_window_size)
        return connection_error(error_code::flow_control_error, "settings_initial_window_size"), false;
      // §6.9.2: every stream's send window moves by the difference, maybe below zero.
      std::int64_t const delta = static_cast<std::int64_t>(value) - peer_initial_window_;
      peer_initial_window_ = value;
      for (auto& [sid, s] : streams_)
        if (!s.send_window.grow(delta))
          return connection_error(error_code::flow_control_error, "settings_window_overflow"), false;
      return true;
    }
    case settings_id::max_frame_size:
      if (value < min_max_frame_size || value > max_max_frame_size)
        return connection_error(error_code::protocol_error, "settings_max_frame_size"), false;
      peer_max_frame_size_ = value;
      return true;
    default: return true;
  }
}

void connection::on_push_promise(frame_header const&, std::string_view) {
  connection_error(error_code::protocol_error, "push_promise_from_client");  // §8.4
}

void connection::on_ping(frame_header const& h, std::string_view payload) {
  if (h.stream_id != 0) return connection_error(error_code::protocol_error, "ping_stream_id");
  if (h.length != 8) return connection_error(error_code::frame_size_error, "ping_length");
  if (h.has(flags::ack)) return;
  if (output_.size() > limits_.max_pending_output / 2)
    return connection_error(error_code::enhance_your_calm, "ping_flood");
  write_ping_ack(output_, payload);
}

void connection::on_goaway(frame_header const& h, std::string_view) {
  if (h.stream_id != 0) return connection_error(error_code::protocol_error, "goaway_stream_id");
  if (h.length < 8) return connection_error(error_code::frame_size_error, "goaway_length");
  // §6.8: the client opens no more streams. Our own GOAWAY names the last stream we
  // process (the client learns what is safe to retry); those open finish, then we close.
  begin_shutdown();
}

void connection::on_window_update(frame_header const& h, std::string_view payload) {
  if (h.length != 4) return connection_error(error_code::frame_size_error, "window_update_length");
  std::uint32_t const increment = read_u32(payload, 0) & 0x7fffffffu;
  std::uint32_t const id = h.stream_id;
  if (id == 0) {
    if (increment == 0) return connection_error(error_code::protocol_error, "window_update_zero");
    if (!send_window_.grow(increment)) return connection_error(error_code::flow_control_error, "connection_window_overflow");
    return send_pending();
  }
  if (idle(id)) return connection_error(error_code::protocol_error, "window_update_idle");
  if (increment == 0) return stream_error(id, error_code::protocol_error, "window_update_zero");
  stream* s = find(id);
  if (!s) return;  // closed: a WINDOW_UPDATE may still be in flight (§6.9)
  if (!s->send_window.grow(increment)) return stream_error(id, error_code::flow_control_error, "stream_window_overflow");
  send_pending();
}

}  // namespace conform::reference::http2
