// Properties of HPACK on both sides, each judged by an implementation it shares no
// code with: the reference encoder's blocks decode the same in the reference decoder and
// in nghttp2's inflater; nghttp2's deflater's blocks decode the same in the reference
// decoder; the harness's hand-built blocks decode as built in nghttp2; the dynamic
// tables of encoder and decoder stay in step and within their size; Huffman round-trips.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <nghttp2/nghttp2.h>

#include <string>
#include <vector>

#include "harness/http2/hpack_encoder.hpp"
#include "harness/http2/hpack_inflater.hpp"
#include "reference/hpack/decoder.hpp"
#include "reference/hpack/encoder.hpp"
#include "reference/hpack/huffman.hpp"

namespace conform {
namespace {

namespace ref = reference::hpack;

rc::Gen<std::string> name_gen() {
  // Lower-case tokens, a few common names so the static and dynamic tables get hits.
  return rc::gen::oneOf(rc::gen::element<std::string>(":method", ":path", "accept", "content-type", "cookie", "x-a"),
                        rc::gen::nonEmpty(rc::gen::container<std::string>(rc::gen::elementOf(std::string("abcdefghijklmnopqrstuvwxyz-0123456789")))));
}

rc::Gen<std::string> value_gen() {
  return rc::gen::oneOf(rc::gen::element<std::string>("GET", "/", "text/html", ""),
                        rc::gen::container<std::string>(rc::gen::inRange<char>(0x20, 0x7f)));
}

rc::Gen<std::vector<ref::header_field>> header_list_gen() {
  return rc::gen::container<std::vector<ref::header_field>>(rc::gen::exec([] {
    return ref::header_field{*name_gen(), *value_gen(), *rc::gen::inRange(0, 8) == 0};
  }));
}

using pair_list = std::vector<std::pair<std::string, std::string>>;

pair_list pairs(std::vector<ref::header_field> const& fields) {
  pair_list out;
  for (auto const& f : fields) out.emplace_back(f.name, f.value);
  return out;
}

pair_list pairs(h2::field_list const& fields) {
  pair_list out;
  for (auto const& f : fields) out.emplace_back(f.name, f.value);
  return out;
}

rc::Gen<std::vector<std::vector<ref::header_field>>> blocks_gen() {
  return rc::gen::container<std::vector<std::vector<ref::header_field>>>(*rc::gen::inRange<std::size_t>(1, 5), header_list_gen());
}

RC_GTEST_PROP(HpackProperties, ReferenceEncoderDecoderAndNghttp2AgreeAcrossBlocks, ()) {
  auto const table_size = *rc::gen::element<std::size_t>(0, 64, 256, 4096);
  ref::encoder encoder(4096);
  encoder.set_max_table_size(table_size);
  ref::decoder decoder({.max_table_size = 4096, .max_header_list_size = 1u << 24});
  h2::hpack_inflater nghttp2;
  for (auto const& fields : *blocks_gen()) {
    std::string block;
    encoder.encode(fields, block);
    std::vector<ref::header_field> decoded;
    RC_ASSERT(!decoder.decode(block, decoded));
    RC_ASSERT(pairs(decoded) == pairs(fields));
    auto const theirs = nghttp2.inflate(block);
    RC_ASSERT(theirs.ok());
    RC_ASSERT(pairs(theirs.fields) == pairs(fields));
    // The tables stay in step, within the size the encoder chose (RFC 7541 §4.2).
    RC_ASSERT(decoder.table().count() == encoder.table().count());
    RC_ASSERT(decoder.table().size() == encoder.table().size());
    RC_ASSERT(decoder.table().size() <= table_size);
  }
}

// nghttp2's deflater, owned for one property.
struct deflater {
  nghttp2_hd_deflater* d = nullptr;
  deflater() { nghttp2_hd_deflate_new(&d, 4096); }
  ~deflater() { nghttp2_hd_deflate_del(d); }
  deflater(deflater const&) = delete;
  deflater& operator=(deflater const&) = delete;

  std::string block(std::vector<ref::header_field> const& fields) {
    std::vector<nghttp2_nv> nv;
    for (auto const& f : fields)
      nv.push_back({reinterpret_cast<std::uint8_t*>(const_cast<char*>(f.name.data())),
                    reinterpret_cast<std::uint8_t*>(const_cast<char*>(f.value.data())), f.name.size(), f.value.size(),
                    static_cast<std::uint8_t>(f.never_indexed ? NGHTTP2_NV_FLAG_NO_INDEX : NGHTTP2_NV_FLAG_NONE)});
    std::string out(nghttp2_hd_deflate_bound(d, nv.data(), nv.size()), '\0');
    auto const n = nghttp2_hd_deflate_hd(d, reinterpret_cast<std::uint8_t*>(out.data()), out.size(), nv.data(), nv.size());
    out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    return out;
  }
};

RC_GTEST_PROP(HpackProperties, ReferenceDecoderReadsNghttp2Deflater, ()) {
  deflater theirs;
  ref::decoder decoder({.max_table_size = 4096, .max_header_list_size = 1u << 24});
  for (auto const& fields : *blocks_gen()) {
    std::vector<ref::header_field> decoded;
    RC_ASSERT(!decoder.decode(theirs.block(fields), decoded));
    RC_ASSERT(pairs(decoded) == pairs(fields));
    RC_ASSERT(decoder.table().size() <= 4096u);
  }
}

RC_GTEST_PROP(HpackProperties, HarnessBlocksDecodeAsBuiltInNghttp2, ()) {
  auto const fields = *header_list_gen();
  h2::hpack_block block;
  h2::field_list expected;
  for (auto const& f : fields) {
    auto const kind = *rc::gen::element(h2::literal_kind::incremental, h2::literal_kind::without_indexing, h2::literal_kind::never_indexed);
    auto const coding = *rc::gen::element(h2::coding::plain, h2::coding::huffman);
    block.literal(kind, f.name, f.value, coding);
    expected.push_back({f.name, f.value});
    if (*rc::gen::inRange(0, 4) == 0) {
      block.indexed(2);  // :method GET, from the static table
      expected.push_back({":method", "GET"});
    }
  }
  h2::hpack_inflater nghttp2;
  auto const got = nghttp2.inflate(block.bytes());
  RC_ASSERT(got.ok());
  RC_ASSERT(pairs(got.fields) == pairs(expected));
}

RC_GTEST_PROP(HpackProperties, HuffmanRoundTripsAnyOctets, (std::string const& text)) {
  std::string coded;
  ref::huffman_encode(text, coded);
  RC_ASSERT(coded.size() == ref::huffman_encoded_length(text));
  std::string back;
  RC_ASSERT(!ref::huffman_decode(coded, text.size() + 1, back));
  RC_ASSERT(back == text);
  // The harness's own Huffman coder writes the same code (both follow Appendix B).
  RC_ASSERT(h2::huffman_code_of(text) == coded);
}

}  // namespace
}  // namespace conform
