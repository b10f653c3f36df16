// RFC 9113 §3.4: the HTTP/2 connection preface.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

outcome settings_first(context& cx) {
  h2::client c(cx);
  c.send_bytes(std::string(h2::client_preface) + h2::settings().bytes());
  auto const e = c.next();
  if (e.is_frame(h2::frame_type::settings) && !e.received.has(h2::flag::ack)) return pass();
  return violation("a SETTINGS frame (without ACK) as the first frame", h2::describe(e));
}

// A port that serves HTTP/1.1 too reads this as an HTTP/1 request and may answer it in
// HTTP/1 before closing: it never saw an HTTP/2 preface, so that is accepted.
outcome invalid_preface(context& cx) {
  h2::client c(cx);
  c.send_bytes("INVALID CONNECTION PREFACE\r\n\r\n");
  auto const j = h2::expect_connection_error(c, {error_code::protocol_error});
  if (j.what == h2::judgement::kind::missing && j.got.find("HTTP/1") != std::string::npos)
    return pass("answered in HTTP/1 (the port also serves HTTP/1.1, so it never saw an HTTP/2 preface)");
  return h2::to_outcome(j);
}

case_def const cases[] = {
    {.id = "http2/preface/server-settings-first",
     .section = "RFC 9113 §3.4",
     .level = requirement_level::must,
     .title = "The server's connection preface is a SETTINGS frame, sent first",
     .requirement = "The server connection preface consists of a potentially empty SETTINGS frame (Section 6.5) "
                    "that MUST be the first frame the server sends in the HTTP/2 connection.",
     .see_also = {"h2spec:http2/3.5/1", "h2spec:generic/1/1"},
     .needs = {capability::h2},
     .run = settings_first},
    {.id = "http2/preface/invalid",
     .section = "RFC 9113 §3.4",
     .level = requirement_level::must,
     .title = "An invalid connection preface is a connection error of type PROTOCOL_ERROR",
     .requirement = "Clients and servers MUST treat an invalid connection preface as a connection error "
                    "(Section 5.4.1) of type PROTOCOL_ERROR.",
     .see_also = {"h2spec:http2/3.5/2"},
     .needs = {capability::h2},
     .run = invalid_preface},
};

}  // namespace

std::span<case_def const> preface_cases() { return cases; }

}  // namespace conform::http2
