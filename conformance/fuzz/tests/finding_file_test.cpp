#include "conformance/fuzz/finding_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace conform::fuzz {
namespace {

finding sample() {
  return {.kind = finding_kind::hang, .suite = "http1", .detail = "neither answered nor closed",
          .input = std::string("GET / HTTP/1.1\r\nX: \0\xff\r\n\r\n", 26), .original_size = 300, .seed = 7,
          .iteration = 42, .targets = {"http://127.0.0.1:1/"}, .responses = {"A"}};
}

TEST(FindingFile, RoundTripsEveryByteAndField) {
  auto const f = sample();
  auto const back = parse_finding(to_json_text(f));
  EXPECT_EQ(back.input, f.input);
  EXPECT_EQ(back.kind, f.kind);
  EXPECT_EQ(back.suite, "http1");
  EXPECT_EQ(back.detail, f.detail);
  EXPECT_EQ(back.original_size, 300u);
  EXPECT_EQ(back.seed, 7u);
  EXPECT_EQ(back.iteration, 42u);
  EXPECT_EQ(back.targets, f.targets);
  EXPECT_EQ(back.responses, f.responses);
}

TEST(FindingFile, ShowsTheInputReadably) {
  EXPECT_NE(to_json_text(sample()).find(R"(GET / HTTP/1.1\\r\\nX: \\x00\\xff)"), std::string::npos);
}

TEST(FindingFile, IsNamedByKindAndContent) {
  auto const dir = std::filesystem::temp_directory_path() / "conform-finding-test";
  std::filesystem::remove_all(dir);
  auto const a = write_finding(sample(), dir);
  EXPECT_EQ(a.filename().string().rfind("hang-", 0), 0u);
  EXPECT_EQ(write_finding(sample(), dir), a);  // the same input, the same file
  EXPECT_EQ(read_finding(a).input, sample().input);
  std::filesystem::remove_all(dir);
}

TEST(FindingFile, RefusesBrokenFilesClearly) {
  auto const message = [](std::string_view text) {
    try {
      (void)parse_finding(text);
    } catch (finding_file_error const& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("{"), "not a JSON object");
  EXPECT_NE(message(R"({"format":"other"})").find("format"), std::string::npos);
  EXPECT_NE(message(R"({"format":"conform-fuzz-finding/1","suite":"http1","kind":"boom","detail":"","input_hex":""})")
                .find("kind"), std::string::npos);
  EXPECT_NE(message(R"({"format":"conform-fuzz-finding/1","suite":"http1","kind":"hang","detail":"","input_hex":"abc"})")
                .find("odd"), std::string::npos);
  EXPECT_NE(message(R"({"format":"conform-fuzz-finding/1","suite":"http1","kind":"hang","detail":"","input_hex":"zz"})")
                .find("non-hex"), std::string::npos);
  EXPECT_NE(message(R"({"format":"conform-fuzz-finding/1","kind":"hang"})").find("suite"), std::string::npos);
  EXPECT_THROW((void)read_finding("/nonexistent/finding.json"), finding_file_error);
}

}  // namespace
}  // namespace conform::fuzz
