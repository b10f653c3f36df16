// RFC 9113 §6.8 graceful shutdown: after the client's GOAWAY the streams already open
// still finish, the target says with a GOAWAY of its own which streams it will
// process before it closes, and a stream beyond that last-stream-id is not processed.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

raw_frame our_goaway() { return goaway(0, static_cast<std::uint32_t>(error_code::no_error), "conform done"); }

frames open_post(client& c) { return frames{headers(1, c.request_block("POST", "/", {{"content-length", "4"}}), false)}; }

outcome open_stream_completes(context& cx) {
  return with_client(cx, [](client& c) {
    auto f = open_post(c);
    f.push_back(our_goaway());
    f.push_back(data(1, "test", true));
    c.send(f);
    auto const e = c.wait_for([](frame const& fr) { return fr.type == frame_type::headers && fr.stream_id == 1; },
                              [](frame const& fr) { return fr.type == frame_type::rst_stream && fr.stream_id == 1; });
    if (e.is_frame(frame_type::headers)) return pass();
    return violation("the response on stream 1, opened before our GOAWAY", describe(e));
  });
}

outcome own_goaway_before_close(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(c.get(1));
    auto const answered = c.wait_for([](frame const& f) { return f.stream_id == 1 && f.has(flag::end_stream); });
    if (answered.what != event::kind::frame) return skip("GET / was not answered to the end: " + describe(answered));
    c.send(our_goaway());
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::goaway; });
    if (e.what == event::kind::timeout) return skip("the target kept the connection open after our GOAWAY, which is allowed");
    if (!e.is_frame(frame_type::goaway)) return violation("a GOAWAY before the connection closes", describe(e));
    if (e.received.goaway()->last_stream_id < 1)
      return violation("a GOAWAY whose last-stream-id covers stream 1, which it answered", describe(e));
    return pass();
  });
}

// Stream 1 open, our GOAWAY, the target's GOAWAY(last L): a request on a stream above L
// must get no response; then stream 1 ends and is answered.
outcome beyond_last_stream_ignored(context& cx) {
  return with_client(cx, [](client& c) {
    auto f = open_post(c);
    f.push_back(our_goaway());
    c.send(f);
    auto const g = c.wait_for([](frame const& fr) { return fr.type == frame_type::goaway; });
    if (!g.is_frame(frame_type::goaway))
      return skip("no GOAWAY from the target while stream 1 was open (" + describe(g) + "); nothing beyond its last stream to try");
    std::uint32_t const last = g.received.goaway()->last_stream_id;
    if (last >= max_window - 2) return skip("the target's GOAWAY names stream " + std::to_string(last));
    std::uint32_t const beyond = std::max<std::uint32_t>(3, (last + 2) | 1);
    c.send({c.get(beyond), ping("goneaway"), data(1, "test", true)});
    auto const e = c.wait_for([beyond](frame const& fr) {
      return (fr.type == frame_type::headers && fr.stream_id == beyond) || (fr.type == frame_type::ping && fr.has(flag::ack));
    });
    if (e.is_frame(frame_type::headers))
      return violation("no response on stream " + std::to_string(beyond) + ", above the last-stream-id " + std::to_string(last) + " of its GOAWAY", describe(e));
    return pass(describe(e));
  });
}

case_def make(std::string_view id, std::string_view title, std::string_view req, case_body run) {
  return {.id = id, .section = "RFC 9113 §6.8", .level = requirement_level::should, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

case_def const cases[] = {
    make("http2/goaway/open-stream-completes", "After the client's GOAWAY, a stream it had open is still answered",
         "The GOAWAY frame ... allows an endpoint to gracefully stop accepting new streams while still finishing processing of "
         "previously established streams.",
         open_stream_completes),
    make("http2/goaway/own-goaway-before-close", "After the client's GOAWAY, the target sends its own before closing, naming the streams it processed",
         "Endpoints SHOULD always send a GOAWAY frame before closing a connection so that the remote peer can know whether a "
         "stream has been partially processed or not. ... The last stream identifier in the GOAWAY frame contains the "
         "highest-numbered stream identifier for which the sender of the GOAWAY frame might have taken some action on",
         own_goaway_before_close),
    make("http2/goaway/beyond-last-stream-ignored", "A request above the last-stream-id of the target's GOAWAY is not processed",
         "Once the GOAWAY is sent, the sender will ignore frames sent on streams initiated by the receiver if the stream has an "
         "identifier higher than the included last stream identifier.",
         beyond_last_stream_ignored),
};

}  // namespace

std::span<case_def const> goaway_cases() { return cases; }

}  // namespace conform::http2
