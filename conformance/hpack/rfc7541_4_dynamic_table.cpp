// RFC 7541 §4 the dynamic table as a target's decoder keeps it across header blocks
// (entries referenced later, eviction, size updates, an entry larger than the table),
// and §4.2 from the other side: the target's encoder within our SETTINGS_HEADER_TABLE_SIZE.
#include "conformance/hpack/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::hpack {
namespace {

using namespace h2;
using http2::frames;

// The table size our blocks set first: the target's limit, at most 4096, so the
// arithmetic below holds whatever larger table the target allows.
std::size_t table_size(client& c) { return std::min<std::uint32_t>(c.peer_setting(setting::header_table_size, 4096), 4096); }

outcome reference_across_blocks(context& cx) {
  return http2::response_after(cx, [](client& c) {
    std::string const first = c.request_block() + hpack_block().literal(literal_kind::incremental, "x-conform", "dynamic").bytes();
    std::string const second = c.request_block() + hpack_block().indexed(62).bytes();
    return frames{headers(1, first), headers(3, second)};
  }, 3);
}

// Three entries of which two fit: the first is evicted, so index 64 names nothing.
outcome evicted_entry(context& cx) {
  return http2::connection_error_after(cx, [](client& c) {
    std::size_t const t = table_size(c);
    std::string const value(t / 2 - 32 - 3 - 1, 'v');
    hpack_block b;
    b.size_update(t).raw(c.request_block());
    for (char const* n : {"x-a", "x-b", "x-c"}) b.literal(literal_kind::incremental, n, value);
    return frames{headers(1, b.indexed(64).bytes())};
  }, {error_code::compression_error});
}

// A size update to 0 empties the table: the entry the first request added is gone.
outcome size_update_evicts(context& cx) {
  return http2::connection_error_after(cx, [](client& c) {
    std::string const first = c.request_block() + hpack_block().literal(literal_kind::incremental, "x-conform", "gone").bytes();
    std::string const second = hpack_block().size_update(0).raw(c.request_block()).indexed(62).bytes();
    return frames{headers(1, first), headers(3, second)};
  }, {error_code::compression_error});
}

outcome oversized_entry(context& cx) {
  return http2::response_after(cx, [](client& c) {
    std::size_t const t = table_size(c);
    return frames{headers(1, hpack_block().size_update(t).raw(c.request_block())
                                 .literal(literal_kind::incremental, "x-big", std::string(t, 'b')).bytes())};
  });
}

// Our table size 0, acknowledged: the target's next header block must start with a
// size update and add nothing; libnghttp2's inflater refuses anything else.
outcome encoder_honours_zero(context& cx) {
  h2::client c(cx);
  if (auto const failure = c.handshake({{setting::initial_window_size, 65535}, {setting::header_table_size, 0}}); !failure.empty())
    return error("HTTP/2 handshake: " + failure);
  c.send(c.get(1));
  auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::headers && f.stream_id == 1; },
                            [](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; });
  if (e.is_frame(frame_type::headers)) return pass();
  return violation("a response header block decodable with a dynamic table of 0 octets", e.detail.empty() ? describe(e) : e.detail);
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

case_def const cases[] = {
    make("hpack/dynamic-table/reference-across-blocks", "RFC 7541 §2.3.2", "An entry added in one request is referenced in the next",
         "The dynamic table consists of a list of header fields maintained in first-in, first-out order. ... The dynamic table is "
         "initially empty. Entries are added as each header block is decompressed.",
         reference_across_blocks),
    make("hpack/dynamic-table/evicted-entry", "RFC 7541 §4.4", "An index naming an evicted entry is COMPRESSION_ERROR",
         "Before a new entry is added to the dynamic table, entries are evicted from the end of the dynamic table until the size "
         "of the dynamic table is less than or equal to (maximum size - new entry size) or until the table is empty. ... "
         "Indices strictly greater than the sum of the lengths of both tables MUST be treated as a decoding error.",
         evicted_entry),
    make("hpack/dynamic-table/size-update-evicts", "RFC 7541 §4.3", "After a size update to 0, an earlier entry's index is COMPRESSION_ERROR",
         "Whenever the maximum size for the dynamic table is reduced, entries are evicted from the end of the dynamic table until "
         "the size of the dynamic table is less than or equal to the maximum size.",
         size_update_evicts),
    make("hpack/dynamic-table/oversized-entry-accepted", "RFC 7541 §4.4", "An entry larger than the table empties it and is no error",
         "If the size of the new entry is less than or equal to the maximum size, that entry is added to the table. It is not an "
         "error to attempt to add an entry that is larger than the maximum size; an attempt to add an entry larger than the "
         "maximum size causes the table to be emptied of all existing entries and results in an empty table.",
         oversized_entry),
    make("hpack/encoder/table-size-setting-honoured", "RFC 7541 §4.2", "After SETTINGS_HEADER_TABLE_SIZE 0, responses start with a size update and add nothing",
         "This dynamic table size update MUST occur at the beginning of the first header block following the change to the "
         "dynamic table size. In HTTP/2, this follows a settings acknowledgment (see Section 6.5.3 of [HTTP2]).",
         encoder_honours_zero),
};

}  // namespace

std::span<case_def const> dynamic_table_cases() { return cases; }

}  // namespace conform::hpack
