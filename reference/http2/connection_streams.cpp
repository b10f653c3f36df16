// Header blocks become requests, requests become responses, and response bodies go out
// as DATA within the peer's flow-control windows (RFC 9113 §5.1, §6.9, §8.1).
#include <algorithm>

#include "reference/hpack/error.hpp"
#include "reference/http2/connection.hpp"

namespace conform::reference::http2 {
namespace {

constexpr std::size_t output_budget = 1u << 20;  // octets of DATA queued before waiting for the transport
constexpr std::size_t produce_step = 64 * 1024;

}  // namespace

void connection::header_block_complete() {
  std::uint32_t const id = continuation_stream_;
  continuation_stream_ = 0;
  std::vector<hpack::header_field> fields;
  auto const ec = decoder_.decode(header_block_, fields);
  header_block_.clear();
  bool const too_large = ec == hpack::error::header_list_too_large;
  if (ec && !too_large) return connection_error(error_code::compression_error, hpack::key(static_cast<hpack::error>(ec.value())));
  if (self_dependent_) {
    self_dependent_ = false;
    if (idle(id)) last_client_stream_ = id;
    return stream_error(id, error_code::protocol_error, "stream_depends_on_itself");
  }
  if (stream* s = find(id)) return trailers(*s, id, fields);
  if (!idle(id)) {
    // §5.1: a stream that closed stays closed; §5.1.1: a new stream's id must exceed
    // every id used before, and one never used below the last is closed as well.
    bool const used = std::find(recently_closed_.begin(), recently_closed_.end(), id) != recently_closed_.end();
    return used ? connection_error(error_code::stream_closed, "headers_closed_stream")
                : connection_error(error_code::protocol_error, "stream_id_not_increasing");
  }
  if (too_large) {
    last_client_stream_ = id;
    ++streams_opened_;
    return stream_error(id, error_code::refused_stream, "header_list_too_large");  // §10.5.1
  }
  open_stream(id, std::move(fields), continuation_end_stream_);
}

void connection::open_stream(std::uint32_t id, std::vector<hpack::header_field>&& fields, bool end_stream) {
  last_client_stream_ = id;
  ++streams_opened_;
  if (going_away_) return close_stream(id);  // §6.8: streams after our GOAWAY are ignored
  if (streams_.size() >= limits_.max_concurrent_streams)
    return stream_error(id, error_code::refused_stream, "max_concurrent_streams");  // §5.1.2
  auto check = check_request_fields(std::move(fields));
  if (!check.violation.empty()) return stream_error(id, error_code::protocol_error, check.violation);  // §8.1.1
  stream& s = streams_[id];
  s.state = on_recv_headers(stream_state::idle, end_stream);
  s.send_window = flow_window(peer_initial_window_);
  s.recv_window = flow_window(limits_.initial_window_size);
  s.head = std::move(check.head);
  // §8.5: a CONNECT is answered before anything flows on its stream (a tunnel would
  // wait for the 2xx); the reference is no proxy and refuses it at once.
  if (s.head.method == "CONNECT") return request_complete(id, s);
  if (!end_stream) return;
  if (s.head.content_length && *s.head.content_length != 0)
    return stream_error(id, error_code::protocol_error, "content_length_mismatch");
  request_complete(id, s);
}

// §8.1: a second HEADERS on a stream is its trailer section and must end the stream.
void connection::trailers(stream& s, std::uint32_t id, std::vector<hpack::header_field> const& fields) {
  if (!peer_may_send(s.state)) return stream_error(id, error_code::stream_closed, "headers_half_closed");
  if (!continuation_end_stream_) return stream_error(id, error_code::protocol_error, "trailers_without_end_stream");
  if (auto const v = check_trailer_fields(fields); !v.empty()) return stream_error(id, error_code::protocol_error, v);
  if (s.head.content_length && s.body_received != *s.head.content_length)
    return stream_error(id, error_code::protocol_error, "content_length_mismatch");
  s.state = on_recv_end_stream(s.state);
  request_complete(id, s);
}

void connection::request_complete(std::uint32_t id, stream& s) {
  if (s.head.method == "CONNECT") return respond(id, s, plain_response(405, "405 Method Not Allowed: not a proxy\n", date_));
  respond(id, s, serve(s.head, s.body, date_));
}

void connection::respond(std::uint32_t id, stream& s, response r) {
  s.body.clear();
  s.body.shrink_to_fit();
  for (auto const& interim : r.interim) {
    std::string block;
    encoder_.encode(interim.fields, block);
    write_header_block(output_, id, block, false, peer_max_frame_size_);
  }
  std::string block;
  encoder_.encode(r.head.fields, block);
  bool const no_body = r.body.empty();
  write_header_block(output_, id, block, no_body, peer_max_frame_size_);
  s.responded = true;
  if (no_body) {
    s.state = on_send_end_stream(s.state);
    if (s.state == stream_state::closed) close_stream(id);
    return;
  }
  s.rest = std::move(r.body);
  s.body_done = false;
  send_pending();
}

void connection::send_pending() {
  if (finished_) return;
  std::vector<std::uint32_t> ready;
  for (auto const& [id, s] : streams_)
    if (s.responded && (!s.pending.empty() || !s.body_done)) ready.push_back(id);
  for (auto id : ready) {
    if (output_.size() >= output_budget || send_window_.available() == 0) return;
    if (stream* s = find(id)) send_stream_data(id, *s);
  }
}

// Sends what the windows allow; returns true when the stream's response is complete.
bool connection::send_stream_data(std::uint32_t id, stream& s) {
  while (output_.size() < output_budget) {
    if (s.pending.empty() && !s.body_done) {
      std::vector<std::string> pieces;
      s.body_done = s.rest.next(pieces, produce_step);
      for (auto& p : pieces)
        if (!p.empty()) s.pending.push_back(std::move(p));
      continue;
    }
    std::string_view piece = s.pending.empty() ? std::string_view{} : std::string_view(s.pending.front());
    auto const allowed = static_cast<std::size_t>(std::min<std::int64_t>(
        {static_cast<std::int64_t>(piece.size()), peer_max_frame_size_, send_window_.available(), s.send_window.available()}));
    if (allowed == 0 && !piece.empty()) return false;  // flow control: wait for WINDOW_UPDATE
    bool const last = s.body_done && allowed == piece.size() && s.pending.size() <= 1;
    write_data(output_, id, piece.substr(0, allowed), last);
    (void)send_window_.consume(static_cast<std::int64_t>(allowed));
    (void)s.send_window.consume(static_cast<std::int64_t>(allowed));
    if (!s.pending.empty()) {
      s.pending.front().erase(0, allowed);
      if (s.pending.front().empty()) s.pending.pop_front();
    }
    if (!last) continue;
    s.state = on_send_end_stream(s.state);
    // §8.1: a response complete before the request was: tell the client to stop sending.
    if (s.state == stream_state::half_closed_local) write_rst_stream(output_, id, error_code::no_error);
    close_stream(id);
    return true;
  }
  return false;
}

// Gives back the receive window a DATA frame used, once half of it is spent, so a
// client is never stalled and WINDOW_UPDATEs stay few.
void connection::return_window(std::uint32_t id, stream* s, std::size_t n) {
  recv_unacked_ += n;
  if (recv_unacked_ >= limits_.connection_window / 2) {
    write_window_update(output_, 0, static_cast<std::uint32_t>(recv_unacked_));
    (void)recv_window_.grow(static_cast<std::int64_t>(recv_unacked_));
    recv_unacked_ = 0;
  }
  if (!s) return;
  s->recv_unacked += n;
  if (s->recv_unacked >= limits_.initial_window_size / 2 && peer_may_send(s->state)) {
    write_window_update(output_, id, static_cast<std::uint32_t>(s->recv_unacked));
    (void)s->recv_window.grow(static_cast<std::int64_t>(s->recv_unacked));
    s->recv_unacked = 0;
  }
}

}  // namespace conform::reference::http2
