// /bytes/{n}: range requests (RFC 9110 §14) and conditional requests (§13).
#include <gtest/gtest.h>

#include "reference/http1/rfc9110_ranges.hpp"
#include "reference/tests/wire.hpp"

namespace conform::reference::test {
namespace {

std::string pattern(std::uint64_t first, std::uint64_t last) {
  std::string s;
  for (std::uint64_t i = first; i <= last; ++i) s.push_back(static_cast<char>('a' + i % 26));
  return s;
}

response get(std::string_view path, std::string_view fields, std::string_view method = "GET") {
  std::string const input =
      std::string(method) + " " + std::string(path) + " HTTP/1.1\r\nHost: a\r\n" + std::string(fields) + "\r\n";
  auto const responses = parse_responses(run_whole(input).output, {method == "HEAD"});
  EXPECT_EQ(responses.size(), 1U) << input;
  return responses.empty() ? response{} : responses[0];
}

TEST(bytes, full_body_with_validators) {
  response const r = get("/bytes/100", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, pattern(0, 99));
  EXPECT_EQ(r.field("ETag"), "\"bytes-100\"");
  EXPECT_EQ(r.field("Last-Modified"), "Mon, 01 Jan 2024 00:00:00 GMT");
  EXPECT_EQ(r.field("Accept-Ranges"), "bytes");
  EXPECT_EQ(r.field("Content-Type"), "application/octet-stream");
  EXPECT_EQ(get("/bytes/0", "").body, "");
  EXPECT_EQ(get("/bytes/67108865", "").status, 400);
  EXPECT_EQ(get("/bytes/x", "").status, 400);
}

TEST(ranges, single_ranges) {
  struct row {
    std::string_view range;
    std::uint64_t first, last;
  };
  for (auto const& [range, first, last] : {row{"bytes=0-9", 0, 9}, row{"bytes=-5", 95, 99}, row{"bytes=95-", 95, 99},
                                           row{"bytes=90-1000", 90, 99}, row{"BYTES = 3-3", 3, 3},
                                           row{"bytes=-500", 0, 99}, row{"bytes=200-300, 5-6", 5, 6}}) {
    response const r = get("/bytes/100", "Range: " + std::string(range) + "\r\n");
    EXPECT_EQ(r.status, 206) << range;
    EXPECT_EQ(r.field("Content-Range"),
              "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/100")
        << range;
    EXPECT_EQ(r.body, pattern(first, last)) << range;
  }
}

TEST(ranges, multipart_byteranges) {
  response const r = get("/bytes/100", "Range: bytes=0-2, 10-12, -1\r\n");
  EXPECT_EQ(r.status, 206);
  EXPECT_EQ(r.field("Content-Type"), "multipart/byteranges; boundary=CONFORM_BYTERANGES");
  std::string const part = "\r\n--CONFORM_BYTERANGES\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ";
  EXPECT_EQ(r.body, part + "0-2/100\r\n\r\nabc" + part + "10-12/100\r\n\r\nklm" + part + "99-99/100\r\n\r\nv" +
                        "\r\n--CONFORM_BYTERANGES--\r\n");
  EXPECT_EQ(r.field("Content-Length"), std::to_string(r.body.size()));
}

TEST(ranges, unsatisfiable_is_416) {
  for (std::string_view range : {"bytes=100-", "bytes=200-300", "bytes=-0"}) {
    response const r = get("/bytes/100", "Range: " + std::string(range) + "\r\n");
    EXPECT_EQ(r.status, 416) << range;
    EXPECT_EQ(r.field("Content-Range"), "bytes */100") << range;
  }
  EXPECT_EQ(get("/bytes/0", "Range: bytes=0-\r\n").status, 416);
}

TEST(ranges, invalid_or_ignored_range_gives_200) {
  for (std::string_view range : {"bytes=5-1", "items=0-1", "bytes=", "bytes=a-b", "bytes 0-1", "bytes=0-1,,x",
                                  "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,10-10,11-11,12-12,13-13,14-14,15-15,16-16"}) {
    response const r = get("/bytes/100", "Range: " + std::string(range) + "\r\n");
    EXPECT_EQ(r.status, 200) << range;
    EXPECT_EQ(r.body.size(), 100U) << range;
  }
  EXPECT_EQ(get("/bytes/100", "Range: bytes=0-1\r\n", "HEAD").status, 200);  // GET only
  EXPECT_EQ(get("/bytes/0", "Range: bytes=-5\r\n").status, 200);
}

TEST(ranges, if_range) {
  EXPECT_EQ(get("/bytes/100", "Range: bytes=0-1\r\nIf-Range: \"bytes-100\"\r\n").status, 206);
  EXPECT_EQ(get("/bytes/100", "Range: bytes=0-1\r\nIf-Range: \"bytes-99\"\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "Range: bytes=0-1\r\nIf-Range: W/\"bytes-100\"\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "Range: bytes=0-1\r\nIf-Range: Mon, 01 Jan 2024 00:00:00 GMT\r\n").status, 206);
  EXPECT_EQ(get("/bytes/100", "Range: bytes=0-1\r\nIf-Range: Tue, 02 Jan 2024 00:00:00 GMT\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "Range: bytes=0-1\r\nIf-Range: nonsense\r\n").status, 200);
}

TEST(conditional, if_none_match_gives_304_with_validators) {
  for (std::string_view inm : {"\"bytes-100\"", "W/\"bytes-100\"", "\"x\", \"bytes-100\"", "*"}) {
    response const r = get("/bytes/100", "If-None-Match: " + std::string(inm) + "\r\n");
    EXPECT_EQ(r.status, 304) << inm;
    EXPECT_EQ(r.field("ETag"), "\"bytes-100\"") << inm;
    EXPECT_TRUE(r.field("Last-Modified").has_value()) << inm;
    EXPECT_TRUE(r.field("Date").has_value()) << inm;
    EXPECT_EQ(r.count("Content-Length"), 0U) << inm;
  }
  EXPECT_EQ(get("/bytes/100", "If-None-Match: \"bytes-99\"\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "If-None-Match: \"bytes-100\"\r\n", "HEAD").status, 304);
  auto const out = run_whole("GET /bytes/100 HTTP/1.1\r\nHost: a\r\nIf-None-Match: *\r\n\r\n").output;
  EXPECT_EQ(out.find("\r\n\r\n") + 4, out.size());
}

TEST(conditional, if_match_and_if_unmodified_since_give_412) {
  EXPECT_EQ(get("/bytes/100", "If-Match: \"bytes-99\"\r\n").status, 412);
  EXPECT_EQ(get("/bytes/100", "If-Match: W/\"bytes-100\"\r\n").status, 412);  // strong comparison
  EXPECT_EQ(get("/bytes/100", "If-Match: \"bytes-100\"\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "If-Match: *\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "If-Unmodified-Since: Sun, 31 Dec 2023 23:59:59 GMT\r\n").status, 412);
  EXPECT_EQ(get("/bytes/100", "If-Unmodified-Since: Mon, 01 Jan 2024 00:00:00 GMT\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "If-Unmodified-Since: garbage\r\n").status, 200);
  // If-Match present: If-Unmodified-Since is not evaluated (RFC 9110 §13.2.2 step 2).
  EXPECT_EQ(get("/bytes/100", "If-Match: *\r\nIf-Unmodified-Since: Sun, 31 Dec 2023 23:59:59 GMT\r\n").status, 200);
}

TEST(conditional, if_modified_since) {
  EXPECT_EQ(get("/bytes/100", "If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT\r\n").status, 304);
  EXPECT_EQ(get("/bytes/100", "If-Modified-Since: Monday, 01-Jan-24 00:00:00 GMT\r\n").status, 304);
  EXPECT_EQ(get("/bytes/100", "If-Modified-Since: Mon Jan  1 00:00:00 2024\r\n").status, 304);
  EXPECT_EQ(get("/bytes/100", "If-Modified-Since: Sun, 31 Dec 2023 00:00:00 GMT\r\n").status, 200);
  EXPECT_EQ(get("/bytes/100", "If-Modified-Since: yesterday\r\n").status, 200);
  // If-None-Match present (and not matching): If-Modified-Since is not evaluated.
  EXPECT_EQ(get("/bytes/100", "If-None-Match: \"x\"\r\nIf-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT\r\n").status,
            200);
}

TEST(conditional, evaluation_order) {
  // Step 1 before step 3: a failed If-Match wins over a matching If-None-Match.
  EXPECT_EQ(get("/bytes/100", "If-Match: \"no\"\r\nIf-None-Match: \"bytes-100\"\r\n").status, 412);
  // Preconditions before Range.
  EXPECT_EQ(get("/bytes/100", "If-None-Match: \"bytes-100\"\r\nRange: bytes=0-1\r\n").status, 304);
}

TEST(select_ranges, unit_cases) {
  using http1::range_selection;
  EXPECT_EQ(http1::select_ranges("bytes=0-0", 1).result, range_selection::kind::partial);
  EXPECT_EQ(http1::select_ranges("bytes=1-", 1).result, range_selection::kind::unsatisfiable);
  EXPECT_EQ(http1::select_ranges("bytes=0-99999999999999999999999", 10).ranges.at(0).last, 9U);
  EXPECT_EQ(http1::select_ranges("bytes=--1", 10).result, range_selection::kind::ignore);
}

}  // namespace
}  // namespace conform::reference::test
