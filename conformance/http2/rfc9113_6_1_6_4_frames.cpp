// RFC 9113 §6.1 DATA, §6.2 HEADERS, §6.3 PRIORITY, §6.4 RST_STREAM.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

frames post(client& c) { return {headers(1, c.request_block("POST", "/"), false)}; }

outcome data_stream_0(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{post(c)[0], data(0, "x", true)}; }, {error_code::protocol_error});
}
outcome data_bad_padding(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{post(c)[0], std::move(data(1, "x", true)).padded(6, 0)}; },
                                {error_code::protocol_error});
}
outcome headers_stream_0(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{c.get(0)}; }, {error_code::protocol_error});
}
outcome headers_bad_padding(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{std::move(c.get(1)).padded(255, 0)}; }, 1, {error_code::protocol_error});
}
outcome priority_stream_0(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{priority(0, 1)}; }, {error_code::protocol_error});
}
outcome priority_length(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{post(c)[0], unknown(frame_type::priority, 1, std::string(4, '\0'))}; },
                            1, {error_code::frame_size_error});
}
outcome rst_stream_0(context& cx) {
  return connection_error_after(cx, [](client&) { return frames{rst_stream(0, error_code::cancel)}; }, {error_code::protocol_error});
}
outcome rst_length(context& cx) {
  return stream_error_after(cx, [](client& c) { return frames{post(c)[0], unknown(frame_type::rst_stream, 1, std::string(3, '\0'))}; },
                            1, {error_code::frame_size_error});
}

outcome one_data(context& cx) {
  return response_after(cx, [](client& c) { return frames{post(c)[0], data(1, "test", true)}; });
}
outcome several_data(context& cx) {
  return response_after(cx, [](client& c) { return frames{post(c)[0], data(1, "te"), data(1, "st", true)}; });
}
outcome padded_data(context& cx) {
  return response_after(cx, [](client& c) { return frames{post(c)[0], std::move(data(1, "test", true)).padded(8)}; });
}
outcome plain_headers(context& cx) {
  return response_after(cx, [](client& c) { return frames{c.get(1)}; });
}
outcome padded_headers(context& cx) {
  return response_after(cx, [](client& c) { return frames{std::move(c.get(1)).padded(8)}; });
}
outcome headers_with_priority(context& cx) {
  return response_after(cx, [](client& c) { return frames{std::move(c.get(1)).with_priority(0, 255)}; });
}
outcome priority_weight_1(context& cx) {
  return response_after(cx, [](client& c) { return frames{priority(1, 0, 0), c.get(1)}; });
}
outcome priority_weight_256(context& cx) {
  return response_after(cx, [](client& c) { return frames{priority(1, 0, 255), c.get(1)}; });
}
outcome priority_dependency(context& cx) {
  return response_after(cx, [](client& c) { return frames{priority(3, 1), c.get(3)}; }, 3);
}
outcome priority_exclusive(context& cx) {
  return response_after(cx, [](client& c) { return frames{priority(3, 1, 15, true), c.get(3)}; }, 3);
}
outcome priority_idle_then_lower(context& cx) {
  return response_after(cx, [](client& c) { return frames{priority(5, 0), c.get(3)}; }, 3);
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::vector<std::string_view> see, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = std::move(see), .needs = {capability::h2}, .run = run};
}

constexpr std::string_view padding_rule =
    "If the length of the padding is the length of the frame payload or greater, the recipient MUST treat this as a "
    "connection error (Section 5.4.1) of type PROTOCOL_ERROR.";
constexpr std::string_view data_rule = "DATA frames (type=0x00) convey arbitrary, variable-length sequences of octets "
                                       "associated with a stream.";
constexpr std::string_view headers_rule = "The HEADERS frame (type=0x01) is used to open a stream (Section 5.1), and "
                                          "additionally carries a field block fragment.";
constexpr std::string_view priority_ignored = "The PRIORITY frame can be sent for a stream in any state ... the "
                                              "signaling is deprecated; an endpoint can ignore it.";

case_def const cases[] = {
    make("http2/data/stream-0", "RFC 9113 §6.1", "DATA on stream 0 is a connection error",
         "If a DATA frame is received whose Stream Identifier field is 0x00, the recipient MUST respond with a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.1/1"}, data_stream_0),
    make("http2/data/padding-too-long", "RFC 9113 §6.1", "DATA padding as long as its payload is a connection error", padding_rule, {"h2spec:http2/6.1/3"}, data_bad_padding),
    make("http2/headers/stream-0", "RFC 9113 §6.2", "HEADERS on stream 0 is a connection error",
         "If a HEADERS frame is received whose Stream Identifier field is 0x00, the recipient MUST respond with a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.2/3"}, headers_stream_0),
    make("http2/headers/padding-too-long", "RFC 9113 §6.2", "HEADERS padding as long as its payload is an error", padding_rule, {"h2spec:http2/6.2/4"}, headers_bad_padding),
    make("http2/priority/stream-0", "RFC 9113 §6.3", "PRIORITY on stream 0 is a connection error",
         "If a PRIORITY frame is received with a stream identifier of 0x00, the recipient MUST respond with a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.3/1"}, priority_stream_0),
    make("http2/priority/length", "RFC 9113 §6.3", "PRIORITY of a length other than 5 is FRAME_SIZE_ERROR",
         "A PRIORITY frame with a length other than 5 octets MUST be treated as a stream error (Section 5.4.2) of type FRAME_SIZE_ERROR.",
         {"h2spec:http2/6.3/2"}, priority_length),
    make("http2/rst-stream/stream-0", "RFC 9113 §6.4", "RST_STREAM on stream 0 is a connection error",
         "If a RST_STREAM frame is received with a stream identifier of 0x00, the recipient MUST treat this as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.4/1"}, rst_stream_0),
    make("http2/rst-stream/length", "RFC 9113 §6.4", "RST_STREAM of a length other than 4 is FRAME_SIZE_ERROR",
         "A RST_STREAM frame with a length other than 4 octets MUST be treated as a connection error (Section 5.4.1) of type FRAME_SIZE_ERROR.",
         {"h2spec:http2/6.4/3"}, rst_length),
    make("http2/data/one-frame", "RFC 9113 §6.1", "A request body in one DATA frame is answered", data_rule, {"h2spec:generic/3.1/1"}, one_data),
    make("http2/data/several-frames", "RFC 9113 §6.1", "A request body in several DATA frames is answered", data_rule, {"h2spec:generic/3.1/2"}, several_data),
    make("http2/data/padded", "RFC 9113 §6.1", "A padded DATA frame is accepted", data_rule, {"h2spec:generic/3.1/3"}, padded_data),
    make("http2/headers/plain", "RFC 9113 §6.2", "A HEADERS frame opens a stream that is answered", headers_rule, {"h2spec:generic/3.2/1"}, plain_headers),
    make("http2/headers/padded", "RFC 9113 §6.2", "A padded HEADERS frame is accepted", headers_rule, {"h2spec:generic/3.2/2"}, padded_headers),
    make("http2/headers/with-priority", "RFC 9113 §6.2", "HEADERS with the PRIORITY flag is accepted", headers_rule, {"h2spec:generic/3.2/3"}, headers_with_priority),
    make("http2/priority/weight-1", "RFC 9113 §6.3", "PRIORITY with weight 1 is accepted", priority_ignored, {"h2spec:generic/3.3/1"}, priority_weight_1),
    make("http2/priority/weight-256", "RFC 9113 §6.3", "PRIORITY with weight 256 is accepted", priority_ignored, {"h2spec:generic/3.3/2"}, priority_weight_256),
    make("http2/priority/dependency", "RFC 9113 §6.3", "PRIORITY with a stream dependency is accepted", priority_ignored, {"h2spec:generic/3.3/3"}, priority_dependency),
    make("http2/priority/exclusive", "RFC 9113 §6.3", "PRIORITY with the exclusive flag is accepted", priority_ignored, {"h2spec:generic/3.3/4"}, priority_exclusive),
    make("http2/priority/idle-then-lower-stream", "RFC 9113 §6.3", "PRIORITY on an idle stream does not use up lower stream ids", priority_ignored, {"h2spec:generic/3.3/5"}, priority_idle_then_lower),
};

}  // namespace

std::span<case_def const> data_headers_cases() { return cases; }

}  // namespace conform::http2
