#include "conformance/http2/verify.hpp"

namespace conform::http2 {

outcome with_client(context& cx, std::function<outcome(h2::client&)> const& body) {
  h2::client c(cx);
  if (auto const failure = c.handshake(); !failure.empty()) return error("HTTP/2 handshake: " + failure);
  return body(c);
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
