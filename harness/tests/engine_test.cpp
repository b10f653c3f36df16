// The engine's small parts: id globs, the registry's checks, target URLs, durations,
// verdicts from outcomes.
#include <gtest/gtest.h>

#include "harness/engine/duration.hpp"
#include "harness/engine/registry.hpp"
#include "harness/engine/target.hpp"

namespace conform {
namespace {

outcome always_pass(context&) { return pass(); }

case_def const table[] = {
    {.id = "demo/a/one", .section = "RFC 0 §1", .level = requirement_level::must, .title = "one", .requirement = "r", .run = always_pass},
    {.id = "demo/a/two", .section = "RFC 0 §1", .level = requirement_level::should, .title = "two", .requirement = "r", .run = always_pass},
    {.id = "demo/b/heavy", .section = "RFC 0 §2", .level = requirement_level::info, .title = "h", .requirement = "r", .heavy = true, .run = always_pass},
};

TEST(id_matches, globs_and_groups) {
  EXPECT_TRUE(id_matches("demo/*", "demo/a/one"));
  EXPECT_TRUE(id_matches("demo/?/one", "demo/a/one"));
  EXPECT_TRUE(id_matches("*one", "demo/a/one"));
  EXPECT_FALSE(id_matches("*two", "demo/a/one"));
  EXPECT_TRUE(id_matches("demo/a", "demo/a/one"));   // a group
  EXPECT_FALSE(id_matches("demo/a/on", "demo/a/one"));  // not a prefix of a segment
  EXPECT_TRUE(id_matches("demo/a/one", "demo/a/one"));
}

TEST(registry, selects_by_suite_glob_skip_and_heavy) {
  registry reg({suite{.name = "demo", .description = "d", .tables = {table}}});
  EXPECT_EQ(reg.select({}).size(), 2u);  // heavy left out
  EXPECT_EQ(reg.select({.heavy = true}).size(), 3u);
  EXPECT_EQ(reg.select({.cases = {"demo/b/heavy"}}).size(), 1u);  // named: runs
  EXPECT_EQ(reg.select({.cases = {"demo/a"}, .skips = {"*two"}}).size(), 1u);
  EXPECT_EQ(reg.select({.suites = {"other"}}).size(), 0u);
  EXPECT_NE(reg.find("demo/a/two"), nullptr);
  EXPECT_EQ(reg.find("demo/a/three"), nullptr);
}

TEST(registry, refuses_broken_tables) {
  static case_def const duplicate[] = {table[0], table[0]};
  EXPECT_THROW(registry({suite{.name = "demo", .tables = {duplicate}}}), std::logic_error);
  static case_def const wrong_suite[] = {table[0]};
  EXPECT_THROW(registry({suite{.name = "other", .tables = {wrong_suite}}}), std::logic_error);
  static case_def const no_body[] = {{.id = "demo/x", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r"}};
  EXPECT_THROW(registry({suite{.name = "demo", .tables = {no_body}}}), std::logic_error);
}

TEST(target, parses_urls) {
  auto t = parse_target("HTTP://127.0.0.1:8080").value;
  ASSERT_TRUE(t);
  EXPECT_EQ(t->scheme, "http");
  EXPECT_EQ(t->port, 8080);
  EXPECT_EQ(t->path, "/");
  EXPECT_EQ(t->authority(), "127.0.0.1:8080");
  auto s = parse_target("https://localhost/rpc").value;
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->tls);
  EXPECT_EQ(s->port, 443);
  EXPECT_EQ(s->authority(), "localhost");
  EXPECT_EQ(s->path, "/rpc");
  auto v6 = parse_target("ws://[::1]:9000/echo").value;
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->authority(), "[::1]:9000");
  for (auto bad : {"127.0.0.1:80", "ftp://x", "http://", "http://h:0", "http://h:70000", "http://h:8x", "http://u@h/"})
    EXPECT_FALSE(parse_target(bad).value) << bad;
  EXPECT_NE(parse_target("ftp://x").error.find("scheme"), std::string::npos);
}

TEST(target, loopback_only_by_default) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.1.2.3"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_FALSE(is_loopback_host("10.0.0.1"));
  EXPECT_FALSE(is_loopback_host("127.0.0.1.example.com"));
  EXPECT_FALSE(is_loopback_host("example.com"));
}

TEST(duration, parses_and_formats) {
  EXPECT_EQ(parse_duration("500ms"), std::chrono::milliseconds(500));
  EXPECT_EQ(parse_duration("2s"), std::chrono::milliseconds(2000));
  EXPECT_EQ(parse_duration("1.5s"), std::chrono::milliseconds(1500));
  EXPECT_EQ(parse_duration("2m"), std::chrono::milliseconds(120000));
  EXPECT_EQ(parse_duration("3"), std::chrono::milliseconds(3000));
  EXPECT_FALSE(parse_duration("abc"));
  EXPECT_FALSE(parse_duration("2h"));
  EXPECT_FALSE(parse_duration("-1s"));
  EXPECT_EQ(format_duration(std::chrono::milliseconds(2000)), "2 s");
  EXPECT_EQ(format_duration(std::chrono::milliseconds(250)), "250 ms");
}

TEST(outcome, violations_follow_the_level) {
  auto const v = violation("x", "y");
  EXPECT_EQ(v.message, "expected x, got y");
  EXPECT_EQ(resolve(v, requirement_level::must), verdict::fail);
  EXPECT_EQ(resolve(v, requirement_level::should), verdict::warn);
  EXPECT_EQ(resolve(v, requirement_level::may), verdict::info);
  EXPECT_EQ(resolve(skip("why"), requirement_level::must), verdict::skip);
  EXPECT_EQ(resolve(error("e"), requirement_level::must), verdict::error);
}

}  // namespace
}  // namespace conform
