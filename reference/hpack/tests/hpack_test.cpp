// The reference HPACK codec (RFC 7541): primitives, Huffman, the tables, the decoder's
// refusals and limits, and encoder round trips. The examples of Appendix C are run as
// stories from conformance/vectors/hpack/ by vectors_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reference/hpack/decoder.hpp"
#include "reference/hpack/encoder.hpp"
#include "reference/hpack/error.hpp"
#include "reference/hpack/huffman.hpp"
#include "reference/hpack/rfc7541_5_primitives.hpp"

namespace hp = conform::reference::hpack;

namespace {

std::string unhex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

std::error_code decode(hp::decoder& d, std::string_view hex, std::vector<hp::header_field>& fields) {
  return d.decode(unhex(hex), fields);
}

std::error_code decode_error(std::string_view hex, hp::decoder_limits limits = {}) {
  hp::decoder d(limits);
  std::vector<hp::header_field> fields;
  return decode(d, hex, fields);
}

}  // namespace

// RFC 7541 Appendix C.1.
TEST(HpackInteger, AppendixC1Examples) {
  std::string out;
  hp::encode_integer(out, 0, 5, 10);
  EXPECT_EQ(out, unhex("0a"));
  out.clear();
  hp::encode_integer(out, 0, 5, 1337);
  EXPECT_EQ(out, unhex("1f9a0a"));
  out.clear();
  hp::encode_integer(out, 0, 8, 42);
  EXPECT_EQ(out, unhex("2a"));

  std::uint64_t value = 0;
  std::string const block = unhex("1f9a0a");  // the reader holds a view: keep the bytes alive
  hp::block_reader r(block);
  EXPECT_FALSE(r.read_integer(5, value));
  EXPECT_EQ(value, 1337u);
  EXPECT_TRUE(r.at_end());
}

TEST(HpackInteger, RefusesTruncatedAndOversizedValues) {
  std::uint64_t value = 0;
  EXPECT_EQ(hp::block_reader(unhex("1f9a")).read_integer(5, value), hp::error::integer_truncated);
  EXPECT_EQ(hp::block_reader(unhex("1fffffffff0f")).read_integer(5, value), hp::error::integer_overflow);
  // Padding with continuation octets of zero value is still bounded.
  EXPECT_EQ(hp::block_reader(unhex("1f808080808000")).read_integer(5, value), hp::error::integer_overflow);
  EXPECT_FALSE(hp::block_reader(unhex("1fe0ffffff0f")).read_integer(5, value));
  EXPECT_EQ(value, 0xffffffffu);
}

TEST(HpackHuffman, RoundTripsEveryOctet) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  std::string coded;
  hp::huffman_encode(all, coded);
  EXPECT_EQ(coded.size(), hp::huffman_encoded_length(all));
  std::string back;
  ASSERT_FALSE(hp::huffman_decode(coded, all.size(), back));
  EXPECT_EQ(back, all);
}

TEST(HpackHuffman, AppendixC4Strings) {
  std::string coded;
  hp::huffman_encode("www.example.com", coded);
  EXPECT_EQ(coded, unhex("f1e3c2e5f23a6ba0ab90f4ff"));
  coded.clear();
  hp::huffman_encode("no-cache", coded);
  EXPECT_EQ(coded, unhex("a8eb10649cbf"));
}

TEST(HpackHuffman, RefusesWhatRfc7541Section52Forbids) {
  std::string text;
  // "a" is 00011 (5 bits); then 8 one bits of padding: longer than 7.
  EXPECT_EQ(hp::huffman_decode(unhex("1fff"), 16, text), hp::error::huffman_padding_too_long);
  // "a" followed by padding 000: not the most significant bits of EOS.
  EXPECT_EQ(hp::huffman_decode(unhex("18"), 16, text), hp::error::huffman_padding_not_eos);
  // EOS (30 ones) inside the string.
  EXPECT_EQ(hp::huffman_decode(unhex("ffffffff"), 16, text), hp::error::huffman_eos);
  // Output longer than the limit.
  EXPECT_EQ(hp::huffman_decode(unhex("f1e3c2e5f23a6ba0ab90f4ff"), 4, text), hp::error::string_too_long);
}

// RFC 7541 Appendix C.2.1 to C.2.4: one representation each.
TEST(HpackDecoder, AppendixC2Representations) {
  hp::decoder d;
  std::vector<hp::header_field> f;
  ASSERT_FALSE(decode(d, "400a637573746f6d2d6b65790d637573746f6d2d686561646572", f));
  EXPECT_EQ(f.back(), (hp::header_field{"custom-key", "custom-header", false}));
  EXPECT_EQ(d.table().size(), 55u);
  ASSERT_FALSE(decode(d, "040c2f73616d706c652f70617468", f));
  EXPECT_EQ(f.back(), (hp::header_field{":path", "/sample/path", false}));
  ASSERT_FALSE(decode(d, "100870617373776f726406736563726574", f));
  EXPECT_EQ(f.back(), (hp::header_field{"password", "secret", true}));
  ASSERT_FALSE(decode(d, "82", f));
  EXPECT_EQ(f.back(), (hp::header_field{":method", "GET", false}));
  EXPECT_EQ(d.table().count(), 1u);
}

TEST(HpackDecoder, RefusesBadIndices) {
  EXPECT_EQ(decode_error("80"), hp::error::index_zero);                 // RFC 7541 §6.1
  EXPECT_EQ(decode_error("be"), hp::error::index_out_of_range);         // §2.3.3: empty dynamic table
  EXPECT_EQ(decode_error("7e0161"), hp::error::index_out_of_range);     // literal with name index 62
  EXPECT_EQ(decode_error("0f2f0161"), hp::error::index_out_of_range);   // index 62 in a 4-bit prefix
}

TEST(HpackDecoder, TableSizeUpdatesOnlyFirstAndWithinTheLimit) {
  EXPECT_FALSE(decode_error("203fe11f82"));                                   // 0, then 4096
  EXPECT_EQ(decode_error("8220"), hp::error::table_size_update_not_first);  // §4.2
  EXPECT_EQ(decode_error("3fe21f"), hp::error::table_size_over_limit);      // 4097 > 4096, §6.3

  hp::decoder d;
  std::vector<hp::header_field> f;
  d.set_max_table_size(100);
  EXPECT_EQ(decode(d, "82", f), hp::error::table_size_update_missing);
  hp::decoder d2;
  d2.set_max_table_size(100);
  EXPECT_FALSE(decode(d2, "3f4582", f));  // 100 = 31 + 69
  EXPECT_EQ(d2.table().max_size(), 100u);
}

TEST(HpackDecoder, RefusesTruncatedBlocks) {
  EXPECT_EQ(decode_error("40"), hp::error::string_truncated);
  EXPECT_EQ(decode_error("400a6375"), hp::error::string_truncated);
  EXPECT_EQ(decode_error("ff"), hp::error::integer_truncated);
}

TEST(HpackDecoder, HeaderListLimitKeepsTheTableInStep) {
  hp::decoder d({.max_table_size = 4096, .max_header_list_size = 80});
  std::vector<hp::header_field> f;
  // Two fields added to the table: 32+1+40 and 32+1+40 = 146 > 80.
  std::string const value(40, 'v');
  std::string block = unhex("400161") + std::string(1, '\x28') + value + unhex("400162") + std::string(1, '\x28') + value;
  EXPECT_EQ(d.decode(block, f), hp::error::header_list_too_large);
  EXPECT_EQ(f.size(), 1u);
  EXPECT_EQ(d.table().count(), 2u);  // both entries applied
  f.clear();
  EXPECT_FALSE(decode(d, "be", f));
  EXPECT_EQ(f.at(0).name, "b");
}

TEST(HpackDecoder, BoundsAnHpackBomb) {
  // One entry of about 3,900 octets, then its index repeated 1000 times: 4 MB of
  // fields from a 5 kB block. The list limit stops storing at 64 KiB.
  std::string block = unhex("400161");
  hp::encode_integer(block, 0x00, 7, 3900);
  block.append(3900, 'x');
  block.append(1000, '\xbe');
  hp::decoder d;
  std::vector<hp::header_field> f;
  EXPECT_EQ(d.decode(block, f), hp::error::header_list_too_large);
  EXPECT_LT(f.size(), 20u);
}

TEST(HpackEncoder, RoundTripsThroughTheDecoder) {
  hp::encoder e;
  hp::decoder d;
  std::vector<hp::header_field> const fields = {
      {":status", "200"}, {"content-type", "text/plain"}, {"x-custom", "value"},
      {"authorization", "Basic dGVzdA=="}, {"x-large", std::string(3000, 'z')}};
  for (int round = 0; round < 3; ++round) {
    std::string block;
    e.encode(fields, block);
    std::vector<hp::header_field> back;
    ASSERT_FALSE(d.decode(block, back)) << round;
    ASSERT_EQ(back.size(), fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
      EXPECT_EQ(back[i].name, fields[i].name);
      EXPECT_EQ(back[i].value, fields[i].value);
    }
    EXPECT_TRUE(back[3].never_indexed);  // credentials stay out of tables (RFC 7541 §7.1.3)
  }
  EXPECT_EQ(e.table().size(), d.table().size());
}

TEST(HpackEncoder, SignalsATableSizeChangeFirst) {
  hp::encoder e;
  hp::decoder d;
  std::string block;
  e.encode(std::vector<hp::header_field>{{"x-a", "1"}}, block);
  std::vector<hp::header_field> back;
  ASSERT_FALSE(d.decode(block, back));
  e.set_max_table_size(0);
  d.set_max_table_size(0);
  block.clear();
  e.encode(std::vector<hp::header_field>{{"x-a", "1"}}, block);
  EXPECT_EQ(static_cast<unsigned char>(block[0]), 0x20u);
  ASSERT_FALSE(d.decode(block, back));
  EXPECT_EQ(d.table().count(), 0u);
}
