// Runs the HPACK stories of conformance/vectors/hpack/ (the hpack-test-case JSON
// format: each story is a sequence of header blocks sharing one decoder) through the
// reference decoder, then re-encodes each story with the reference encoder and checks
// a fresh decoder gets the same fields back.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "reference/hpack/decoder.hpp"
#include "reference/hpack/encoder.hpp"

namespace hp = conform::reference::hpack;
namespace fs = std::filesystem;

namespace {

std::string unhex(std::string const& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::vector<hp::header_field> expected_fields(nlohmann::json const& headers) {
  std::vector<hp::header_field> fields;
  for (auto const& one : headers)
    for (auto const& [name, value] : one.items()) fields.push_back({name, value.get<std::string>(), false});
  return fields;
}

std::vector<fs::path> stories() {
  std::vector<fs::path> files;
  for (auto const& entry : fs::directory_iterator(CONFORM_HPACK_VECTOR_DIR))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void same_names_and_values(std::vector<hp::header_field> const& got, std::vector<hp::header_field> const& want,
                           std::string const& where) {
  ASSERT_EQ(got.size(), want.size()) << where;
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].name, want[i].name) << where << " field " << i;
    EXPECT_EQ(got[i].value, want[i].value) << where << " field " << i;
  }
}

}  // namespace

TEST(HpackVectors, EveryStoryDecodes) {
  auto const files = stories();
  ASSERT_GE(files.size(), 8u);
  for (auto const& file : files) {
    auto const story = nlohmann::json::parse(std::ifstream(file));
    std::size_t const table_size = story["cases"][0].value("header_table_size", 4096);
    hp::decoder d({.max_table_size = table_size, .max_header_list_size = 1 << 20});
    for (auto const& c : story["cases"]) {
      std::string const where = file.filename().string() + " seqno " + std::to_string(c["seqno"].get<int>());
      std::vector<hp::header_field> got;
      auto const ec = d.decode(unhex(c["wire"].get<std::string>()), got);
      ASSERT_FALSE(ec) << where << ": " << ec.message();
      same_names_and_values(got, expected_fields(c["headers"]), where);
    }
  }
}

TEST(HpackVectors, EveryStoryRoundTripsThroughTheEncoder) {
  for (auto const& file : stories()) {
    auto const story = nlohmann::json::parse(std::ifstream(file));
    hp::encoder e;
    hp::decoder d({.max_table_size = 4096, .max_header_list_size = 1 << 20});
    for (auto const& c : story["cases"]) {
      std::string const where = file.filename().string() + " seqno " + std::to_string(c["seqno"].get<int>());
      auto const want = expected_fields(c["headers"]);
      std::string block;
      e.encode(want, block);
      std::vector<hp::header_field> got;
      ASSERT_FALSE(d.decode(block, got)) << where;
      same_names_and_values(got, want, where);
    }
  }
}
