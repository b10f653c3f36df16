// RFC 9113 §5.1 stream states, §5.1.1 identifiers, §5.1.2 concurrency, §5.3.1 (a
// stream cannot depend on itself).
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

// A request whose body we never finish: the stream stays open on our side while the
// server has what it needs to answer (half-closed (remote) once we send END_STREAM).
frames post_open(client& c) { return {headers(1, c.request_block("POST", "/"), false)}; }

// Stream 1 complete (GET with END_STREAM) and its response read to the end.
outcome after_closed(context& cx, frames (*more)(client&), bool connection_level, std::vector<error_code> codes) {
  return with_client(cx, [&](client& c) {
    c.send(c.get(1));
    auto const end = c.wait_for([](frame const& f) { return f.stream_id == 1 && (f.has(flag::end_stream) || f.type == frame_type::rst_stream); });
    if (end.what != event::kind::frame) return error("stream 1 did not complete: " + describe(end));
    c.send(more(c));
    return to_outcome(connection_level ? expect_connection_error(c, codes) : expect_stream_error(c, 1, codes));
  });
}

outcome idle_data(context& cx) {
  return stream_error_after(cx, [](client&) { return frames{data(1, "x", true)}; }, 1,
                            {error_code::protocol_error, error_code::stream_closed});
}
outcome idle_rst(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{rst_stream(1, error_code::cancel)}; }, {error_code::protocol_error});
}
outcome idle_window_update(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{window_update(1, 100)}; }, {error_code::protocol_error});
}
outcome idle_continuation(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{continuation(1, c.request_block())}; }, {error_code::protocol_error});
}
outcome half_closed_data(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{c.get(1), data(1, "x", true)}; }, 1, {error_code::stream_closed});
}
outcome half_closed_headers(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{c.get(1), c.get(1)}; }, 1, {error_code::stream_closed});
}
outcome half_closed_continuation(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{c.get(1), continuation(1, c.request_block())}; }, 1,
                            {error_code::stream_closed, error_code::protocol_error});
}
outcome reset_data(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{post_open(c)[0], rst_stream(1, error_code::cancel), data(1, "x", true)}; },
                            1, {error_code::stream_closed});
}
outcome reset_headers(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{post_open(c)[0], rst_stream(1, error_code::cancel), c.get(1)}; },
                            1, {error_code::stream_closed});
}
outcome reset_continuation(context& cx) {
  return stream_error_after(cx, [](client& c) {
    return frames{post_open(c)[0], rst_stream(1, error_code::cancel), continuation(1, c.request_block())};
  }, 1, {error_code::stream_closed, error_code::protocol_error});
}
outcome closed_data(context& cx) {
  return after_closed(cx, [](client&) { return frames{data(1, "x", true)}; }, false, {error_code::stream_closed});
}
outcome closed_headers(context& cx) {
  return after_closed(cx, [](client& c) { return frames{c.get(1)}; }, true, {error_code::stream_closed});
}
outcome closed_continuation(context& cx) {
  return after_closed(cx, [](client& c) { return frames{continuation(1, c.request_block())}; }, true,
                      {error_code::stream_closed, error_code::protocol_error});
}
outcome even_stream(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{c.get(2)}; }, {error_code::protocol_error});
}
outcome decreasing_stream(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{c.get(5), c.get(3)}; }, {error_code::protocol_error});
}
outcome too_many_streams(context& cx) {
  return with_client(cx, [](client& c) {
    std::uint32_t const max = c.peer_setting(setting::max_concurrent_streams, 0);
    if (max == 0 || max > 1000) return skip("the target advertises no usable SETTINGS_MAX_CONCURRENT_STREAMS");
    frames all;
    for (std::uint32_t i = 0; i <= max; ++i) all.push_back(headers(1 + 2 * i, c.request_block("POST", "/"), false));
    c.send(all);
    return to_outcome(expect_stream_error(c, 1 + 2 * max, {error_code::protocol_error, error_code::refused_stream}));
  });
}
outcome headers_self_dependency(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{std::move(c.get(1)).with_priority(1, 16)}; }, 1,
                            {error_code::protocol_error});
}
outcome priority_self_dependency(context& cx) {
  return stream_error_after(cx, [](client&) { return frames{priority(1, 1)}; }, 1, {error_code::protocol_error});
}
outcome priority_idle(context& cx) {
  return still_usable_after(cx, [](client&) { return frames{priority(3, 0)}; });
}
outcome priority_closed(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(c.get(1));
    c.wait_for([](frame const& f) { return f.stream_id == 1 && f.has(flag::end_stream); });
    c.send(priority(1, 0));
    return to_outcome(expect_ping_ack(c));
  });
}
outcome rst_half_closed(context& cx) {
  return with_client(cx, [](client& c) {
    c.send({c.get(1), rst_stream(1, error_code::cancel)});
    auto const j = expect_ping_ack(c);
    return to_outcome(j);
  });
}
// The response must go on after a frame the half-closed (remote) state allows: with a
// stream window of 1 the first DATA uses it up, then `extra` and a WINDOW_UPDATE.
outcome continues_after(context& cx, frames (*extra)()) {
  return with_client(cx, [&](client& c) {
    c.send({settings({{setting::initial_window_size, 1}})});
    c.wait_for([](frame const& f) { return f.type == frame_type::settings && f.has(flag::ack); });
    c.send(c.get(1));
    auto const is_data = [](frame const& f) { return f.type == frame_type::data && f.stream_id == 1; };
    auto const stop = [](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; };
    auto const first = c.wait_for(is_data, stop);
    if (!first.is_frame(frame_type::data)) return violation("the response's first DATA on stream 1", describe(first));
    if (first.received.has(flag::end_stream)) return skip("GET / has a body of at most 1 octet");
    c.send(extra());
    auto const e = c.wait_for(is_data, stop);
    if (e.is_frame(frame_type::data)) return pass();
    return violation("more DATA on stream 1", describe(e));
  });
}
outcome window_update_half_closed(context& cx) { return continues_after(cx, [] { return frames{window_update(1, 100)}; }); }
outcome priority_half_closed(context& cx) {
  return continues_after(cx, [] { return frames{priority(1, 0, 255), window_update(1, 100)}; });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::vector<std::string_view> see, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = std::move(see), .needs = {capability::h2}, .run = run};
}

constexpr std::string_view idle_rule =
    "Receiving any frame other than HEADERS or PRIORITY on a stream in this state MUST be treated as a connection "
    "error (Section 5.4.1) of type PROTOCOL_ERROR.";
constexpr std::string_view half_closed_rule =
    "If an endpoint receives additional frames, other than WINDOW_UPDATE, PRIORITY, or RST_STREAM, for a stream that "
    "is in this state, it MUST respond with a stream error (Section 5.4.2) of type STREAM_CLOSED.";
constexpr std::string_view reset_rule =
    "An endpoint that receives any frame other than PRIORITY after receiving a RST_STREAM MUST treat that as a stream "
    "error (Section 5.4.2) of type STREAM_CLOSED.";
constexpr std::string_view closed_rule =
    "An endpoint that receives any frames after receiving a frame with the END_STREAM flag set MUST treat that as a "
    "connection error (Section 5.4.1) of type STREAM_CLOSED.";
constexpr std::string_view id_rule =
    "An endpoint that receives an unexpected stream identifier MUST respond with a connection error (Section 5.4.1) "
    "of type PROTOCOL_ERROR.";
constexpr std::string_view priority_rule = "A stream cannot depend on itself. An endpoint MUST treat this as a stream "
                                           "error (Section 5.4.2) of type PROTOCOL_ERROR.";
constexpr std::string_view ignored_rule = "PRIORITY can be sent and received in any stream state.";

case_def const cases[] = {
    make("http2/stream-state/idle-data", "RFC 9113 §5.1", "DATA on an idle stream is an error", idle_rule, {"h2spec:http2/5.1/1"}, idle_data),
    make("http2/stream-state/idle-rst-stream", "RFC 9113 §5.1", "RST_STREAM on an idle stream is a connection error", idle_rule, {"h2spec:http2/5.1/2", "h2spec:http2/6.4/2"}, idle_rst),
    make("http2/stream-state/idle-window-update", "RFC 9113 §5.1", "WINDOW_UPDATE on an idle stream is a connection error", idle_rule, {"h2spec:http2/5.1/3"}, idle_window_update),
    make("http2/stream-state/idle-continuation", "RFC 9113 §5.1", "CONTINUATION on an idle stream is a connection error", idle_rule, {"h2spec:http2/5.1/4"}, idle_continuation),
    make("http2/stream-state/half-closed-data", "RFC 9113 §5.1", "DATA after END_STREAM is STREAM_CLOSED", half_closed_rule, {"h2spec:http2/5.1/5", "h2spec:http2/6.1/2"}, half_closed_data),
    make("http2/stream-state/half-closed-headers", "RFC 9113 §5.1", "HEADERS after END_STREAM is STREAM_CLOSED", half_closed_rule, {"h2spec:http2/5.1/6"}, half_closed_headers),
    make("http2/stream-state/half-closed-continuation", "RFC 9113 §5.1", "CONTINUATION on a half-closed (remote) stream is an error", half_closed_rule, {"h2spec:http2/5.1/7"}, half_closed_continuation),
    make("http2/stream-state/reset-data", "RFC 9113 §5.1", "DATA after RST_STREAM is STREAM_CLOSED", reset_rule, {"h2spec:http2/5.1/8"}, reset_data),
    make("http2/stream-state/reset-headers", "RFC 9113 §5.1", "HEADERS after RST_STREAM is STREAM_CLOSED", reset_rule, {"h2spec:http2/5.1/9"}, reset_headers),
    make("http2/stream-state/reset-continuation", "RFC 9113 §5.1", "CONTINUATION after RST_STREAM is an error", reset_rule, {"h2spec:http2/5.1/10"}, reset_continuation),
    make("http2/stream-state/closed-data", "RFC 9113 §5.1", "DATA on a closed stream is STREAM_CLOSED", closed_rule, {"h2spec:http2/5.1/11"}, closed_data),
    make("http2/stream-state/closed-headers", "RFC 9113 §5.1", "HEADERS on a closed stream is a connection error STREAM_CLOSED", closed_rule, {"h2spec:http2/5.1/12"}, closed_headers),
    make("http2/stream-state/closed-continuation", "RFC 9113 §5.1", "CONTINUATION on a closed stream is a connection error", closed_rule, {"h2spec:http2/5.1/13"}, closed_continuation),
    make("http2/stream-id/even", "RFC 9113 §5.1.1", "A client stream with an even identifier is a connection error", id_rule, {"h2spec:http2/5.1.1/1"}, even_stream),
    make("http2/stream-id/decreasing", "RFC 9113 §5.1.1", "A new stream identifier below an earlier one is a connection error", id_rule, {"h2spec:http2/5.1.1/2"}, decreasing_stream),
    make("http2/stream-concurrency/limit-exceeded", "RFC 9113 §5.1.2", "A stream beyond SETTINGS_MAX_CONCURRENT_STREAMS is refused",
         "An endpoint that receives a HEADERS frame that causes its advertised concurrent stream limit to be exceeded MUST treat this as a stream error (Section 5.4.2) of type PROTOCOL_ERROR or REFUSED_STREAM.",
         {"h2spec:http2/5.1.2/1"}, too_many_streams),
    make("http2/priority/headers-self-dependency", "RFC 9113 §5.3.1", "HEADERS depending on its own stream is a stream error", priority_rule, {"h2spec:http2/5.3.1/1"}, headers_self_dependency),
    make("http2/priority/priority-self-dependency", "RFC 9113 §5.3.1", "PRIORITY depending on its own stream is a stream error", priority_rule, {"h2spec:http2/5.3.1/2"}, priority_self_dependency),
    make("http2/stream-state/priority-idle-ignored", "RFC 9113 §5.1", "PRIORITY on an idle stream is accepted", ignored_rule, {"h2spec:generic/2/1"}, priority_idle),
    make("http2/stream-state/window-update-half-closed", "RFC 9113 §5.1", "WINDOW_UPDATE on a half-closed (remote) stream is accepted",
         "half-closed (remote): ... an endpoint MUST continue sending WINDOW_UPDATE frames ... a stream that is half-closed (remote) can be used by the endpoint to send frames of any type. In this state, the endpoint continues to observe advertised stream-level flow-control limits",
         {"h2spec:generic/2/2"}, window_update_half_closed),
    make("http2/stream-state/priority-half-closed", "RFC 9113 §5.1", "PRIORITY on a half-closed (remote) stream is accepted", ignored_rule, {"h2spec:generic/2/3"}, priority_half_closed),
    make("http2/stream-state/rst-half-closed", "RFC 9113 §5.1", "RST_STREAM on a half-closed (remote) stream closes only that stream",
         "Either endpoint can send a RST_STREAM frame from this state, causing it to transition immediately to \"closed\".",
         {"h2spec:generic/2/4", "h2spec:generic/3.4/1"}, rst_half_closed),
    make("http2/stream-state/priority-closed", "RFC 9113 §5.1", "PRIORITY on a closed stream is accepted",
         "An endpoint MUST NOT send frames other than PRIORITY on a closed stream.", {"h2spec:generic/2/5"}, priority_closed),
};

}  // namespace

std::span<case_def const> stream_state_cases() { return cases; }

}  // namespace conform::http2
