// RFC 9113 §8.1.1 content-length against the content in the ways h2spec does not try,
// §8.3.1 OPTIONS with :path "*", and §8.5 CONNECT's pseudo-header rules.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

outcome malformed_frames(context& cx, make_frames const& send) {
  return stream_error_after(cx, send, 1, {error_code::protocol_error}, true);
}
std::string post_with_length(client& c, std::string_view length) {
  return c.request_block("POST", "/", {{"content-length", std::string(length)}});
}

outcome length_above_data(context& cx) {
  return malformed_frames(cx, [](client& c) { return frames{headers(1, post_with_length(c, "10"), false), data(1, "test", true)}; });
}
outcome length_without_data(context& cx) {
  return malformed_frames(cx, [](client& c) { return frames{headers(1, post_with_length(c, "4"), true)}; });
}
outcome length_then_trailers(context& cx) {
  return malformed_frames(cx, [](client& c) {
    return frames{headers(1, post_with_length(c, "10"), false), data(1, "test"),
                  headers(1, hpack_block().fields({{"x-trailer", "1"}}).bytes(), true)};
  });
}
outcome length_not_a_number(context& cx) {
  return malformed_frames(cx, [](client& c) { return frames{headers(1, post_with_length(c, "4x"), false), data(1, "test", true)}; });
}

field_list connect_fields(client& c, bool scheme, bool path, bool authority) {
  auto const& t = c.cx().target_info();
  field_list f{{":method", "CONNECT"}};
  if (scheme) f.push_back({":scheme", t.tls ? "https" : "http"});
  if (path) f.push_back({":path", "/"});
  if (authority) f.push_back({":authority", t.authority()});
  return f;
}
outcome connect_request(context& cx, bool scheme, bool path, bool authority) {
  return malformed_frames(cx, [=](client& c) {
    return frames{headers(1, hpack_block().fields(connect_fields(c, scheme, path, authority)).bytes(), false)};
  });
}
outcome connect_with_scheme(context& cx) { return connect_request(cx, true, false, true); }
outcome connect_with_path(context& cx) { return connect_request(cx, false, true, true); }
outcome connect_without_authority(context& cx) { return connect_request(cx, false, false, false); }

// A response of any status but 400 (which would say "malformed") answers the request.
outcome answered_not_malformed(context& cx, make_frames const& send) {
  return with_client(cx, [&send](client& c) {
    c.send(send(c));
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::headers && f.stream_id == 1; },
                              [](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; });
    if (!e.is_frame(frame_type::headers)) return violation("a response on stream 1, the request being well-formed", describe(e));
    for (auto const& f : e.fields)
      if (f.name == ":status" && f.value == "400") return violation("a response other than 400, the request being well-formed", describe(e));
    return pass();
  });
}
// A server that is no proxy may hold the CONNECT stream open waiting for tunnel data or
// END_STREAM (nghttpd does): silence is not calling it malformed. Only a reset, a
// GOAWAY or a 400 does.
outcome connect_authority_only(context& cx) {
  return with_client(cx, [](client& c) {
    c.send(headers(1, hpack_block().fields(connect_fields(c, false, false, true)).bytes(), false));
    auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::headers && f.stream_id == 1; },
                              [](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; });
    std::string const expected = "a response other than 400, or the stream held open, the request being well-formed";
    if (e.what == event::kind::timeout) return pass("no answer yet and no reset: the stream is held open as a tunnel would be");
    if (!e.is_frame(frame_type::headers)) return violation(expected, describe(e));
    for (auto const& f : e.fields)
      if (f.name == ":status" && f.value == "400") return violation(expected, describe(e));
    return pass();
  });
}
outcome options_asterisk(context& cx) {
  return answered_not_malformed(cx, [](client& c) { return frames{headers(1, c.request_block("OPTIONS", "*"))}; });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

constexpr std::string_view length_rule =
    "A request or response is also malformed if the value of a content-length header field does not equal the sum of "
    "the DATA frame payload lengths that form the content";
constexpr std::string_view connect_rule =
    "The \":method\" pseudo-header field is set to CONNECT. The \":scheme\" and \":path\" pseudo-header fields MUST be "
    "omitted. The \":authority\" pseudo-header field contains the host and port to connect to ... A CONNECT request that "
    "does not conform to these restrictions is malformed (see Section 8.1.1).";

case_def const cases[] = {
    make("http2/message/content-length-above-data", "RFC 9113 §8.1.1", "content-length above the DATA received is malformed", length_rule, length_above_data),
    make("http2/message/content-length-without-data", "RFC 9113 §8.1.1", "content-length above 0 on a request without DATA is malformed", length_rule, length_without_data),
    make("http2/message/content-length-above-data-then-trailers", "RFC 9113 §8.1.1", "content-length above the DATA received before the trailers is malformed", length_rule, length_then_trailers),
    make("http2/message/content-length-not-a-number", "RFC 9113 §8.1.1", "A content-length that is not a number is malformed", length_rule, length_not_a_number),
    make("http2/message/options-asterisk", "RFC 9113 §8.3.1", "OPTIONS with :path \"*\" is a well-formed request",
         "The exceptions to this rule are: an OPTIONS request for an \"http\" or \"https\" URI that does not include a path "
         "component; these MUST include a \":path\" pseudo-header field with a value of '*' (see Section 7.1 of [HTTP]).",
         options_asterisk),
    make("http2/connect/authority-only", "RFC 9113 §8.5", "CONNECT with :authority and no :scheme or :path is well-formed", connect_rule, connect_authority_only),
    make("http2/connect/with-scheme", "RFC 9113 §8.5", "CONNECT with :scheme is malformed", connect_rule, connect_with_scheme),
    make("http2/connect/with-path", "RFC 9113 §8.5", "CONNECT with :path is malformed", connect_rule, connect_with_path),
    make("http2/connect/without-authority", "RFC 9113 §8.5", "CONNECT without :authority is malformed", connect_rule, connect_without_authority),
};

}  // namespace

std::span<case_def const> request_form_cases() { return cases; }

}  // namespace conform::http2
