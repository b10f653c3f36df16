// RFC 9113 §5.1 and §5.1.1 beyond h2spec: the top of the stream identifier space, an id
// used again after it, and frames a closed stream must absorb without an error.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

constexpr std::uint32_t highest_id = 0x7fffffff;  // 2^31-1

auto ends(std::uint32_t stream) {
  return [stream](frame const& f) { return f.stream_id == stream && f.has(flag::end_stream); };
}

outcome highest_stream_id(context& cx) {
  return response_after(cx, [](client& c) { return frames{c.get(highest_id)}; }, highest_id);
}

// Stream 1 answered, then 2^31-1 answered; a request on 1 again reuses an id below it.
outcome lower_after_highest(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(c.get(1));
    c.wait_for(ends(1));
    c.send(c.get(highest_id));
    auto const top = c.wait_for(ends(highest_id), [](frame const& f) { return f.type == frame_type::goaway; });
    if (!top.is_frame(frame_type::data) && !top.is_frame(frame_type::headers))
      return skip("the request on stream 2^31-1 was not answered (see http2/stream-id/highest): " + describe(top));
    c.send(c.get(1));
    return to_outcome(expect_connection_error(c, {error_code::protocol_error, error_code::stream_closed}));
  });
}

// After the response's END_STREAM, WINDOW_UPDATE or RST_STREAM from the client may still
// be in flight: both must be ignored.
outcome after_response(context& cx, raw_frame (*late)()) {
  return with_client(cx, [late](client& c) {
    c.send(c.get(1));
    auto const e = c.wait_for(ends(1), [](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; });
    if (e.what != event::kind::frame || e.received.stream_id != 1 || !e.received.has(flag::end_stream))
      return skip("GET / was not answered to the end: " + describe(e));
    c.send(late());
    return to_outcome(expect_ping_ack(c));
  });
}
outcome closed_window_update(context& cx) { return after_response(cx, [] { return window_update(1, 1000); }); }
outcome closed_rst_stream(context& cx) { return after_response(cx, [] { return rst_stream(1, error_code::cancel); }); }

// A malformed request (uppercase field name) the target resets, and DATA already sent
// on it: the DATA must not cost the connection.
outcome frames_after_own_reset(context& cx) {
  return with_client(cx, [](client& c) {
    c.send({headers(1, c.request_block("POST", "/", {{"X-Upper", "1"}}), false), data(1, "test"), data(1, "test", true)});
    return to_outcome(expect_ping_ack(c));
  });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

constexpr std::string_view late_rule =
    "WINDOW_UPDATE or RST_STREAM frames can be received in this state for a short period after a DATA or HEADERS frame "
    "containing an END_STREAM flag is sent. Until the remote peer receives and processes RST_STREAM or the frame "
    "bearing the END_STREAM flag, it might send frames of these types. Endpoints MUST ignore WINDOW_UPDATE or "
    "RST_STREAM frames received in this state";

case_def const cases[] = {
    make("http2/stream-id/highest", "RFC 9113 §5.1.1", "A request on stream 2^31-1, the highest identifier, is answered",
         "Stream identifiers cannot be reused. Long-lived connections can result in an endpoint exhausting the available range "
         "of stream identifiers. ... The identifier of a newly established stream MUST be numerically greater than all streams "
         "that the initiating endpoint has opened or reserved.",
         highest_stream_id),
    make("http2/stream-id/lower-after-highest", "RFC 9113 §5.1.1", "After stream 2^31-1, a request on a lower identifier is a connection error",
         "The identifier of a newly established stream MUST be numerically greater than all streams that the initiating "
         "endpoint has opened or reserved. ... An endpoint that receives an unexpected stream identifier MUST respond with a "
         "connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         lower_after_highest),
    make("http2/stream-state/closed-window-update-ignored", "RFC 9113 §5.1", "WINDOW_UPDATE just after a stream closed is ignored",
         late_rule, closed_window_update),
    make("http2/stream-state/closed-rst-stream-ignored", "RFC 9113 §5.1", "RST_STREAM just after a stream closed is ignored", late_rule,
         closed_rst_stream),
    make("http2/stream-state/frames-after-own-reset-ignored", "RFC 9113 §5.1", "DATA on a stream the target reset does not end the connection",
         "An endpoint MUST ignore frames that it receives on closed streams after it has sent a RST_STREAM frame.",
         frames_after_own_reset),
};

}  // namespace

std::span<case_def const> stream_id_and_closed_cases() { return cases; }

}  // namespace conform::http2
