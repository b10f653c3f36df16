// RFC 9113 §4: frame format, size and header compression; §5.5 extensions.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

outcome unknown_type(context& cx) {
  return still_usable_after(cx, [](client&) { return frames{unknown(0xff, 0, "unknown frame payload")}; });
}
outcome undefined_flags(context& cx) {
  return still_usable_after(cx, [](client&) { auto f = ping("flagged!"); f.flags = 0x16; return frames{f}; });
}
outcome reserved_bit(context& cx) {
  return still_usable_after(cx, [](client&) { return frames{std::move(ping("reserved")).with_reserved_bit()}; });
}
outcome data_max_size(context& cx) {
  return response_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/"), false), data(1, std::string(16384, 'x'), true)};
  });
}
outcome data_too_large(context& cx) {
  return stream_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/"), false), data(1, std::string(16385, 'x'), true)};
  }, 1, {error_code::frame_size_error});
}
outcome headers_too_large(context& cx) {
  return connection_error_after(cx, [](client& c) {
    hpack_block b;
    b.raw(c.request_block());
    for (int i = 0; i < 5; ++i) b.literal(literal_kind::without_indexing, "x-dummy" + std::to_string(i), std::string(4000, 'x'));
    return frames{headers(1, b.bytes())};
  }, {error_code::frame_size_error});
}
outcome invalid_block(context& cx) {
  return connection_error_after(cx, [](client&) {
    return frames{headers(1, hpack_block().raw(std::string("\x7f\xff\xff\xff\x7f", 5)).bytes())};
  }, {error_code::compression_error});
}
outcome priority_in_block(context& cx) {
  return connection_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block(), true, false), priority(1, 0), continuation(1, "", true)};
  }, {error_code::protocol_error});
}
outcome headers_in_block(context& cx) {
  return connection_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block(), true, false), headers(3, c.request_block())};
  }, {error_code::protocol_error});
}
outcome unknown_in_block(context& cx) {
  return connection_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block(), true, false), unknown(0xff, 1, "x"), continuation(1, "", true)};
  }, {error_code::protocol_error});
}

case_def const cases[] = {
    {.id = "http2/frame/unknown-type-ignored", .section = "RFC 9113 §4.1", .level = requirement_level::must,
     .title = "A frame of unknown type is ignored",
     .requirement = "Implementations MUST ignore and discard frames of unknown types.",
     .see_also = {"h2spec:http2/4.1/1", "h2spec:http2/5.5/1"}, .needs = {capability::h2}, .run = unknown_type},
    {.id = "http2/frame/undefined-flags-ignored", .section = "RFC 9113 §4.1", .level = requirement_level::must,
     .title = "Undefined flags are ignored",
     .requirement = "Flags are assigned semantics specific to the indicated frame type. Unused flags are those that "
                    "have no defined semantics for a particular frame type. Unused flags MUST be ignored on receipt",
     .see_also = {"h2spec:http2/4.1/2"}, .needs = {capability::h2}, .run = undefined_flags},
    {.id = "http2/frame/reserved-bit-ignored", .section = "RFC 9113 §4.1", .level = requirement_level::must,
     .title = "The reserved bit of the stream identifier is ignored",
     .requirement = "The semantics of this bit are undefined, and the bit MUST remain unset (0x00) when sending and "
                    "MUST be ignored when receiving.",
     .see_also = {"h2spec:http2/4.1/3"}, .needs = {capability::h2}, .run = reserved_bit},
    {.id = "http2/frame/data-of-max-frame-size", .section = "RFC 9113 §4.2", .level = requirement_level::must,
     .title = "A DATA frame of 16,384 octets is accepted",
     .requirement = "All implementations MUST be capable of receiving and minimally processing frames up to 2^14 "
                    "octets in length, plus the 9-octet frame header (Section 4.1).",
     .see_also = {"h2spec:http2/4.2/1"}, .needs = {capability::h2}, .run = data_max_size},
    {.id = "http2/frame/data-above-max-frame-size", .section = "RFC 9113 §4.2", .level = requirement_level::must,
     .title = "A DATA frame above SETTINGS_MAX_FRAME_SIZE is a FRAME_SIZE_ERROR",
     .requirement = "An endpoint MUST send an error code of FRAME_SIZE_ERROR if a frame exceeds the size defined in "
                    "SETTINGS_MAX_FRAME_SIZE",
     .see_also = {"h2spec:http2/4.2/2"}, .needs = {capability::h2}, .run = data_too_large},
    {.id = "http2/frame/headers-above-max-frame-size", .section = "RFC 9113 §4.2", .level = requirement_level::must,
     .title = "A HEADERS frame above SETTINGS_MAX_FRAME_SIZE is a connection error FRAME_SIZE_ERROR",
     .requirement = "A frame size error in a frame that could alter the state of the entire connection MUST be "
                    "treated as a connection error (Section 5.4.1); this includes any frame carrying a field block",
     .see_also = {"h2spec:http2/4.2/3"}, .needs = {capability::h2}, .run = headers_too_large},
    {.id = "http2/field-block/undecodable", .section = "RFC 9113 §4.3", .level = requirement_level::must,
     .title = "A field block that cannot be decompressed is a connection error COMPRESSION_ERROR",
     .requirement = "A decoding error in a field block MUST be treated as a connection error (Section 5.4.1) of "
                    "type COMPRESSION_ERROR.",
     .see_also = {"h2spec:http2/4.3/1"}, .needs = {capability::h2}, .run = invalid_block},
    {.id = "http2/field-block/priority-interleaved", .section = "RFC 9113 §4.3", .level = requirement_level::must,
     .title = "A PRIORITY frame inside a field block is a connection error",
     .requirement = "Field blocks MUST be transmitted as a contiguous sequence of frames, with no interleaved frames "
                    "of any other type or from any other stream.",
     .see_also = {"h2spec:http2/4.3/2", "h2spec:http2/6.2/1"}, .needs = {capability::h2}, .run = priority_in_block},
    {.id = "http2/field-block/headers-interleaved", .section = "RFC 9113 §4.3", .level = requirement_level::must,
     .title = "HEADERS for another stream inside a field block is a connection error",
     .requirement = "Field blocks MUST be transmitted as a contiguous sequence of frames, with no interleaved frames "
                    "of any other type or from any other stream.",
     .see_also = {"h2spec:http2/4.3/3", "h2spec:http2/6.2/2"}, .needs = {capability::h2}, .run = headers_in_block},
    {.id = "http2/field-block/unknown-frame-interleaved", .section = "RFC 9113 §5.5", .level = requirement_level::must,
     .title = "An unknown frame inside a field block is a connection error",
     .requirement = "Extension frames that appear in the middle of a field block (Section 4.3) are not permitted; "
                    "these MUST be treated as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
     .see_also = {"h2spec:http2/5.5/2"}, .needs = {capability::h2}, .run = unknown_in_block},
};

}  // namespace

std::span<case_def const> frame_cases() { return cases; }

}  // namespace conform::http2
