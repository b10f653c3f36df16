// The harness's HPACK side: its own encoder, and libnghttp2's inflater as the oracle
// for the target's header blocks. Both run the stories of conformance/vectors/hpack/.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "harness/http2/hpack_encoder.hpp"
#include "harness/http2/hpack_inflater.hpp"

namespace conform::h2 {
namespace {

std::string unhex(std::string const& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

field_list story_fields(nlohmann::json const& headers) {
  field_list out;
  for (auto const& one : headers)
    for (auto const& [name, value] : one.items()) out.push_back({name, value.get<std::string>()});
  return out;
}

std::vector<std::filesystem::path> stories() {
  std::vector<std::filesystem::path> files;
  for (auto const& e : std::filesystem::directory_iterator(CONFORM_HPACK_VECTOR_DIR))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(h2_hpack, rfc7541_c1_integers) {
  std::string out;
  hpack_integer(out, 0, 5, 1337);
  EXPECT_EQ(out, unhex("1f9a0a"));
}

TEST(h2_hpack, rfc7541_c4_huffman_strings) {
  EXPECT_EQ(huffman_code_of("www.example.com"), unhex("f1e3c2e5f23a6ba0ab90f4ff"));
  EXPECT_EQ(huffman_code_of("custom-value"), unhex("25a849e95bb8e8b4bf"));
}

TEST(h2_hpack, nghttp2_inflater_reads_every_story) {
  auto const files = stories();
  ASSERT_GE(files.size(), 8u);
  for (auto const& file : files) {
    auto const story = nlohmann::json::parse(std::ifstream(file));
    hpack_inflater inflater;
    std::uint64_t const table_size = story["cases"][0].value("header_table_size", 4096);
    // A story's table has its size from the start; nghttp2 only shrinks its table on a
    // size update (RFC 7541 §6.3), so the first block gets one in front.
    std::string update;
    if (table_size != 4096) {
      inflater.set_max_table_size(table_size);
      update = hpack_block().size_update(table_size).bytes();
    }
    for (auto const& c : story["cases"]) {
      auto const r = inflater.inflate(update + unhex(c["wire"].get<std::string>()));
      update.clear();
      ASSERT_TRUE(r.ok()) << file << ": " << r.error;
      EXPECT_EQ(r.fields, story_fields(c["headers"])) << file << " seqno " << c["seqno"];
    }
  }
}

TEST(h2_hpack, the_harness_encoder_is_read_back_by_nghttp2) {
  for (auto const& file : stories()) {
    auto const story = nlohmann::json::parse(std::ifstream(file));
    hpack_inflater inflater;
    for (auto const& c : story["cases"]) {
      auto const want = story_fields(c["headers"]);
      hpack_block block;
      block.fields(want);
      auto const r = inflater.inflate(block.bytes());
      ASSERT_TRUE(r.ok()) << file << ": " << r.error;
      EXPECT_EQ(r.fields, want) << file;
    }
  }
}

TEST(h2_hpack, every_representation_the_encoder_writes_is_valid) {
  hpack_block b;
  b.size_update(0).size_update(4096).indexed(2);
  b.literal(literal_kind::incremental, 4, "/a", coding::huffman);
  b.literal(literal_kind::without_indexing, "x-new", "v", coding::plain);
  b.literal(literal_kind::never_indexed, "x-secret", "s", coding::huffman);
  b.indexed(62);  // the :path entry just added
  hpack_inflater inflater;
  auto const r = inflater.inflate(b.bytes());
  ASSERT_TRUE(r.ok()) << r.error;
  field_list const want = {{":method", "GET"}, {":path", "/a"}, {"x-new", "v"}, {"x-secret", "s"}, {":path", "/a"}};
  EXPECT_EQ(r.fields, want);
}

TEST(h2_hpack, invalid_encodings_on_purpose_are_refused_by_the_oracle) {
  auto refused = [](std::string const& block) {
    hpack_inflater inflater;
    return !inflater.inflate(block).ok();
  };
  EXPECT_TRUE(refused(hpack_block().indexed(0).bytes()));                     // RFC 7541 §6.1
  EXPECT_TRUE(refused(hpack_block().indexed(70).bytes()));                    // §2.3.3
  EXPECT_TRUE(refused(hpack_block().indexed(2).size_update(0).bytes()));      // §4.2
  EXPECT_TRUE(refused(hpack_block().size_update(4097).bytes()));              // §6.3
  EXPECT_TRUE(refused(hpack_block().literal(literal_kind::without_indexing, "x", std::string("\xff\xff\xff\xff", 4), coding::coded).bytes()));  // EOS, §5.2
}

}  // namespace
}  // namespace conform::h2
