// RFC 9113 §6.7 PING, §6.8 GOAWAY, §6.9 WINDOW_UPDATE and flow control.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

outcome ping_answered(context& cx) { return still_usable_after(cx, [](client&) { return frames{}; }); }
outcome ping_ack_not_answered(context& cx) {
  return with_client(cx, [](client& c) {
    c.send({ping("unsolici", true), ping("solicite")});
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::ping && f.has(flag::ack); });
    if (e.is_frame(frame_type::ping) && e.received.payload == "solicite") return pass();
    if (e.is_frame(frame_type::ping)) return violation("no answer to the PING that carried ACK", "a PING ACK echoing it");
    return violation("a PING ACK for the PING without ACK", describe(e));
  });
}
outcome ping_on_stream(context& cx) {
  return connection_error_after(cx, [](client&) { auto f = ping(); f.stream_id = 1; return frames{f}; }, {error_code::protocol_error});
}
outcome ping_length(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{ping("123456")}; }, {error_code::frame_size_error});
}
outcome goaway_on_stream(context& cx) {
  return connection_error_after(cx, [](client&) { auto f = goaway(0, 0); f.stream_id = 1; return frames{f}; }, {error_code::protocol_error});
}
outcome window_update_zero(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{window_update(0, 0)}; }, {error_code::protocol_error});
}
outcome window_update_zero_stream(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{headers(1, c.request_block("POST", "/"), false), window_update(1, 0)}; },
                            1, {error_code::protocol_error});
}
outcome window_update_length(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{unknown(frame_type::window_update, 0, std::string(3, '\0'))}; },
                                {error_code::frame_size_error});
}
outcome connection_window_overflow(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{window_update(0, 0x7fffffff), window_update(0, 0x7fffffff)}; },
                                {error_code::flow_control_error});
}
outcome stream_window_overflow(context& cx) {
  return stream_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/"), false), window_update(1, 0x7fffffff), window_update(1, 0x7fffffff)};
  }, 1, {error_code::flow_control_error});
}
outcome stream_zero_accepted(context& cx) {
  return still_usable_after(cx, [](client&) { return frames{window_update(0, 1)}; });
}
outcome stream_window_update_answered(context& cx) {
  return response_after(cx, [](client& c) { return frames{c.get(1), window_update(1, 1)}; });
}

// The DATA of GET / after SETTINGS_INITIAL_WINDOW_SIZE changes.
outcome data_within(client& c, std::size_t window) {
  auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::data && f.stream_id == 1; },
                            [](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; });
  if (!e.is_frame(frame_type::data)) return violation("a DATA frame on stream 1", describe(e));
  if (e.received.payload.empty() && e.received.has(flag::end_stream)) return skip("GET / has an empty body");
  if (e.received.payload.size() <= window) return pass();
  return violation("DATA of at most " + std::to_string(window) + " octets", describe(e));
}
void await_ack(client& c) {
  c.wait_for([](frame const& f) { return f.type == frame_type::settings && f.has(flag::ack); });
}
outcome initial_window_one(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(settings({{setting::initial_window_size, 1}}));
    await_ack(c);
    c.send(c.get(1));
    return data_within(c, 1);
  });
}
outcome window_change_mid_stream(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(settings({{setting::initial_window_size, 0}}));
    await_ack(c);
    c.send(c.get(1));
    auto const h = c.wait_for([](frame const& f) { return f.type == frame_type::headers && f.stream_id == 1; });
    if (!h.is_frame(frame_type::headers)) return violation("a HEADERS response on stream 1", describe(h));
    c.send(settings({{setting::initial_window_size, 1}}));
    return data_within(c, 1);
  });
}
// RFC 9113 §6.9.2: "A change to SETTINGS_INITIAL_WINDOW_SIZE can cause the available
// space in a flow-control window to become negative." Window 5, all used; 3 makes it
// -2; WINDOW_UPDATE 3 makes it 1: the next DATA carries one octet.
outcome negative_window(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(settings({{setting::initial_window_size, 5}}));
    await_ack(c);
    c.send(c.get(1));
    std::size_t got = 0;
    while (got < 5) {
      auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::data && f.stream_id == 1; });
      if (!e.is_frame(frame_type::data)) return violation("5 octets of DATA on stream 1", describe(e));
      if (e.received.has(flag::end_stream)) return skip("GET / has a body of at most 5 octets");
      got += e.received.payload.size();
    }
    c.send(settings({{setting::initial_window_size, 3}}));
    await_ack(c);
    c.send(window_update(1, 3));
    return data_within(c, 1);
  });
}

// A stream window at 2^31-1, then SETTINGS_INITIAL_WINDOW_SIZE one higher: the
// change alone pushes the window past the maximum (h2spec has no such case).
outcome settings_window_overflow(context& cx) {
  return connection_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/"), false), window_update(1, max_window - 65535),
                  settings({{setting::initial_window_size, 65536}})};
  }, {error_code::flow_control_error});
}

// RFC 9113 §6.9.2: a zero window holds all DATA back until the window opens.
outcome zero_window_holds_data(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(settings({{setting::initial_window_size, 0}}));
    await_ack(c);
    c.send(c.get(1));
    // No timer is waited out on a compliant target: once the response's HEADERS show the
    // request was taken up, a PING is answered after whatever DATA was written before it.
    auto const on_stream_1 = [](frame const& f) {
      return f.stream_id == 1 && (f.type == frame_type::headers || f.type == frame_type::data);
    };
    auto const h = c.wait_for(on_stream_1);
    if (h.is_frame(frame_type::data) && !h.received.payload.empty())
      return violation("no DATA with content while the stream window is 0", describe(h));
    if (!h.is_frame(frame_type::headers) && !h.is_frame(frame_type::data))
      return violation("the response's HEADERS", describe(h));
    c.send(ping("barrier!"));
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::data && f.stream_id == 1; },
                              [](frame const& f) { return f.type == frame_type::ping && f.has(flag::ack); });
    if (e.is_frame(frame_type::data) && !e.received.payload.empty())
      return violation("no DATA with content while the stream window is 0", describe(e));
    if (!e.is_frame(frame_type::data) && !e.is_frame(frame_type::ping))
      return violation("the PING answered while DATA waits for the window", describe(e));
    c.send(window_update(1, 1000));
    auto const more = c.wait_for([](frame const& f) { return f.type == frame_type::data && f.stream_id == 1; });
    if (more.is_frame(frame_type::data)) return pass();
    return violation("DATA once WINDOW_UPDATE opened the window", describe(more));
  });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::vector<std::string_view> see, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = std::move(see), .needs = {capability::h2}, .run = run};
}

constexpr std::string_view overflow_rule =
    "A sender MUST NOT allow a flow-control window to exceed 2^31-1 octets. If a sender receives a WINDOW_UPDATE that "
    "causes a flow-control window to exceed this maximum, it MUST terminate either the stream or the connection, as "
    "appropriate.";
constexpr std::string_view window_rule =
    "When the value of SETTINGS_INITIAL_WINDOW_SIZE changes, a receiver MUST adjust the size of all stream "
    "flow-control windows that it maintains by the difference between the new value and the old value.";

case_def const cases[] = {
    make("http2/ping/answered", "RFC 9113 §6.7", "PING is answered with the same opaque data",
         "Receivers of a PING frame that does not include an ACK flag MUST send a PING frame with the ACK flag set in response, with an identical frame payload.",
         {"h2spec:http2/6.7/1", "h2spec:generic/3.7/1"}, ping_answered),
    make("http2/ping/ack-not-answered", "RFC 9113 §6.7", "A PING with ACK is not answered",
         "An endpoint MUST NOT respond to PING frames containing this flag.", {"h2spec:http2/6.7/2"}, ping_ack_not_answered),
    make("http2/ping/on-a-stream", "RFC 9113 §6.7", "PING on a stream is a connection error",
         "If a PING frame is received with a Stream Identifier field value other than 0x00, the recipient MUST respond with a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.7/3"}, ping_on_stream),
    make("http2/ping/length", "RFC 9113 §6.7", "PING of a length other than 8 is FRAME_SIZE_ERROR",
         "Receipt of a PING frame with a length field value other than 8 MUST be treated as a connection error (Section 5.4.1) of type FRAME_SIZE_ERROR.",
         {"h2spec:http2/6.7/4"}, ping_length),
    make("http2/goaway/on-a-stream", "RFC 9113 §6.8", "GOAWAY on a stream is a connection error",
         "An endpoint MUST treat a GOAWAY frame with a stream identifier other than 0x00 as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.8/1"}, goaway_on_stream),
    make("http2/window-update/zero-increment", "RFC 9113 §6.9", "WINDOW_UPDATE of 0 for the connection is a connection error",
         "A receiver MUST treat the receipt of a WINDOW_UPDATE frame with a flow-control window increment of 0 as a stream error (Section 5.4.2) of type PROTOCOL_ERROR; errors on the connection flow-control window MUST be treated as a connection error (Section 5.4.1).",
         {"h2spec:http2/6.9/1"}, window_update_zero),
    make("http2/window-update/zero-increment-stream", "RFC 9113 §6.9", "WINDOW_UPDATE of 0 for a stream is a stream error",
         "A receiver MUST treat the receipt of a WINDOW_UPDATE frame with a flow-control window increment of 0 as a stream error (Section 5.4.2) of type PROTOCOL_ERROR",
         {"h2spec:http2/6.9/2"}, window_update_zero_stream),
    make("http2/window-update/length", "RFC 9113 §6.9", "WINDOW_UPDATE of a length other than 4 is FRAME_SIZE_ERROR",
         "A WINDOW_UPDATE frame with a length other than 4 octets MUST be treated as a connection error (Section 5.4.1) of type FRAME_SIZE_ERROR.",
         {"h2spec:http2/6.9/3"}, window_update_length),
    make("http2/flow-control/initial-window-one", "RFC 9113 §6.9.1", "DATA respects a stream window of 1 octet",
         "The sender MUST NOT send a flow-controlled frame with a length that exceeds the space available in either of the flow-control windows advertised by the receiver.",
         {"h2spec:http2/6.9.1/1"}, initial_window_one),
    make("http2/flow-control/connection-window-overflow", "RFC 9113 §6.9.1", "A connection window above 2^31-1 is FLOW_CONTROL_ERROR", overflow_rule, {"h2spec:http2/6.9.1/2"}, connection_window_overflow),
    make("http2/flow-control/stream-window-overflow", "RFC 9113 §6.9.1", "A stream window above 2^31-1 is FLOW_CONTROL_ERROR", overflow_rule, {"h2spec:http2/6.9.1/3"}, stream_window_overflow),
    make("http2/flow-control/initial-window-change", "RFC 9113 §6.9.2", "A new SETTINGS_INITIAL_WINDOW_SIZE applies to open streams", window_rule, {"h2spec:http2/6.9.2/1"}, window_change_mid_stream),
    make("http2/flow-control/negative-window", "RFC 9113 §6.9.2", "A window made negative by SETTINGS is honoured",
         "A change to SETTINGS_INITIAL_WINDOW_SIZE can cause the available space in a flow-control window to become negative. A sender MUST track the negative flow-control window and MUST NOT send new flow-controlled frames until it receives WINDOW_UPDATE frames that cause the flow-control window to become positive.",
         {"h2spec:http2/6.9.2/2"}, negative_window),
    make("http2/flow-control/settings-change-overflows-window", "RFC 9113 §6.9.2", "A SETTINGS change that pushes a window past 2^31-1 is FLOW_CONTROL_ERROR",
         "An endpoint MUST treat a change to SETTINGS_INITIAL_WINDOW_SIZE that causes any flow-control window to exceed the maximum size as a connection error (Section 5.4.1) of type FLOW_CONTROL_ERROR.",
         {}, settings_window_overflow),
    make("http2/flow-control/zero-window-holds-data", "RFC 9113 §6.9.2", "With a window of 0 no DATA is sent until WINDOW_UPDATE", window_rule, {}, zero_window_holds_data),
    make("http2/window-update/connection-accepted", "RFC 9113 §6.9", "WINDOW_UPDATE for the connection is accepted",
         "The WINDOW_UPDATE frame can be specific to a stream or to the entire connection.", {"h2spec:generic/3.9/1"}, stream_zero_accepted),
    make("http2/window-update/stream-accepted", "RFC 9113 §6.9", "WINDOW_UPDATE for a stream is accepted",
         "The WINDOW_UPDATE frame can be specific to a stream or to the entire connection.", {"h2spec:generic/3.9/2"}, stream_window_update_answered),
};

}  // namespace

std::span<case_def const> ping_goaway_window_cases() { return cases; }

}  // namespace conform::http2
