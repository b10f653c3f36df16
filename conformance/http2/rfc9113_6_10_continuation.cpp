// RFC 9113 §6.10 CONTINUATION, §8.4 (a client cannot push), and the CONTINUATION flood
// h2spec lacks (§10.5).
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

// The request's block cut in three: HEADERS and two CONTINUATIONs.
frames in_pieces(client& c, std::uint32_t stream) {
  auto const block = c.request_block();
  std::size_t const third = block.size() / 3;
  return {headers(stream, block.substr(0, third), true, false), continuation(stream, block.substr(third, third), false),
          continuation(stream, block.substr(2 * third), true)};
}

outcome one_continuation(context& cx) {
  return response_after(cx, [](client& c) {
    auto const block = c.request_block();
    return frames{headers(1, block.substr(0, 2), true, false), continuation(1, block.substr(2))};
  });
}
outcome several_continuations(context& cx) { return response_after(cx, [](client& c) { return in_pieces(c, 1); }); }
outcome followed_by_other(context& cx) {
  return connection_error_after(cx, [](client& c) {
    auto f = in_pieces(c, 1);
    f.back() = data(1, "x", true);
    return f;
  }, {error_code::protocol_error});
}
outcome on_stream_0(context& cx) {
  return connection_error_after(cx, [](client& c) {
    auto f = in_pieces(c, 1);
    f.back().stream_id = 0;
    return f;
  }, {error_code::protocol_error});
}
outcome after_end_headers(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{headers(1, c.request_block("POST", "/"), false), continuation(1, c.request_block())}; },
                                {error_code::protocol_error});
}
outcome after_ended_continuation(context& cx) {
  return connection_error_after(cx, [](client& c) {
    auto f = in_pieces(c, 1);
    f.push_back(continuation(1, c.request_block()));
    return f;
  }, {error_code::protocol_error});
}
outcome after_data(context& cx) {
  return connection_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/"), false), data(1, "x"), continuation(1, c.request_block())};
  }, {error_code::protocol_error});
}
outcome push_promise_from_client(context& cx) {
  return connection_error_after(cx, [](client& c) { return frames{c.get(1), push_promise(1, 2, c.request_block())}; },
                                {error_code::protocol_error});
}
// CVE-2024-27316 and kin: a field block that never ends must not be buffered without
// bound. 2 MiB of CONTINUATION must end in an error (any code) or a close.
outcome continuation_flood(context& cx) {
  return with_client(cx, [](client& c) {
    frames f{headers(1, c.request_block(), true, false)};
    std::string const filler = hpack_block().literal(literal_kind::without_indexing, "x-flood", std::string(16000, 'f')).bytes();
    for (int i = 0; i < 128; ++i) f.push_back(continuation(1, filler, false));
    c.send(f);
    auto const e = c.wait_for([](frame const& fr) {
      return fr.type == frame_type::goaway || (fr.stream_id == 1 && (fr.type == frame_type::rst_stream || fr.type == frame_type::headers));
    });
    if (e.what == event::kind::frame || e.ended()) return pass(describe(e));
    return violation("an error (GOAWAY, RST_STREAM, a 431 response) or a close after 2 MiB of CONTINUATION", describe(e));
  });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::vector<std::string_view> see, case_body run, requirement_level level = requirement_level::must) {
  return {.id = id, .section = section, .level = level, .title = title, .requirement = req,
          .see_also = std::move(see), .needs = {capability::h2}, .run = run};
}

constexpr std::string_view sequence_rule =
    "A CONTINUATION frame MUST be preceded by a HEADERS, PUSH_PROMISE or CONTINUATION frame without the END_HEADERS "
    "flag set. A recipient that observes violation of this rule MUST respond with a connection error (Section 5.4.1) "
    "of type PROTOCOL_ERROR.";

case_def const cases[] = {
    make("http2/continuation/one", "RFC 9113 §6.10", "A field block in HEADERS and one CONTINUATION is answered",
         "Any number of CONTINUATION frames can be sent, as long as the preceding frame is on the same stream and is a HEADERS, PUSH_PROMISE, or CONTINUATION frame without the END_HEADERS flag set.",
         {"h2spec:generic/3.10/1"}, one_continuation),
    make("http2/continuation/several", "RFC 9113 §6.10", "A field block in several CONTINUATIONs is answered",
         "Any number of CONTINUATION frames can be sent, as long as the preceding frame is on the same stream and is a HEADERS, PUSH_PROMISE, or CONTINUATION frame without the END_HEADERS flag set.",
         {"h2spec:http2/6.10/1", "h2spec:generic/3.10/2"}, several_continuations),
    make("http2/continuation/followed-by-other-frame", "RFC 9113 §6.10", "A frame other than CONTINUATION inside a field block is a connection error",
         "If the END_HEADERS flag is not set, this frame MUST be followed by another CONTINUATION frame. A receiver MUST treat the receipt of any other type of frame or a frame on a different stream as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.10/2"}, followed_by_other),
    make("http2/continuation/stream-0", "RFC 9113 §6.10", "CONTINUATION on stream 0 is a connection error",
         "If a CONTINUATION frame is received with a Stream Identifier field of 0x00, the recipient MUST respond with a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/6.10/3"}, on_stream_0),
    make("http2/continuation/after-end-headers", "RFC 9113 §6.10", "CONTINUATION after HEADERS with END_HEADERS is a connection error", sequence_rule, {"h2spec:http2/6.10/4"}, after_end_headers),
    make("http2/continuation/after-ended-continuation", "RFC 9113 §6.10", "CONTINUATION after a CONTINUATION with END_HEADERS is a connection error", sequence_rule, {"h2spec:http2/6.10/5"}, after_ended_continuation),
    make("http2/continuation/after-data", "RFC 9113 §6.10", "CONTINUATION after DATA is a connection error", sequence_rule, {"h2spec:http2/6.10/6"}, after_data),
    make("http2/push-promise/from-client", "RFC 9113 §8.4", "A PUSH_PROMISE from a client is a connection error",
         "A client cannot push. Thus, servers MUST treat the receipt of a PUSH_PROMISE frame as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
         {"h2spec:http2/8.2/1"}, push_promise_from_client),
    make("http2/abuse/continuation-flood", "RFC 9113 §10.5", "An endless field block ends in an error, not unbounded memory",
         "An endpoint can use the SETTINGS_MAX_HEADER_LIST_SIZE to advise peers of limits that might apply on the size of uncompressed field blocks. ... A server that receives a larger field block than it is willing to handle can send an HTTP 431 (Request Header Fields Too Large) status code",
         {}, continuation_flood, requirement_level::should),
};

}  // namespace

std::span<case_def const> continuation_cases() { return cases; }

}  // namespace conform::http2
