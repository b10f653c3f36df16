// RFC 9112 §7.1: the chunked transfer coding in requests — decoding, extensions,
// trailers, and malformed or overflowing chunk sizes.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {


h1::request post_chunked(context& cx, std::string const& body) {
  return make_request(cx, "POST", body_path(cx)).header("Transfer-Encoding", "chunked").body(body);
}

outcome decoded(context& cx) {
  auto const body = h1::chunked().chunk("hello").chunk(" world").last().bytes();
  return expect_body_framed(cx, probe_framing(cx, post_chunked(cx, body)), "hello world");
}

outcome extension_ignored(context& cx) {
  auto const body = h1::chunked()
                        .chunk_with_size_line("5;conform=ext", "hello")
                        .chunk_with_size_line("6;conform=\"quoted ; value\"", " world")
                        .last()
                        .bytes();
  return expect_body_framed(cx, probe_framing(cx, post_chunked(cx, body)), "hello world");
}

outcome trailer_section(context& cx) {
  auto const body = h1::chunked().chunk("hello").last({"X-Conform-Trailer: 1"}).bytes();
  return expect_body_framed(cx, probe_framing(cx, post_chunked(cx, body)), "hello");
}

outcome invalid_size(context& cx) {
  auto const body = h1::chunked().chunk_with_size_line("zz", "hello").last().bytes();
  return expect_refused_framing(probe_framing(cx, post_chunked(cx, body)));
}

outcome size_overflow(context& cx) {
  // 2^64 + 5 in hex: a parser that wraps around reads a 5-byte chunk.
  auto const body = h1::chunked().chunk_with_size_line("10000000000000005", "hello").last().bytes();
  return expect_refused_framing(probe_framing(cx, post_chunked(cx, body), {400, 413}),
                                "400 (or 413) and then the connection closed");
}

outcome missing_data_crlf(context& cx) {
  auto const body = h1::chunked().raw("5\r\nhelloXX\r\n").last().bytes();
  return expect_refused_framing(probe_framing(cx, post_chunked(cx, body)));
}

case_def const cases[] = {
    {.id = "http1/chunked/decoded",
     .section = "RFC 9112 §7.1",
     .level = requirement_level::must,
     .title = "A chunked request body is decoded, and the next request after it read",
     .requirement = "A recipient MUST be able to parse and decode the chunked transfer coding.",
     .run = decoded},
    {.id = "http1/chunked/extension-ignored",
     .section = "RFC 9112 §7.1.1",
     .level = requirement_level::must,
     .title = "Unrecognized chunk extensions, quoted or not, are ignored",
     .requirement = "A recipient MUST ignore unrecognized chunk extensions.",
     .run = extension_ignored},
    {.id = "http1/chunked/trailer-section",
     .section = "RFC 9112 §7.1.2",
     .level = requirement_level::must,
     .title = "A trailer section after the last chunk is read as part of the message",
     .requirement = "A recipient MUST be able to parse and decode the chunked transfer coding (RFC 9112 §7.1), "
                    "whose last chunk may be followed by a trailer section: chunked-body = *chunk last-chunk "
                    "trailer-section CRLF.",
     .run = trailer_section},
    {.id = "http1/chunked/invalid-size",
     .section = "RFC 9112 §2.2",
     .level = requirement_level::should,
     .title = "A chunk size that is not hexadecimal gets 400 and a close",
     .requirement = grammar_rule,
     .run = invalid_size},
    {.id = "http1/chunked/size-overflow",
     .section = "RFC 9112 §7.1",
     .level = requirement_level::must,
     .title = "A chunk size of 2^64+5 is refused, not wrapped to 5",
     .requirement = "Recipients MUST anticipate potentially large hexadecimal numerals and prevent parsing errors due "
                    "to integer conversion overflows or precision loss due to integer representation.",
     .run = size_overflow},
    {.id = "http1/chunked/missing-data-crlf",
     .section = "RFC 9112 §2.2",
     .level = requirement_level::should,
     .title = "Chunk data longer than its size (no CRLF after it) gets 400 and a close",
     .requirement = grammar_rule,
     .run = missing_data_crlf},
};

}  // namespace

std::span<case_def const> chunked_cases() { return cases; }

}  // namespace conform::http1
