// RFC 9113 §5.4.1 connection error handling and §7 error codes.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

raw_frame short_ping() { return ping("123456"); }  // 6 octets: a FRAME_SIZE_ERROR

outcome closes_after_error(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(short_ping());
    auto const e = c.wait_for([](frame const&) { return false; });
    if (e.ended()) return pass();
    return violation("the connection closed after the connection error", describe(e));
  });
}
outcome goaway_before_close(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(short_ping());
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::goaway; });
    if (e.is_frame(frame_type::goaway)) return pass();
    return violation("a GOAWAY frame before the connection closes", describe(e));
  });
}
// A GOAWAY of any code may be answered with our own graceful GOAWAY (NO_ERROR) and a
// close, as the reference does (§6.8); only an error answer is "special behavior".
outcome goaway_unknown_code(context& cx) {
  return with_client(cx, [](client& c) {
    c.send({goaway(0, 0xff), ping("livenes!")});
    std::string const expected = "PING with ACK, or GOAWAY with NO_ERROR, or a close (the unknown code ignored)";
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::ping && f.has(flag::ack); },
                              [](frame const& f) { return f.type == frame_type::goaway; });
    if (e.is_frame(frame_type::ping)) return pass("PING answered after GOAWAY with code 0xff");
    if (e.is_frame(frame_type::goaway) && e.received.goaway() && e.received.goaway()->code == error_code::no_error)
      return pass("answered with its own GOAWAY (NO_ERROR), as for any GOAWAY");
    if (e.ended()) return pass("closed after our GOAWAY, which is allowed");
    return violation(expected, describe(e));
  });
}
outcome rst_unknown_code(context& cx) {
  return with_client(cx, [](client& c) {
    c.send({headers(1, c.request_block("POST", "/"), false), rst_stream(1, 0xff)});
    auto const j = expect_ping_ack(c);
    if (j.what == judgement::kind::missing && c.ended()) return pass("closed, which is allowed");
    return to_outcome(j);
  });
}

case_def const cases[] = {
    {.id = "http2/connection-error/closes", .section = "RFC 9113 §5.4.1", .level = requirement_level::must,
     .title = "After a connection error the connection is closed",
     .requirement = "After sending the GOAWAY frame for an error condition, the endpoint MUST close the TCP connection.",
     .see_also = {"h2spec:http2/5.4.1/1"}, .needs = {capability::h2}, .run = closes_after_error},
    {.id = "http2/connection-error/goaway-first", .section = "RFC 9113 §5.4.1", .level = requirement_level::should,
     .title = "A connection error is announced with GOAWAY before the close",
     .requirement = "An endpoint that encounters a connection error SHOULD first send a GOAWAY frame (Section 6.8) "
                    "with the stream identifier of the last stream that it successfully received from its peer.",
     .see_also = {"h2spec:http2/5.4.1/2"}, .needs = {capability::h2}, .run = goaway_before_close},
    {.id = "http2/error-code/unknown-in-goaway", .section = "RFC 9113 §7", .level = requirement_level::must,
     .title = "An unknown error code in GOAWAY triggers nothing special",
     .requirement = "Unknown or unsupported error codes MUST NOT trigger any special behavior.",
     .see_also = {"h2spec:http2/7/1", "h2spec:generic/3.8/1"}, .needs = {capability::h2}, .run = goaway_unknown_code},
    {.id = "http2/error-code/unknown-in-rst-stream", .section = "RFC 9113 §7", .level = requirement_level::must,
     .title = "An unknown error code in RST_STREAM triggers nothing special",
     .requirement = "Unknown or unsupported error codes MUST NOT trigger any special behavior.",
     .see_also = {"h2spec:http2/7/2"}, .needs = {capability::h2}, .run = rst_unknown_code},
};

}  // namespace

std::span<case_def const> error_handling_cases() { return cases; }

}  // namespace conform::http2
