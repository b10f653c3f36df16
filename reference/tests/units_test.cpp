// The small pure pieces: HTTP dates, violation keys, URI grammar, transfer codings.
#include <gtest/gtest.h>

#include <set>

#include "reference/http1/http_date.hpp"
#include "reference/http1/rfc3986.hpp"
#include "reference/http1/transfer_coding.hpp"
#include "reference/http1/violation.hpp"

namespace conform::reference::test {
namespace {

TEST(http_date, formats_imf_fixdate) {
  EXPECT_EQ(http1::format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(http1::format_http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(http1::format_http_date(1704067200), "Mon, 01 Jan 2024 00:00:00 GMT");
  EXPECT_EQ(http1::format_http_date(951782400), "Tue, 29 Feb 2000 00:00:00 GMT");
}

TEST(http_date, parses_all_three_formats) {
  EXPECT_EQ(http1::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(http1::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(http1::parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
  EXPECT_FALSE(http1::parse_http_date("Sun, 06 Nov 1994 08:49:37 UTC"));
  EXPECT_FALSE(http1::parse_http_date("Sun, 06 Nov 1994 25:49:37 GMT"));
  EXPECT_FALSE(http1::parse_http_date("06 Nov 1994"));
  EXPECT_FALSE(http1::parse_http_date(""));
}

TEST(http_date, round_trips) {
  for (http1::unix_seconds t = 0; t < 4'000'000'000; t += 86'399 * 37) {
    EXPECT_EQ(http1::parse_http_date(http1::format_http_date(t)), t);
  }
}

TEST(violations, keys_are_unique_snake_case_and_cite_an_rfc) {
  std::set<std::string_view> keys;
  for (int i = 1; i <= static_cast<int>(http1::violation::request_malformed); ++i) {
    auto const& info = http1::describe(static_cast<http1::violation>(i));
    EXPECT_TRUE(keys.insert(info.key).second) << info.key;
    EXPECT_EQ(info.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"), std::string_view::npos);
    EXPECT_EQ(info.clause.substr(0, 4), "RFC ") << info.key;
    EXPECT_GE(info.status, 400) << info.key;
  }
}

TEST(host_field, grammar) {
  for (std::string_view ok : {"", "a", "example.com", "example.com:80", "127.0.0.1:8080", "[::1]", "[::1]:443",
                              "[v1.fe]", "a-b_c~d.e", "%41", "xn--bcher-kva.example", "a:"}) {
    EXPECT_TRUE(http1::is_valid_host_field(ok)) << ok;
  }
  for (std::string_view bad : {"a b", "a:b", "a:65536", "[::1", "::1", "u@a", "a/b", ":80", "[::1]x", "%4", "a,b@"}) {
    EXPECT_FALSE(http1::is_valid_host_field(bad)) << bad;
  }
}

TEST(targets, forms_per_method) {
  using http1::method;
  using http1::violation;
  EXPECT_EQ(http1::parse_target("/a?b=c", method::get).query, "b=c");
  EXPECT_EQ(http1::parse_target("/a?b=c", method::get).path, "/a");
  EXPECT_EQ(http1::parse_target("http://h:1/p?q", method::get).authority, "h:1");
  EXPECT_EQ(http1::parse_target("http://h:1/p?q", method::get).path, "/p");
  EXPECT_EQ(http1::parse_target("h:443", method::connect).why, violation::none);
  EXPECT_EQ(http1::parse_target("h", method::connect).why, violation::target_form_invalid);
  EXPECT_EQ(http1::parse_target("*", method::options).why, violation::none);
  EXPECT_EQ(http1::parse_target("*", method::head).why, violation::target_form_invalid);
  EXPECT_EQ(http1::parse_target("/a b", method::get).why, violation::target_invalid);
  EXPECT_EQ(http1::parse_target("/a%2", method::get).why, violation::target_invalid);
  EXPECT_EQ(http1::parse_target("mailto:x", method::get).why, violation::target_scheme_unsupported);
}

TEST(transfer_codings, verdicts) {
  using http1::violation;
  auto verdict = [](std::initializer_list<std::string_view> lines) {
    http1::transfer_coding_list list;
    for (auto l : lines) list.add(l);
    return list.verdict();
  };
  EXPECT_EQ(verdict({"chunked"}), violation::none);
  EXPECT_EQ(verdict({" chunked , "}), violation::none);
  EXPECT_EQ(verdict({"gzip", "chunked"}), violation::te_unsupported);
  EXPECT_EQ(verdict({"chunked", "chunked"}), violation::te_chunked_twice);
  EXPECT_EQ(verdict({"chunked, x"}), violation::te_not_chunked_final);
  EXPECT_EQ(verdict({"chu nked"}), violation::te_invalid);
  EXPECT_EQ(verdict({","}), violation::te_invalid);
}

}  // namespace
}  // namespace conform::reference::test
