// The rules the target must keep as a sender (RFC 9113 §4.2, §5.1, §6.5, §6.5.2, §6.8,
// §6.9.1): frame sizes and both flow-control windows we advertise, no push when we
// disabled it, no frame on a stream it closed, a truthful GOAWAY, its own SETTINGS in
// range. h2spec checks how a target reacts to a client's mistakes; these check that
// the target makes none of its own.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

constexpr std::uint32_t big_window = 1u << 24;

// /bytes/65536 is in the target profile; a 404 would be too small to judge.
outcome frame_size_respected(context& cx) {
  return with_client(cx, {{setting::initial_window_size, big_window}}, [](client& c) {
    c.send(window_update(0, big_window));
    auto const r = fetch(c, 1, "GET", "/bytes/65536");
    if (r.stopped.what == event::kind::malformed) return violation("frames of at most 16,384 octets, our SETTINGS_MAX_FRAME_SIZE", r.stopped.detail);
    if (!r.complete) return error("GET /bytes/65536 did not complete: " + describe(r.stopped));
    if (r.status() != "200") return skip("GET /bytes/65536 got status " + r.status() + ": the target does not serve the profile's /bytes/{n}");
    if (r.body.size() <= 16384) return skip("the response had " + std::to_string(r.body.size()) + " octets, too few to need several frames");
    return pass(std::to_string(r.body.size()) + " octets in " + std::to_string(r.frames.size() - 1) + " DATA frames");
  });
}

// Stream windows of 2^24, the connection's left at 65,535: two 64 KiB responses
// together may send no more than 65,535 octets until we open the connection window.
outcome connection_window_respected(context& cx) {
  return with_client(cx, {{setting::initial_window_size, big_window}}, [](client& c) {
    constexpr std::size_t window = 65535;
    c.send({c.get(1, "/bytes/65536"), c.get(3, "/bytes/65536")});
    std::size_t sent = 0;
    auto const counts = [&sent](frame const& f) {
      if (f.type == frame_type::data) sent += f.payload.size();
      return sent > window;
    };
    auto const e = c.wait_for([&](frame const& f) { return counts(f) || sent == window; });
    std::string const expected = "at most 65,535 octets of DATA before our connection WINDOW_UPDATE";
    if (sent > window) return violation(expected, std::to_string(sent) + " octets");
    if (sent < window) {
      if (e.what == event::kind::timeout) return pass(std::to_string(sent) + " octets, then it waited");
      return error("the responses stopped: " + describe(e));
    }
    // The window is full: whatever comes before the PING's ACK is beyond it.
    c.send(ping("windowed"));
    c.wait_for([&](frame const& f) { return counts(f) || (f.type == frame_type::ping && f.has(flag::ack)); });
    if (sent > window) return violation(expected, std::to_string(sent) + " octets");
    return pass("65,535 octets, then it waited");
  });
}

outcome no_push_when_disabled(context& cx) {
  return with_client(cx, {{setting::enable_push, 0}, {setting::initial_window_size, 65535}}, [](client& c) {
    auto const r = fetch(c, 1);
    if (!r.complete) return error("GET / did not complete: " + describe(r.stopped));
    c.send(ping("no-push!"));
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::push_promise || (f.type == frame_type::ping && f.has(flag::ack)); });
    for (auto const& f : r.frames)
      if (f.type == frame_type::push_promise) return violation("no PUSH_PROMISE after SETTINGS_ENABLE_PUSH = 0", f.summary());
    if (e.is_frame(frame_type::push_promise)) return violation("no PUSH_PROMISE after SETTINGS_ENABLE_PUSH = 0", describe(e));
    return pass();
  });
}

outcome nothing_after_end_stream(context& cx) {
  return with_client(cx, [](client& c) {
    auto const r = fetch(c, 1);
    if (!r.complete) return error("GET / did not complete: " + describe(r.stopped));
    c.send(ping("closed!!"));
    auto const e = c.wait_for([](frame const& f) {
      return (f.stream_id == 1 && f.type != frame_type::priority) || (f.type == frame_type::ping && f.has(flag::ack));
    });
    if (e.what == event::kind::frame && e.received.stream_id == 1)
      return violation("no frame but PRIORITY on stream 1 after its END_STREAM", describe(e));
    return pass();
  });
}

// Stream 1 answered, then a connection error of ours: the GOAWAY names stream 1.
outcome goaway_last_stream(context& cx) {
  return with_client(cx, [](client& c) {
    auto const r = fetch(c, 1);
    if (!r.complete) return error("GET / did not complete: " + describe(r.stopped));
    auto bad = ping("bad-ping");
    bad.stream_id = 1;  // §6.7: a connection error PROTOCOL_ERROR
    c.send(bad);
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::goaway; });
    if (!e.is_frame(frame_type::goaway)) return skip("no GOAWAY to judge: " + describe(e));
    auto const last = e.received.goaway()->last_stream_id;
    if (last == 1) return pass();
    return violation("GOAWAY with last-stream-id 1, the stream it answered and the highest we opened", describe(e));
  });
}

outcome server_enable_push(context& cx) {
  return with_client(cx, [](client& c) {
    auto const v = c.peer_setting(setting::enable_push, 0);
    if (v == 0) return pass();
    return violation("SETTINGS_ENABLE_PUSH absent or 0 from a server", "SETTINGS_ENABLE_PUSH = " + std::to_string(v));
  });
}

outcome server_max_frame_size(context& cx) {
  return with_client(cx, [](client& c) {
    auto const v = c.peer_setting(setting::max_frame_size, 16384);
    if (v >= 16384 && v <= 0xffffff) return pass();
    return violation("SETTINGS_MAX_FRAME_SIZE between 16,384 and 16,777,215", "SETTINGS_MAX_FRAME_SIZE = " + std::to_string(v));
  });
}

outcome settings_ack_empty(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(settings({{setting::initial_window_size, 65535}}));
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::settings && f.has(flag::ack); });
    if (!e.is_frame(frame_type::settings)) return violation("SETTINGS with ACK", describe(e));
    if (e.received.payload.empty()) return pass();
    return violation("an empty SETTINGS ACK", describe(e));
  });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

case_def const cases[] = {
    make("http2/frame/sent-within-max-frame-size", "RFC 9113 §4.2", "The target's frames stay within our SETTINGS_MAX_FRAME_SIZE",
         "The size of a frame payload is limited by the maximum size that a receiver advertises in the "
         "SETTINGS_MAX_FRAME_SIZE setting.",
         frame_size_respected),
    make("http2/flow-control/sent-within-connection-window", "RFC 9113 §6.9.1", "The target's DATA stays within our connection window",
         "A sender MUST NOT send a flow-controlled frame with a length that exceeds the space available in either of the "
         "flow-control windows advertised by the receiver.",
         connection_window_respected),
    make("http2/push-promise/not-when-disabled", "RFC 9113 §6.5.2", "No PUSH_PROMISE once we set SETTINGS_ENABLE_PUSH to 0",
         "A server MUST NOT send a PUSH_PROMISE frame if it receives this parameter set to a value of 0", no_push_when_disabled),
    make("http2/stream-state/nothing-after-end-stream", "RFC 9113 §5.1", "No frame on a stream after the target ended it and the request had ended",
         "closed: ... An endpoint MUST NOT send frames other than PRIORITY on a closed stream.", nothing_after_end_stream),
    make("http2/goaway/last-stream-id-names-processed", "RFC 9113 §6.8", "A GOAWAY's last-stream-id names the last stream the target processed",
         "The last stream identifier in the GOAWAY frame contains the highest-numbered stream identifier for which the "
         "sender of the GOAWAY frame might have taken some action on or might yet take action on.",
         goaway_last_stream),
    make("http2/settings/server-enable-push-not-1", "RFC 9113 §6.5.2", "The target, a server, does not set SETTINGS_ENABLE_PUSH to 1",
         "A server MUST NOT explicitly set this value to 1.", server_enable_push),
    make("http2/settings/server-max-frame-size-in-range", "RFC 9113 §6.5.2", "The target's SETTINGS_MAX_FRAME_SIZE is within 2^14 to 2^24-1",
         "The value advertised by an endpoint MUST be between this initial value and the maximum allowed frame size "
         "(2^24-1 or 16,777,215 octets), inclusive.",
         server_max_frame_size),
    make("http2/settings/ack-empty", "RFC 9113 §6.5", "The target's SETTINGS acknowledgement is empty",
         "ACK (0x01): When set, the ACK flag indicates that this frame acknowledges receipt and application of the peer's "
         "SETTINGS frame. When this bit is set, the frame payload of the SETTINGS frame MUST be empty.",
         settings_ack_empty),
};

}  // namespace

std::span<case_def const> sender_rule_cases() { return cases; }

}  // namespace conform::http2
