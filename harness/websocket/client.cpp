#include "harness/websocket/client.hpp"

#include "harness/engine/context.hpp"
#include "harness/http1/response_reader.hpp"
#include "harness/websocket/utf8.hpp"

namespace conform::ws {

event text_event(std::string_view p) { return {event::kind::text, std::string(p)}; }
event binary_event(std::string_view p) { return {event::kind::binary, std::string(p)}; }
event pong_event(std::string_view p) { return {event::kind::pong, std::string(p)}; }

std::string describe(event const& e) {
  auto const size = " (" + std::to_string(e.payload.size()) + " octets)";
  switch (e.what) {
    case event::kind::text: return "text message" + size;
    case event::kind::binary: return "binary message" + size;
    case event::kind::ping: return "ping" + size;
    case event::kind::pong: return "pong" + size;
    case event::kind::close: {
      auto const code = close_code_of(e.payload);
      return "close frame" + (code ? " " + std::to_string(*code) : std::string(" without a code"));
    }
    case event::kind::problem: return "a protocol violation by the target: " + e.payload;
  }
  return "?";
}

std::string describe(std::vector<event> const& events) {
  if (events.empty()) return "nothing";
  std::string out;
  for (auto const& e : events) out += (out.empty() ? "" : ", ") + describe(e);
  return out;
}

client::client(context& cx) : cx_(cx) {}
client::~client() {
  if (conn_) conn_->close();
}

client::answer client::attempt(opening o) {
  auto const& t = cx_.target_info();
  if (t.peer_is_client) return {std::nullopt, "an opening-handshake case does not apply to a client"};
  if (o.path == "/") o.path = t.scheme.starts_with("ws") ? t.path : "/ws";
  if (!o.host) o.host = t.authority();
  if (o.key && o.key->empty()) o.key = make_key(cx_.rng());
  key_ = o.key.value_or("");
  conn_ = cx_.connect({.alpn = {"http/1.1"}});
  answer a;
  if (conn_->write(build_request(o).bytes(), cx_.read_deadline()) != net::io_status::ok) {
    a.failure = "could not send the opening handshake: " + conn_->last_error();
    return a;
  }
  h1::response_reader rr;
  rr.answering(o.method);
  auto const deadline = cx_.read_deadline();
  while (true) {
    auto const got = conn_->read_some(deadline);
    if (got.status != net::io_status::ok) {
      rr.end_of_input();
      if (rr.current() != h1::response_reader::state::done) {
        a.failure = "no response to the opening handshake (" + std::string(net::to_string(got.status)) + ")";
        return a;
      }
      a.response = rr.take();
      return a;
    }
    auto const used = rr.feed(got.bytes);
    if (rr.current() == h1::response_reader::state::failed) {
      a.failure = "a malformed response to the opening handshake: " + rr.error();
      return a;
    }
    if (rr.current() == h1::response_reader::state::done) {
      a.response = rr.take();
      reader_.feed(got.bytes.substr(used));  // frames right behind the 101
      return a;
    }
  }
}

bool client::server_role() const { return cx_.target_info().peer_is_client; }

std::string client::open(opening o) {
  if (server_role()) {
    // The client connected to us and its opening handshake was answered already
    // (harness/cli/client_tests.cpp): the connection comes ready from the context.
    conn_ = cx_.connect({});
    return {};
  }
  auto const offered_protocols = o.protocols.value_or("");
  auto const offered_extensions = o.extensions.value_or("");
  auto const a = attempt(std::move(o));
  if (!a.response) return a.failure;
  auto why = check_response(*a.response, key_, offered_protocols, offered_extensions);
  if (!why.empty()) return why;
  deflate_ = agreed_deflate(*a.response);
  if (deflate_) {
    deflater_ = std::make_unique<deflater>(deflate_->client_max_window_bits, deflate_->client_no_context_takeover);
    inflater_ = std::make_unique<inflater>(deflate_->server_max_window_bits, deflate_->server_no_context_takeover,
                                           frame_reader::default_max_payload);
  }
  return {};
}

bool client::send_bytes(std::string_view bytes, std::size_t chop_size) {
  if (!conn_) return false;
  if (chop_size == 0) return conn_->write(bytes, cx_.read_deadline()) == net::io_status::ok;
  for (std::size_t at = 0; at < bytes.size(); at += chop_size)
    if (conn_->write(bytes.substr(at, chop_size), cx_.read_deadline()) != net::io_status::ok) return false;
  return true;
}

std::string client::wire(frame_spec const& f) const {
  if (!server_role()) return encode(f);
  // As the server, masking means the opposite: a case's ordinary (masked) frame goes
  // unmasked, and a case's deliberately unmasked frame goes masked, which is just as
  // forbidden from a server (RFC 6455 §5.1).
  frame_spec swapped = f;
  swapped.masked = !f.masked;
  return encode(swapped);
}

bool client::send_frames(std::vector<frame_spec> const& frames, chop how) {
  std::string all;
  for (auto const& f : frames) {
    // A close frame with RSV bits set is a malformed frame, not the start of a close.
    if (f.op == 0x8 && f.rsv == 0 && !harness_closed_) {
      harness_closed_ = true;
      harness_first_ = !target_close_;
    }
    if (how.per_frame) {
      if (!send_bytes(wire(f))) return false;
    } else {
      all += wire(f);
    }
  }
  return how.per_frame || send_bytes(all, how.size);
}

bool client::send_compressed(std::uint8_t op, std::string_view message, std::size_t fragments,
                             std::size_t fragment_size) {
  if (!deflater_) return false;
  auto const packed = deflater_->compress(message);
  std::vector<frame_spec> frames;
  auto const step = fragment_size > 0 ? fragment_size
                    : fragments <= 1  ? packed.size()
                                      : (packed.size() + fragments - 1) / fragments;
  std::size_t at = 0;
  do {
    auto const piece = packed.substr(at, step == 0 ? packed.size() : step);
    at += piece.size();
    frame_spec f = at == piece.size() ? data_frame(op, piece) : continuation_frame(piece, false);
    if (frames.empty()) f.rsv = 4;
    f.fin = at >= packed.size();
    frames.push_back(std::move(f));
  } while (at < packed.size());
  return send_frames(frames);
}

bool client::send_close(frame_spec const& f) { return send_frames({f}); }

std::optional<std::uint16_t> client::target_close_code() const {
  return target_close_ ? close_code_of(*target_close_) : std::nullopt;
}

bool client::read_more(net::clock::time_point deadline) {
  if (!conn_ || end_ != ending::open) return false;
  auto const got = conn_->read_some(deadline);
  switch (got.status) {
    case net::io_status::ok: reader_.feed(got.bytes); return true;
    case net::io_status::eof: end_ = ending::closed; return false;
    case net::io_status::reset: end_ = ending::reset; return false;
    case net::io_status::failed: end_ = ending::failed; return false;
    case net::io_status::timeout: return false;
  }
  return false;
}

// The next event, or false when none came before the deadline or the end.
bool client::next_event(event& out, net::clock::time_point deadline) {
  while (!broken_) {
    frame f;
    switch (reader_.next(f)) {
      case frame_reader::state::frame:
        if (on_frame(f, out)) return true;
        continue;
      case frame_reader::state::failed:
        broken_ = true;
        out = {event::kind::problem, reader_.error()};
        return true;
      case frame_reader::state::need_more:
        if (!read_more(deadline)) return false;
    }
  }
  return false;
}

}  // namespace conform::ws
