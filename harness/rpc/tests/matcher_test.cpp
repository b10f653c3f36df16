#include "harness/rpc/matcher.hpp"

#include <gtest/gtest.h>

namespace conform::rpc {
namespace {

json j(char const* text) { return json::parse(text); }

bool match(char const* pattern, char const* got, bindings& b) { return matches(j(pattern), j(got), b); }
bool match(char const* pattern, char const* got) {
  bindings b;
  return match(pattern, got, b);
}

TEST(Matcher, PlainValuesCompareNumbersByValueAndObjectsInAnyOrder) {
  EXPECT_TRUE(match(R"(["resolve",1,25])", R"(["resolve",1.0,25.0])"));
  EXPECT_FALSE(match(R"(["resolve",1,25])", R"(["resolve",1,26])"));
  EXPECT_FALSE(match(R"(["resolve",1,25])", R"(["resolve",1,25,0])"));
  EXPECT_TRUE(match(R"({"a":1,"b":[2]})", R"({"b":[2],"a":1})"));
  EXPECT_FALSE(match(R"({"a":1})", R"({"a":1,"b":2})"));
  EXPECT_FALSE(match(R"("25")", "25"));
  EXPECT_FALSE(match("null", "false"));
}

TEST(Matcher, AnyMatchesEverything) {
  EXPECT_TRUE(match(R"(["push",{"$any":true}])", R"(["push",["pipeline",-1,[],[1]]])"));
  EXPECT_TRUE(match(R"({"$any":true})", "null"));
}

TEST(Matcher, ExportAndPromiseBindNegativeIds) {
  bindings b;
  EXPECT_TRUE(match(R"(["resolve",1,{"$export":"c"}])", R"(["resolve",1,["export",-3]])", b));
  EXPECT_EQ(b.at("c"), -3);
  EXPECT_FALSE(match(R"({"$export":"d"})", R"(["export",2])"));  // the peer's own exports are negative
  EXPECT_FALSE(match(R"({"$export":"d"})", R"(["promise",-1])"));
  EXPECT_TRUE(match(R"({"$promise":"p"})", R"(["promise",-1])"));
  // A name bound twice must match the same number.
  EXPECT_TRUE(match(R"({"$export":"c"})", R"(["export",-3])", b));
  EXPECT_FALSE(match(R"({"$export":"c"})", R"(["export",-4])", b));
}

TEST(Matcher, BindAndRef) {
  bindings b;
  EXPECT_TRUE(match(R"(["pull",{"$bind":"x"}])", R"(["pull",7])", b));
  EXPECT_TRUE(match(R"(["resolve",{"$ref":"x"},1])", R"(["resolve",7,1])", b));
  EXPECT_FALSE(match(R"(["resolve",{"$ref":"x"},1])", R"(["resolve",8,1])", b));
  EXPECT_FALSE(match(R"({"$ref":"unbound"})", "7", b));
  EXPECT_FALSE(match(R"({"$bind":"y"})", R"("7")"));
}

TEST(Matcher, ErrorsByNameMessageAndPrefix) {
  EXPECT_TRUE(match(R"({"$error":"TypeError","message":"nope"})", R"(["error","TypeError","nope"])"));
  EXPECT_TRUE(match(R"({"$error":"TypeError","message":"nope"})", R"(["error","TypeError","nope","stack"])"));
  EXPECT_FALSE(match(R"({"$error":"TypeError","message":"nope"})", R"(["error","RangeError","nope"])"));
  EXPECT_FALSE(match(R"({"$error":"TypeError","message":"nope"})", R"(["error","TypeError","nope!"])"));
  EXPECT_TRUE(match(R"({"$error":"Error","message_prefix":"no such"})", R"(["error","Error","no such entry"])"));
  EXPECT_TRUE(match(R"({"$error":"*"})", R"(["error","Whatever","x"])"));
  EXPECT_FALSE(match(R"({"$error":"*"})", R"(["bigint","1"])"));
}

TEST(Matcher, SubstituteFillsRefsAsIntegers) {
  bindings b{{"c", -2}};
  EXPECT_EQ(wire(substitute(j(R"(["push",["pipeline",{"$ref":"c"},["increment"],[]]])"), b)),
            R"(["push",["pipeline",-2,["increment"],[]]])");
  EXPECT_EQ(wire(substitute(j(R"(["release",{"$ref":"d"},1])"), b)), R"(["release",{"$ref":"d"},1])");
}

std::vector<json> messages(char const* array) { return j(array).get<std::vector<json>>(); }

TEST(Expectation, InOrderSkippingReleases) {
  bindings b;
  expectation want{.patterns = messages(R"([["resolve",1,1],["resolve",2,4]])")};
  EXPECT_FALSE(match_expectation(want, messages(R"([["resolve",1,1],["release",-1,1],["resolve",2,4]])"), b));
  auto const miss = match_expectation(want, messages(R"([["resolve",2,4],["resolve",1,1]])"), b);
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->expected, R"(["resolve",1,1])");
  EXPECT_EQ(miss->got, R"([["resolve",2,4],["resolve",1,1]])");
}

TEST(Expectation, UnorderedAcceptsAnyOrder) {
  bindings b;
  expectation want{.patterns = messages(R"([["resolve",1,1],["resolve",2,4]])"), .unordered = true};
  EXPECT_FALSE(match_expectation(want, messages(R"([["resolve",2,4],["resolve",1,1]])"), b));
  EXPECT_TRUE(match_expectation(want, messages(R"([["resolve",2,4]])"), b));
}

TEST(Expectation, ExtraMessagesFailUnlessMore) {
  bindings b;
  expectation want{.patterns = messages(R"([["resolve",1,1]])")};
  auto const got = messages(R"([["resolve",1,1],["resolve",2,4]])");
  auto const miss = match_expectation(want, got, b);
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->got, R"(["resolve",2,4])");
  want.more = true;
  EXPECT_FALSE(match_expectation(want, got, b));
}

TEST(Expectation, ReleasePatternsSeeReleases) {
  bindings b;
  expectation want{.patterns = messages(R"([["release",-1,1]])")};
  EXPECT_FALSE(match_expectation(want, messages(R"([["release",-1,1]])"), b));
  EXPECT_TRUE(match_expectation(want, messages("[]"), b));
}

TEST(Expectation, FailedTrialLeavesNoBindings) {
  bindings b;
  expectation want{.patterns = messages(R"([[{"$bind":"x"},2]])"), .more = true};
  EXPECT_TRUE(match_expectation(want, messages(R"([[1,3]])"), b));
  EXPECT_TRUE(b.empty());
}

TEST(Abort, NameMessageAndWildcard) {
  EXPECT_TRUE(abort_matches(j(R"({"name":"SyntaxError"})"), j(R"(["error","SyntaxError","Unexpected end"])")));
  EXPECT_FALSE(abort_matches(j(R"({"name":"SyntaxError"})"), j(R"(["error","TypeError","x"])")));
  EXPECT_TRUE(abort_matches(j(R"({"name":"*"})"), j(R"(["error","TypeError","x"])")));
  EXPECT_TRUE(abort_matches(j(R"({"name":"Error","message_prefix":"no such"})"), j(R"(["error","Error","no such x"])")));
  EXPECT_FALSE(abort_matches(j(R"({"name":"Error","message":"a"})"), j(R"(["error","Error","b"])")));
}

}  // namespace
}  // namespace conform::rpc
