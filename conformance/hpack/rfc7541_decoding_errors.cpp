// RFC 7541 decoding errors; RFC 9113 §4.3 makes each a connection error of type
// COMPRESSION_ERROR.
#include "conformance/hpack/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::hpack {
namespace {

using namespace h2;
using http2::frames;

outcome refused(context& cx, std::string (*block)(client&)) {
  return http2::connection_error_after(cx, [block](client& c) { return frames{headers(1, block(c))}; },
                                       {error_code::compression_error});
}

outcome bad_index(context& cx) { return refused(cx, [](client& c) { return c.request_block() + hpack_block().indexed(70).bytes(); }); }
outcome bad_name_index(context& cx) {
  return refused(cx, [](client& c) { return c.request_block() + hpack_block().literal(literal_kind::without_indexing, 70, "x").bytes(); });
}
outcome update_at_end(context& cx) { return refused(cx, [](client& c) { return c.request_block() + hpack_block().size_update(1).bytes(); }); }
// "a" is 00011 (RFC 7541 Appendix B); then 11 one bits of padding.
outcome padding_too_long(context& cx) {
  return refused(cx, [](client& c) {
    return c.request_block() + hpack_block().literal(literal_kind::without_indexing, "x-test", std::string("\x1f\xff", 2), coding::coded).bytes();
  });
}
outcome padding_zero(context& cx) {
  return refused(cx, [](client& c) {  // "a" = 00011, then padding 000
    return c.request_block() + hpack_block().literal(literal_kind::without_indexing, "x-test", std::string("\x18", 1), coding::coded).bytes();
  });
}
outcome eos(context& cx) {
  return refused(cx, [](client& c) {
    return c.request_block() + hpack_block().literal(literal_kind::without_indexing, "x-test", std::string("\xff\xff\xff\xff", 4), coding::coded).bytes();
  });
}
outcome index_zero(context& cx) { return refused(cx, [](client& c) { return c.request_block() + hpack_block().indexed(0).bytes(); }); }
outcome update_too_large(context& cx) {
  return refused(cx, [](client& c) { return hpack_block().size_update(4097).bytes() + c.request_block(); });
}

// RFC 7541 §5.1: an index whose continuation octets run past 2^64.
outcome integer_overflow(context& cx) {
  return refused(cx, [](client& c) { return c.request_block() + std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12); });
}
// An integer whose continuation never ends within the block.
outcome truncated_integer(context& cx) {
  return refused(cx, [](client& c) { return c.request_block() + std::string("\xff\x80", 2); });
}
// A string literal claiming 100 octets with 3 left in the block.
outcome string_past_end(context& cx) {
  return refused(cx, [](client& c) { return c.request_block() + std::string("\x00\x64" "abc", 5); });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::string_view see, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = see.empty() ? std::vector<std::string_view>{} : std::vector<std::string_view>{see}, .needs = {capability::h2}, .run = run};
}

constexpr std::string_view index_rule = "Indices strictly greater than the sum of the lengths of both tables MUST be "
                                        "treated as a decoding error.";
constexpr std::string_view padding_rule = "A padding strictly longer than 7 bits MUST be treated as a decoding error. "
                                          "A padding not corresponding to the most significant bits of the code for "
                                          "the EOS symbol MUST be treated as a decoding error.";

// RFC 9113 §4.3, for the decoding errors RFC 7541 does not word as a rule of its own.
constexpr std::string_view decoding_rule =
    "A decoding error in a field block MUST be treated as a connection error (Section 5.4.1) of type COMPRESSION_ERROR.";

case_def const cases[] = {
    make("hpack/decoding-error/index-out-of-range", "RFC 7541 §2.3.3", "An index beyond both tables is COMPRESSION_ERROR", index_rule, "h2spec:hpack/2.3.3/1", bad_index),
    make("hpack/decoding-error/name-index-out-of-range", "RFC 7541 §2.3.3", "A literal's name index beyond both tables is COMPRESSION_ERROR", index_rule, "h2spec:hpack/2.3.3/2", bad_name_index),
    make("hpack/decoding-error/size-update-at-end", "RFC 7541 §4.2", "A size update after a field is COMPRESSION_ERROR",
         "This dynamic table size update MUST occur at the beginning of the first header block following the change to the dynamic table size.",
         "h2spec:hpack/4.2/1", update_at_end),
    make("hpack/decoding-error/huffman-padding-too-long", "RFC 7541 §5.2", "Huffman padding over 7 bits is COMPRESSION_ERROR", padding_rule, "h2spec:hpack/5.2/1", padding_too_long),
    make("hpack/decoding-error/huffman-padding-zeros", "RFC 7541 §5.2", "Huffman padding of zeros is COMPRESSION_ERROR", padding_rule, "h2spec:hpack/5.2/2", padding_zero),
    make("hpack/decoding-error/huffman-eos", "RFC 7541 §5.2", "The EOS symbol in a string is COMPRESSION_ERROR",
         "A Huffman-encoded string literal containing the EOS symbol MUST be treated as a decoding error.", "h2spec:hpack/5.2/3", eos),
    make("hpack/decoding-error/index-zero", "RFC 7541 §6.1", "Index 0 is COMPRESSION_ERROR",
         "The index value of 0 is not used. It MUST be treated as a decoding error if found in an indexed header field representation.",
         "h2spec:hpack/6.1/1", index_zero),
    make("hpack/decoding-error/size-update-too-large", "RFC 7541 §6.3", "A size update above SETTINGS_HEADER_TABLE_SIZE is COMPRESSION_ERROR",
         "The new maximum size MUST be lower than or equal to the limit determined by the protocol using HPACK. A value that exceeds this limit MUST be treated as a decoding error.",
         "h2spec:hpack/6.3/1", update_too_large),
    make("hpack/decoding-error/integer-overflow", "RFC 7541 §5.1", "An integer past any implementation limit is COMPRESSION_ERROR",
         "Integer encodings that exceed implementation limits -- in value or octet length -- MUST be treated as decoding errors.",
         "", integer_overflow),
    make("hpack/decoding-error/truncated-integer", "RFC 9113 §4.3", "An integer cut off by the end of the block is COMPRESSION_ERROR",
         decoding_rule, "", truncated_integer),
    make("hpack/decoding-error/string-past-end", "RFC 9113 §4.3", "A string literal longer than the rest of the block is COMPRESSION_ERROR",
         decoding_rule, "", string_past_end),
};

}  // namespace

std::span<case_def const> decoding_error_cases() { return cases; }

}  // namespace conform::hpack
