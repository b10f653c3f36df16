// The harness's response reader, fed every vector whole, split at every byte offset
// and byte by byte (Beast's parsegrind habit): the result must not depend on the split.
#include <gtest/gtest.h>

#include <functional>

#include "harness/http1/response_reader.hpp"

namespace conform::h1 {
namespace {

struct read_outcome {
  response_reader::state state;
  response r;
  std::string error;
  std::size_t consumed = 0;
};

// Feeds `pieces` in order, then (if asked) the end of input.
read_outcome read(std::vector<std::string_view> const& pieces, std::string_view method = "GET", bool eof = false) {
  response_reader reader;
  reader.answering(method);
  read_outcome out;
  for (auto p : pieces) {
    out.consumed += reader.feed(p);
    if (reader.current() != response_reader::state::need_more) break;
  }
  if (eof) reader.end_of_input();
  out.state = reader.current();
  out.error = reader.error();
  if (out.state == response_reader::state::done) out.r = reader.take();
  return out;
}

// Calls `check` on the outcome of every way of splitting `wire`.
void every_split(std::string_view wire, std::function<void(read_outcome const&, std::string const&)> const& check,
                 std::string_view method = "GET", bool eof = false) {
  check(read({wire}, method, eof), "whole");
  for (std::size_t i = 1; i < wire.size(); ++i)
    check(read({wire.substr(0, i), wire.substr(i)}, method, eof), "split at " + std::to_string(i));
  std::vector<std::string_view> bytes;
  for (std::size_t i = 0; i < wire.size(); ++i) bytes.push_back(wire.substr(i, 1));
  check(read(bytes, method, eof), "byte by byte");
}

TEST(response_reader, content_length_body_and_leftover) {
  std::string const wire = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhelloHTTP/1.1 204";
  every_split(wire, [&](read_outcome const& o, std::string const& how) {
    ASSERT_EQ(o.state, response_reader::state::done) << how;
    EXPECT_EQ(o.r.status, 200) << how;
    EXPECT_EQ(o.r.reason, "OK");
    EXPECT_EQ(o.r.body, "hello") << how;
    EXPECT_EQ(o.r.how, framing::content_length);
    EXPECT_EQ(o.consumed, wire.size() - std::string_view("HTTP/1.1 204").size()) << how;
    EXPECT_TRUE(o.r.violations.empty());
    EXPECT_EQ(o.r.header("x-a"), "b");
  });
}

TEST(response_reader, chunked_with_extensions_and_trailers) {
  std::string const wire =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n";
  every_split(wire, [](read_outcome const& o, std::string const& how) {
    ASSERT_EQ(o.state, response_reader::state::done) << how;
    EXPECT_EQ(o.r.body, "hello world") << how;
    EXPECT_EQ(o.r.how, framing::chunked);
    ASSERT_EQ(o.r.trailers.size(), 1u) << how;
    EXPECT_EQ(o.r.trailers[0].name, "X-T");
  });
}

TEST(response_reader, close_delimited_ends_at_eof) {
  std::string const wire = "HTTP/1.0 200 OK\r\n\r\nuntil the end";
  every_split(wire, [](read_outcome const& o, std::string const& how) {
    ASSERT_EQ(o.state, response_reader::state::done) << how;
    EXPECT_EQ(o.r.body, "until the end") << how;
    EXPECT_EQ(o.r.how, framing::close_delimited);
  }, "GET", true);
}

TEST(response_reader, no_content_for_head_204_304_and_1xx) {
  for (auto const& vector : std::vector<std::pair<std::string, std::string>>{
           {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", "HEAD"},
           {"HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", "GET"},
           {"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", "GET"},
           {"HTTP/1.1 100 Continue\r\n\r\n", "POST"}}) {
    auto const& wire = vector.first;
    auto const& method = vector.second;
    every_split(wire, [&](read_outcome const& o, std::string const& how) {
      ASSERT_EQ(o.state, response_reader::state::done) << wire << how;
      EXPECT_EQ(o.r.how, framing::none);
      EXPECT_TRUE(o.r.body.empty());
    }, method);
  }
}

TEST(response_reader, notes_grammar_problems_and_keeps_reading) {
  auto const o = read({"HTTP/1.1 200 OK\nBad Name: x\r\nFolded: a\r\n b\r\nSpace : y\r\nContent-Length: 0\r\n\r\n"});
  ASSERT_EQ(o.state, response_reader::state::done);
  auto has = [&](std::string_view text) {
    for (auto const& v : o.r.violations)
      if (v.find(text) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("bare LF"));
  EXPECT_TRUE(has("invalid character in field name"));
  EXPECT_TRUE(has("obs-fold"));
  EXPECT_TRUE(has("whitespace between a field name and its colon"));
  EXPECT_EQ(o.r.header("folded"), "a b");
}

// Found by the response-reader fuzz target (corpus/http1_response_reader/regressions/2bf71781…).
TEST(response_reader, notes_a_status_code_outside_100_to_599) {
  auto const o = read({"HTTP/1.1 020 OK\r\nContent-Length: 0\r\n\r\n"});
  ASSERT_EQ(o.state, response_reader::state::done);
  EXPECT_EQ(o.r.status, 20);
  ASSERT_EQ(o.r.violations.size(), 1u);
  EXPECT_NE(o.r.violations[0].find("outside 100..599"), std::string::npos);
}

TEST(response_reader, fails_where_framing_cannot_be_known) {
  EXPECT_EQ(read({"HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n"}).state, response_reader::state::failed);
  EXPECT_EQ(read({"HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\n"}).state, response_reader::state::failed);
  EXPECT_EQ(read({"HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n"}).state, response_reader::state::failed);
  EXPECT_EQ(read({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}).state, response_reader::state::failed);
  EXPECT_EQ(read({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000005\r\n"}).state,
            response_reader::state::failed);
  EXPECT_EQ(read({"garbage\r\n\r\n"}).state, response_reader::state::failed);
  EXPECT_EQ(read({"HTTP/1.1 20 OK\r\n\r\n"}).state, response_reader::state::failed);
  EXPECT_EQ(read({"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort"}, "GET", true).state, response_reader::state::failed);
}

TEST(response_reader, bounds_what_it_holds) {
  response_reader reader({.max_head = 1024, .max_line = 64, .max_body = 100});
  reader.answering("GET");
  std::string endless(4096, 'x');
  reader.feed("HTTP/1.1 200 OK\r\nX: ");
  reader.feed(endless);
  EXPECT_EQ(reader.current(), response_reader::state::failed);

  response_reader body_reader({.max_head = 1024, .max_line = 64, .max_body = 100});
  body_reader.answering("GET");
  body_reader.feed("HTTP/1.1 200 OK\r\n\r\n");
  body_reader.feed(endless);
  EXPECT_EQ(body_reader.current(), response_reader::state::failed);
}

TEST(response_reader, list_fields_ignore_empty_elements) {
  auto const o = read({"HTTP/1.1 200 OK\r\nContent-Length: 2, , 2\r\nConnection: , close\r\n\r\nok"});
  ASSERT_EQ(o.state, response_reader::state::done);
  EXPECT_EQ(o.r.body, "ok");
  EXPECT_TRUE(o.r.has_token("connection", "close"));
}

TEST(response_reader, responses_one_after_another) {
  response_reader reader;
  std::string_view wire = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
  reader.answering("POST");
  wire.remove_prefix(reader.feed(wire));
  ASSERT_EQ(reader.current(), response_reader::state::done);
  EXPECT_EQ(reader.take().status, 100);
  wire.remove_prefix(reader.feed(wire));
  ASSERT_EQ(reader.current(), response_reader::state::done);
  EXPECT_EQ(reader.take().body, "ok");
  EXPECT_TRUE(wire.empty());
}

}  // namespace
}  // namespace conform::h1
