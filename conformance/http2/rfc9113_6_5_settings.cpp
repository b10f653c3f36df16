// RFC 9113 §6.5 SETTINGS: format, defined parameters, synchronization.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

outcome ack_with_payload(context& cx) {
  return connection_error_after(cx, [](client&) { auto f = settings({{setting::enable_push, 0}}); f.flags = flag::ack; return frames{f}; },
                                {error_code::frame_size_error});
}
outcome on_a_stream(context& cx) {
  return connection_error_after(cx, [](client&) { auto f = settings(); f.stream_id = 1; return frames{f}; }, {error_code::protocol_error});
}
outcome bad_length(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{unknown(frame_type::settings, 0, std::string(3, '\0'))}; },
                                {error_code::frame_size_error, error_code::protocol_error});
}
outcome enable_push_2(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{settings({{setting::enable_push, 2}})}; }, {error_code::protocol_error});
}
outcome window_too_large(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{settings({{setting::initial_window_size, 0x80000000u}})}; },
                                {error_code::flow_control_error});
}
outcome frame_size_too_small(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{settings({{setting::max_frame_size, 16383}})}; }, {error_code::protocol_error});
}
outcome frame_size_too_large(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{settings({{setting::max_frame_size, 0x1000000}})}; }, {error_code::protocol_error});
}
outcome unknown_setting(context& cx) {
  return still_usable_after(cx, [](client&) { return frames{settings({{0xff, 1}})}; });
}
// The largest legal values (h2spec tries only the illegal ones next to them).
outcome window_maximum(context& cx) {
  return still_usable_after(cx, [](client&) { return frames{settings({{setting::initial_window_size, max_window}})}; });
}
outcome frame_size_maximum(context& cx) {
  return still_usable_after(cx, [](client&) { return frames{settings({{setting::max_frame_size, 0xffffff}})}; });
}
outcome acknowledged(context& cx) {
  client c(cx);  // no handshake helper: it would wait for this very ACK
  c.send_bytes(std::string(client_preface) + settings({{setting::enable_push, 0}}).bytes());
  auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::settings && f.has(flag::ack); });
  if (e.is_frame(frame_type::settings)) return pass();
  return violation("a SETTINGS frame with ACK", describe(e));
}

// With INITIAL_WINDOW_SIZE set to `window` (acknowledged), the first DATA of the
// response to GET / carries at most that many octets.
outcome first_data_within(client& c, std::size_t window) {
  c.send(c.get(1));
  auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::data && f.stream_id == 1; },
                            [](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; });
  if (!e.is_frame(frame_type::data)) return violation("a DATA frame on stream 1", describe(e));
  if (e.received.payload.empty() && e.received.has(flag::end_stream)) return skip("GET / has an empty body");
  if (e.received.payload.size() <= window) return pass();
  return violation("DATA of at most " + std::to_string(window) + " octets", describe(e));
}
outcome last_value_wins(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(settings({{setting::initial_window_size, 100}, {setting::initial_window_size, 1}}));
    c.wait_for([](frame const& f) { return f.type == frame_type::settings && f.has(flag::ack); });
    return first_data_within(c, 1);
  });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::vector<std::string_view> see, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = std::move(see), .needs = {capability::h2}, .run = run};
}

case_def const cases[] = {
    make("http2/settings/ack-with-payload", "RFC 9113 §6.5", "SETTINGS with ACK and a payload is FRAME_SIZE_ERROR",
         "Receipt of a SETTINGS frame with the ACK flag set and a length field value other than 0 MUST be treated as a connection error (Section 5.4.1) of type FRAME_SIZE_ERROR.",
         {"h2spec:http2/6.5/1"}, ack_with_payload),
    make("http2/settings/on-a-stream", "RFC 9113 §6.5", "SETTINGS on a stream is a connection error",
         "If an endpoint receives a SETTINGS frame whose Stream Identifier field is anything other than 0x00, the endpoint MUST respond with a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.5/2"}, on_a_stream),
    make("http2/settings/length-not-multiple-of-6", "RFC 9113 §6.5", "SETTINGS of a length not a multiple of 6 is FRAME_SIZE_ERROR",
         "A SETTINGS frame with a length other than a multiple of 6 octets MUST be treated as a connection error (Section 5.4.1) of type FRAME_SIZE_ERROR.",
         {"h2spec:http2/6.5/3"}, bad_length),
    make("http2/settings/enable-push-invalid", "RFC 9113 §6.5.2", "SETTINGS_ENABLE_PUSH other than 0 or 1 is PROTOCOL_ERROR",
         "Any value other than 0 or 1 MUST be treated as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.5.2/1"}, enable_push_2),
    make("http2/settings/initial-window-too-large", "RFC 9113 §6.5.2", "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1 is FLOW_CONTROL_ERROR",
         "Values above the maximum flow-control window size of 2^31-1 MUST be treated as a connection error (Section 5.4.1) of type FLOW_CONTROL_ERROR.",
         {"h2spec:http2/6.5.2/2", "h2spec:http2/6.9.2/3"}, window_too_large),
    make("http2/settings/max-frame-size-too-small", "RFC 9113 §6.5.2", "SETTINGS_MAX_FRAME_SIZE below 16384 is PROTOCOL_ERROR",
         "Values outside this range MUST be treated as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.5.2/3"}, frame_size_too_small),
    make("http2/settings/max-frame-size-too-large", "RFC 9113 §6.5.2", "SETTINGS_MAX_FRAME_SIZE above 2^24-1 is PROTOCOL_ERROR",
         "Values outside this range MUST be treated as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.5.2/4"}, frame_size_too_large),
    make("http2/settings/unknown-identifier-ignored", "RFC 9113 §6.5.2", "An unknown setting is ignored",
         "An endpoint that receives a SETTINGS frame with any unknown or unsupported identifier MUST ignore that setting.",
         {"h2spec:http2/6.5.2/5"}, unknown_setting),
    make("http2/settings/initial-window-maximum-accepted", "RFC 9113 §6.5.2", "SETTINGS_INITIAL_WINDOW_SIZE of 2^31-1 is accepted",
         "SETTINGS_INITIAL_WINDOW_SIZE (0x04): Indicates the sender's initial window size (in units of octets) for stream-level flow control. ... Values above the maximum flow-control window size of 2^31-1 MUST be treated as a connection error",
         {}, window_maximum),
    make("http2/settings/max-frame-size-maximum-accepted", "RFC 9113 §6.5.2", "SETTINGS_MAX_FRAME_SIZE of 2^24-1 is accepted",
         "The value advertised by an endpoint MUST be between this initial value and the maximum allowed frame size (2^24-1 or 16,777,215 octets), inclusive.",
         {}, frame_size_maximum),
    make("http2/settings/last-value-wins", "RFC 9113 §6.5.3", "Of two values of one setting, the last applies",
         "The values in the SETTINGS frame MUST be processed in the order they appear, with no other frame processing between values.",
         {"h2spec:http2/6.5.3/1"}, last_value_wins),
    make("http2/settings/acknowledged", "RFC 9113 §6.5.3", "SETTINGS is acknowledged",
         "Once all values have been processed, the recipient MUST immediately emit a SETTINGS frame with the ACK flag set.",
         {"h2spec:http2/6.5.3/2", "h2spec:generic/3.5/1"}, acknowledged),
};

}  // namespace

std::span<case_def const> settings_cases() { return cases; }

}  // namespace conform::http2
