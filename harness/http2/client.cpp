#include "harness/http2/client.hpp"

#include <algorithm>
#include <cctype>

#include "harness/engine/context.hpp"
#include "harness/net/connection.hpp"

namespace conform::h2 {

std::string describe(event const& e) {
  switch (e.what) {
    case event::kind::frame: return e.received.summary();
    case event::kind::closed: return "the connection was closed";
    case event::kind::reset: return "the connection was reset";
    case event::kind::timeout: return "nothing within the read timeout";
    case event::kind::malformed: return "bytes that are not valid HTTP/2 frames: " + e.detail;
    case event::kind::http1: return e.detail + " (it does not speak HTTP/2 by prior knowledge on this port)";
    case event::kind::failed: return "a transport failure: " + e.detail;
  }
  return "?";
}

namespace {

std::string fields_text(field_list const& fields) {
  std::string out;
  for (auto const& f : fields) {
    if (!out.empty()) out += ", ";
    out += f.name + ": " + f.value.substr(0, 80);
  }
  return out;
}

}  // namespace

client::client(context& cx) : cx_(cx) {
  connect_request req;
  if (cx.target_info().tls) req.alpn = {"h2"};
  conn_ = cx.connect(req);
}

client::~client() {
  if (conn_) conn_->close();
}

client::clock_point client::cx_read_deadline() const { return cx_.read_deadline(); }

bool client::send(std::vector<raw_frame> const& frames) {
  std::string bytes;
  for (auto const& f : frames) bytes += f.bytes();
  return send_bytes(bytes);
}

bool client::send_bytes(std::string_view bytes) {
  if (ended_) return false;
  // Our frames noted decoded, so a transcript reads as a conversation.
  frame_reader mine(0xffffff);
  if (bytes.starts_with(client_preface)) cx_.log().note(conn_->id(), "send connection preface");
  mine.feed(bytes.starts_with(client_preface) ? bytes.substr(client_preface.size()) : bytes);
  for (frame f; mine.next(f) == frame_reader::status::frame;) cx_.log().note(conn_->id(), "send " + f.summary());
  return conn_->write(bytes, cx_.read_deadline()) == net::io_status::ok;
}

std::string client::handshake(std::vector<settings_entry> const& ours) {
  std::string bytes(client_preface);
  bytes += settings(ours).bytes();
  if (!send_bytes(bytes)) return "the connection failed while the preface was sent";
  bool peer_settings_seen = false, ack_seen = false;
  auto const until = cx_.read_deadline();
  while (!peer_settings_seen || !ack_seen) {
    event e = next(until);
    if (e.what != event::kind::frame) return "the handshake did not complete: " + describe(e);
    if (e.received.type != frame_type::settings) continue;
    (e.received.has(flag::ack) ? ack_seen : peer_settings_seen) = true;
  }
  // RFC 7541 §4.2: from the ACK on, the target's encoder works within our table size.
  for (auto const& s : ours)
    if (s.id == setting::header_table_size) inflater_.set_max_table_size(s.value);
  return {};
}

std::optional<event> client::fill(clock_point until) {
  if (ended_) return pending_end_;
  auto const r = conn_->read_some(until);
  reader_.feed(r.bytes);
  event e;
  switch (r.status) {
    case net::io_status::ok: return std::nullopt;
    case net::io_status::timeout: return e;  // not an end: the case may go on
    case net::io_status::eof: e.what = event::kind::closed; break;
    case net::io_status::reset: e.what = event::kind::reset; break;
    case net::io_status::failed:
      e.what = event::kind::failed;
      e.detail = conn_->last_error();
      break;
  }
  ended_ = true;
  pending_end_ = e;
  // Bytes that arrived with the end are still read first.
  return reader_.buffered() > 0 ? std::nullopt : std::optional<event>(e);
}

event client::next(clock_point until) {
  for (;;) {
    frame f;
    switch (reader_.next(f)) {
      case frame_reader::status::frame: return take_frame(std::move(f), until);
      case frame_reader::status::error: {
        event e;
        e.what = reader_.saw_http1() ? event::kind::http1 : event::kind::malformed;
        e.detail = reader_.error();
        cx_.log().note(conn_->id(), "recv " + describe(e));
        ended_ = true;
        pending_end_ = e;
        return e;
      }
      case frame_reader::status::need_more:
        if (ended_ && reader_.buffered() > 0) {
          reader_ = frame_reader();  // a partial frame before the end is dropped
          return pending_end_;
        }
        if (auto const stop = fill(until)) return *stop;
        break;
    }
  }
}

event client::wait_for(std::function<bool(frame const&)> const& want,
                       std::function<bool(frame const&)> const& also_stop) {
  auto const until = cx_.read_deadline();
  for (;;) {
    event e = next(until);
    if (e.what != event::kind::frame) return e;
    if (want(e.received) || (also_stop && also_stop(e.received))) return e;
  }
}

event client::take_frame(frame f, clock_point until) {
  event e;
  if ((f.type == frame_type::headers || f.type == frame_type::push_promise) && !f.has(flag::end_headers))
    return merge_header_block(std::move(f), until);
  e.what = event::kind::frame;
  if (f.type == frame_type::settings && !f.has(flag::ack)) {
    if (auto const s = f.settings()) peer_settings_.insert(peer_settings_.end(), s->begin(), s->end());
  }
  if (f.type == frame_type::headers || f.type == frame_type::push_promise) {
    auto const block = f.type == frame_type::push_promise && f.payload.size() >= 4 ? f.payload.substr(4) : f.payload;
    auto r = inflater_.inflate(block);
    e.fields = std::move(r.fields);
    cx_.log().note(conn_->id(), "recv " + f.summary() + (r.ok() ? " [" + fields_text(e.fields) + "]" : " [" + r.error + "]"));
    if (!r.ok()) {
      e.what = event::kind::malformed;
      e.detail = "the target's header block on stream " + std::to_string(f.stream_id) + ": " + r.error;
      e.received = std::move(f);
      return e;
    }
  } else {
    cx_.log().note(conn_->id(), "recv " + f.summary());
  }
  if (f.type == frame_type::settings && !f.has(flag::ack)) send(settings_ack());  // RFC 9113 §6.5.3
  e.received = std::move(f);
  return e;
}

// RFC 9113 §6.10: a header block continues in CONTINUATION frames of the same stream
// and nothing else may come between them.
event client::merge_header_block(frame first, clock_point until) {
  for (;;) {
    frame more;
    auto const s = reader_.next(more);
    if (s == frame_reader::status::need_more) {
      if (auto const stop = fill(until)) return *stop;
      continue;
    }
    if (s == frame_reader::status::error) return next(until);  // reports the reader's error
    if (more.type != frame_type::continuation || more.stream_id != first.stream_id) {
      event e;
      e.what = event::kind::malformed;
      e.detail = "a header block on stream " + std::to_string(first.stream_id) + " interrupted by " + more.summary() +
                 " (RFC 9113 §6.10)";
      cx_.log().note(conn_->id(), "recv " + e.detail);
      return e;
    }
    cx_.log().note(conn_->id(), "recv " + more.summary());
    first.payload += more.payload;
    if (more.has(flag::end_headers)) {
      first.flags |= flag::end_headers;
      return take_frame(std::move(first), until);
    }
  }
}

std::string client::request_block(std::string_view method, std::string_view path, field_list const& extra) const {
  auto const& t = cx_.target_info();
  field_list all = extra;
  for (auto const& [name, value] : t.extra_headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    all.push_back({lower, value});
  }
  hpack_block block;
  block.fields(request_fields(method, path, t.authority(), t.tls ? "https" : "http", all));
  return block.bytes();
}

raw_frame client::get(std::uint32_t stream, std::string_view path, bool end_stream) const {
  return headers(stream, request_block("GET", path), end_stream);
}

std::uint32_t client::peer_setting(std::uint16_t id, std::uint32_t otherwise) const {
  std::uint32_t value = otherwise;
  for (auto const& s : peer_settings_)
    if (s.id == id) value = s.value;  // the last one counts (RFC 9113 §6.5.3)
  return value;
}

}  // namespace conform::h2
