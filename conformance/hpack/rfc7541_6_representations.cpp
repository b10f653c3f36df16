// RFC 7541 §6: each binary representation of a header field, sent in a request the
// server must answer.
#include "conformance/hpack/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::hpack {
namespace {

using namespace h2;
using http2::frames;

// GET / whose x-conform field (or :path, through `name_index` 4) uses one representation.
outcome answered(context& cx, void (*add)(hpack_block&)) {
  return http2::response_after(cx, [add](client& c) {
    auto const& t = c.cx().target_info();
    hpack_block b;
    b.fields({{":method", "GET"}, {":scheme", t.tls ? "https" : "http"}, {":authority", t.authority()}});
    add(b);
    return frames{headers(1, b.bytes())};
  });
}

constexpr auto plain = coding::plain;
constexpr auto huff = coding::huffman;

outcome indexed(context& cx) { return answered(cx, [](hpack_block& b) { b.indexed(4); }); }
outcome incremental_indexed_name(context& cx) { return answered(cx, [](hpack_block& b) { b.literal(literal_kind::incremental, 4, "/", plain); }); }
outcome incremental_indexed_name_huffman(context& cx) { return answered(cx, [](hpack_block& b) { b.literal(literal_kind::incremental, 4, "/", huff); }); }
outcome incremental_new_name(context& cx) { return answered(cx, [](hpack_block& b) { b.indexed(4).literal(literal_kind::incremental, "x-conform", "a", plain); }); }
outcome incremental_new_name_huffman(context& cx) { return answered(cx, [](hpack_block& b) { b.indexed(4).literal(literal_kind::incremental, "x-conform", "a", huff); }); }
outcome without_indexed_name(context& cx) { return answered(cx, [](hpack_block& b) { b.literal(literal_kind::without_indexing, 4, "/", plain); }); }
outcome without_indexed_name_huffman(context& cx) { return answered(cx, [](hpack_block& b) { b.literal(literal_kind::without_indexing, 4, "/", huff); }); }
outcome without_new_name(context& cx) { return answered(cx, [](hpack_block& b) { b.indexed(4).literal(literal_kind::without_indexing, "x-conform", "a", plain); }); }
outcome without_new_name_huffman(context& cx) { return answered(cx, [](hpack_block& b) { b.indexed(4).literal(literal_kind::without_indexing, "x-conform", "a", huff); }); }
outcome never_indexed_name(context& cx) { return answered(cx, [](hpack_block& b) { b.literal(literal_kind::never_indexed, 4, "/", plain); }); }
outcome never_indexed_name_huffman(context& cx) { return answered(cx, [](hpack_block& b) { b.literal(literal_kind::never_indexed, 4, "/", huff); }); }
outcome never_new_name(context& cx) { return answered(cx, [](hpack_block& b) { b.indexed(4).literal(literal_kind::never_indexed, "x-conform", "a", plain); }); }
outcome never_new_name_huffman(context& cx) { return answered(cx, [](hpack_block& b) { b.indexed(4).literal(literal_kind::never_indexed, "x-conform", "a", huff); }); }

// Size updates belong at the start of a block (RFC 7541 §4.2).
outcome with_size_update(context& cx, std::vector<std::uint64_t> sizes) {
  return http2::response_after(cx, [&](client& c) {
    hpack_block b;
    for (auto s : sizes) b.size_update(s);
    b.raw(c.request_block());
    return frames{headers(1, b.bytes())};
  });
}
outcome size_update(context& cx) { return with_size_update(cx, {1}); }
outcome several_size_updates(context& cx) { return with_size_update(cx, {0, 4096}); }

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::string_view see, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = {see}, .needs = {capability::h2}, .run = run};
}

constexpr std::string_view incremental = "A literal header field with incremental indexing representation results in "
                                         "appending a header field to the decoded header list and inserting it as a "
                                         "new entry into the dynamic table.";
constexpr std::string_view without = "A literal header field without indexing representation results in appending a "
                                     "header field to the decoded header list without altering the dynamic table.";
constexpr std::string_view never = "A literal header field never-indexed representation results in appending a header "
                                   "field to the decoded header list without altering the dynamic table.";

case_def const cases[] = {
    make("hpack/representation/indexed", "RFC 7541 §6.1", "An indexed header field is decoded",
         "An indexed header field representation identifies an entry in either the static table or the dynamic table (see Section 2.3).",
         "h2spec:generic/5/1", indexed),
    make("hpack/representation/incremental-indexed-name", "RFC 7541 §6.2.1", "Literal with incremental indexing, indexed name", incremental, "h2spec:generic/5/2", incremental_indexed_name),
    make("hpack/representation/incremental-indexed-name-huffman", "RFC 7541 §6.2.1", "Literal with incremental indexing, indexed name, Huffman", incremental, "h2spec:generic/5/3", incremental_indexed_name_huffman),
    make("hpack/representation/incremental-new-name", "RFC 7541 §6.2.1", "Literal with incremental indexing, new name", incremental, "h2spec:generic/5/4", incremental_new_name),
    make("hpack/representation/incremental-new-name-huffman", "RFC 7541 §6.2.1", "Literal with incremental indexing, new name, Huffman", incremental, "h2spec:generic/5/5", incremental_new_name_huffman),
    make("hpack/representation/without-indexing-indexed-name", "RFC 7541 §6.2.2", "Literal without indexing, indexed name", without, "h2spec:generic/5/6", without_indexed_name),
    make("hpack/representation/without-indexing-indexed-name-huffman", "RFC 7541 §6.2.2", "Literal without indexing, indexed name, Huffman", without, "h2spec:generic/5/7", without_indexed_name_huffman),
    make("hpack/representation/without-indexing-new-name", "RFC 7541 §6.2.2", "Literal without indexing, new name", without, "h2spec:generic/5/8", without_new_name),
    make("hpack/representation/without-indexing-new-name-huffman", "RFC 7541 §6.2.2", "Literal without indexing, new name, Huffman", without, "h2spec:generic/5/9", without_new_name_huffman),
    make("hpack/representation/never-indexed-indexed-name", "RFC 7541 §6.2.3", "Literal never indexed, indexed name", never, "h2spec:generic/5/10", never_indexed_name),
    make("hpack/representation/never-indexed-indexed-name-huffman", "RFC 7541 §6.2.3", "Literal never indexed, indexed name, Huffman", never, "h2spec:generic/5/11", never_indexed_name_huffman),
    make("hpack/representation/never-indexed-new-name", "RFC 7541 §6.2.3", "Literal never indexed, new name", never, "h2spec:generic/5/12", never_new_name),
    make("hpack/representation/never-indexed-new-name-huffman", "RFC 7541 §6.2.3", "Literal never indexed, new name, Huffman", never, "h2spec:generic/5/13", never_new_name_huffman),
    make("hpack/representation/size-update", "RFC 7541 §6.3", "A dynamic table size update is accepted",
         "A dynamic table size update signals a change to the size of the dynamic table.", "h2spec:generic/5/14", size_update),
    make("hpack/representation/several-size-updates", "RFC 7541 §4.2", "Two size updates at the start of a block are accepted",
         "This dynamic table size update MUST occur at the beginning of the first header block following the change to the dynamic table size.",
         "h2spec:generic/5/15", several_size_updates),
};

}  // namespace

std::span<case_def const> representation_cases() { return cases; }

}  // namespace conform::hpack
