#include "conformance/http2/verify.hpp"

namespace conform::http2 {

outcome with_client(context& cx, std::function<outcome(h2::client&)> const& body) {
  h2::client c(cx);
  if (auto const failure = c.handshake(); !failure.empty()) return error("HTTP/2 handshake: " + failure);
  return body(c);
}

outcome with_client(context& cx, std::vector<h2::settings_entry> const& ours,
                    std::function<outcome(h2::client&)> const& body) {
  h2::client c(cx);
  if (auto const failure = c.handshake(ours); !failure.empty()) return error("HTTP/2 handshake: " + failure);
  return body(c);
}

std::string response::status() const {
  for (auto const& f : head.fields)
    if (f.name == ":status") return f.value;
  return {};
}

response fetch(h2::client& c, std::uint32_t stream, std::string_view method, std::string_view path) {
  using namespace h2;
  response r;
  c.send(headers(stream, c.request_block(method, path), true));
  auto const ends = [stream](frame const& f) {
    return f.type == frame_type::goaway || (f.type == frame_type::rst_stream && f.stream_id == stream);
  };
  r.head = c.wait_for([stream](frame const& f) { return f.type == frame_type::headers && f.stream_id == stream; }, ends);
  if (!r.answered()) return r.stopped = r.head, r;
  r.frames.push_back(r.head.received);
  if (r.head.received.has(flag::end_stream)) return r.complete = true, r;
  r.stopped = c.wait_for(
      [&r, stream](frame const& f) {
        if (f.stream_id != stream) return false;
        r.frames.push_back(f);
        if (f.type == frame_type::data) r.body += f.payload;
        return f.has(flag::end_stream) && (f.type == frame_type::data || f.type == frame_type::headers);
      },
      ends);
  r.complete = r.stopped.what == event::kind::frame && r.stopped.received.stream_id == stream &&
               r.stopped.received.has(flag::end_stream);
  return r;
}

outcome connection_error_after(context& cx, make_frames const& send, std::vector<error_code> const& codes) {
  return with_client(cx, [&](h2::client& c) {
    c.send(send(c));
    return h2::to_outcome(h2::expect_connection_error(c, codes));
  });
}

outcome stream_error_after(context& cx, make_frames const& send, std::uint32_t stream,
                           std::vector<error_code> const& codes, bool response_allowed) {
  return with_client(cx, [&](h2::client& c) {
    c.send(send(c));
    return h2::to_outcome(h2::expect_stream_error(c, stream, codes, response_allowed));
  });
}

outcome malformed_request(context& cx, h2::field_list const& fields, bool end_stream) {
  return stream_error_after(
      cx,
      [&](h2::client&) {
        h2::hpack_block b;
        b.fields(fields);
        return frames{h2::headers(1, b.bytes(), end_stream)};
      },
      1, {error_code::protocol_error}, true);
}

outcome still_usable_after(context& cx, make_frames const& send) {
  return with_client(cx, [&](h2::client& c) {
    c.send(send(c));
    return h2::to_outcome(h2::expect_ping_ack(c));
  });
}

outcome response_after(context& cx, make_frames const& send, std::uint32_t stream) {
  return with_client(cx, [&](h2::client& c) {
    c.send(send(c));
    auto const e = c.wait_for([stream](h2::frame const& f) { return f.type == h2::frame_type::headers && f.stream_id == stream; },
                              [](h2::frame const& f) { return f.type == h2::frame_type::goaway || f.type == h2::frame_type::rst_stream; });
    if (e.is_frame(h2::frame_type::headers)) return pass();
    return violation("a HEADERS response on stream " + std::to_string(stream), h2::describe(e));
  });
}

std::string request_block(h2::client& c, std::string_view method, std::string_view path, h2::field_list const& extra) {
  return c.request_block(method, path, extra);
}

}  // namespace conform::http2
