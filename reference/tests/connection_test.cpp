// The connection's behaviour across requests: pipelining, backpressure, 100-continue,
// persistence, timeouts, graceful shutdown and the peer's EOF.
#include <gtest/gtest.h>

#include "reference/tests/wire.hpp"

namespace conform::reference::test {
namespace {

TEST(pipelining, responses_come_in_request_order) {
  std::string_view const input =
      "GET /status/201 HTTP/1.1\r\nHost: a\r\n\r\n"
      "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
      "GET /status/202 HTTP/1.1\r\nHost: a\r\n\r\n";
  for_every_split(input, [](run_result const& r, std::string const& how) {
    auto const responses = parse_responses(r.output);
    ASSERT_EQ(responses.size(), 3U) << how;
    EXPECT_EQ(responses[0].status, 201) << how;
    EXPECT_EQ(responses[1].body, "abc") << how;
    EXPECT_EQ(responses[2].status, 202) << how;
    EXPECT_FALSE(r.finished) << how;
  });
}

TEST(pipelining, a_violation_answers_earlier_requests_then_closes) {
  std::string_view const input =
      "GET /status/201 HTTP/1.1\r\nHost: a\r\n\r\n"
      "GET / HTTP/1.1\r\n\r\n"
      "GET /status/202 HTTP/1.1\r\nHost: a\r\n\r\n";
  for_every_split(input, [](run_result const& r, std::string const& how) {
    auto const responses = parse_responses(r.output);
    ASSERT_EQ(responses.size(), 2U) << how;
    EXPECT_EQ(responses[0].status, 201) << how;
    EXPECT_EQ(responses[1].status, 400) << how;
    EXPECT_TRUE(r.finished) << how;
  });
}

TEST(pipelining, connection_close_stops_after_that_response) {
  auto const r = run_whole(
      "GET /status/201 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
      "GET /status/202 HTTP/1.1\r\nHost: a\r\n\r\n");
  auto const responses = parse_responses(r.output);
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].field("Connection"), "close");
  EXPECT_TRUE(r.finished);
}

TEST(backpressure, parsing_pauses_while_output_is_pending) {
  http1_limits limits;
  limits.max_pending_output = 64 * 1024;
  http1::connection c(limits);
  c.feed(
      "GET /bytes/1000000 HTTP/1.1\r\nHost: a\r\n\r\n"
      "GET /status/203 HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_FALSE(c.wants_input());
  std::string all;
  std::size_t most_pending = 0;
  while (!c.output().empty()) {
    most_pending = std::max(most_pending, c.output().size());
    std::size_t const n = std::min<std::size_t>(c.output().size(), 10'000);  // a slow reader
    all.append(c.output().substr(0, n));
    c.consume_output(n);
  }
  EXPECT_LE(most_pending, 2 * limits.max_pending_output);
  auto const responses = parse_responses(all);
  ASSERT_EQ(responses.size(), 2U);
  ASSERT_EQ(responses[0].body.size(), 1'000'000U);
  for (std::size_t i = 0; i < responses[0].body.size(); i += 997) {
    ASSERT_EQ(responses[0].body[i], static_cast<char>('a' + i % 26)) << i;
  }
  EXPECT_EQ(responses[1].status, 203);
  EXPECT_TRUE(c.wants_input());
}

TEST(backpressure, a_64_mib_body_is_produced_in_pieces) {
  http1::connection c;
  c.feed("GET /bytes/67108864 HTTP/1.1\r\nHost: a\r\n\r\n");
  std::size_t total = 0;
  std::size_t most_pending = 0;
  std::string head;
  while (!c.output().empty()) {
    most_pending = std::max(most_pending, c.output().size());
    if (head.size() < 4096) head.append(c.output().substr(0, 4096));
    total += c.output().size();
    c.consume_output(c.output().size());
  }
  std::size_t const header_size = head.find("\r\n\r\n") + 4;
  EXPECT_EQ(total - header_size, 64U * 1024 * 1024);
  EXPECT_LE(most_pending, 2U * 1024 * 1024);
}

TEST(expect_continue, interim_100_before_the_body) {
  http1::connection c;
  c.feed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.output(), "HTTP/1.1 100 Continue\r\n\r\n");
  c.consume_output(c.output().size());
  c.feed("hello");
  auto const responses = parse_responses(c.output());
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].status, 200);
  EXPECT_EQ(responses[0].body, "hello");
  EXPECT_FALSE(c.finished());
}

TEST(expect_continue, no_interim_when_the_body_already_came) {
  auto const r = run_whole(
      "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhello");
  auto const responses = parse_responses(r.output);
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].status, 200);
}

TEST(expect_continue, ignored_in_http10) {
  http1::connection c;
  c.feed("POST /echo HTTP/1.0\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_TRUE(c.output().empty());
}

TEST(expect_continue, a_refused_request_gets_its_final_status_at_once_and_closes) {
  struct row {
    std::string_view input;
    int status;
  };
  for (auto const& [input, status] : {
           row{"POST /nowhere HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n", 404},
           row{"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n", 405},
           row{"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\nExpect: 100-continue\r\n\r\n", 413},
       }) {
    http1::connection c;
    c.feed(input);
    auto const responses = parse_responses(c.output());
    ASSERT_EQ(responses.size(), 1U) << input;
    EXPECT_EQ(responses[0].status, status) << input;
    EXPECT_EQ(responses[0].field("Connection"), "close") << input;
    c.consume_output(c.output().size());
    EXPECT_TRUE(c.finished()) << input;
  }
}

TEST(refusal, a_refused_body_is_read_and_dropped_keeping_the_connection) {
  auto const r = run_whole(
      "POST /nowhere HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
      "GET /status/201 HTTP/1.1\r\nHost: a\r\n\r\n");
  auto const responses = parse_responses(r.output);
  ASSERT_EQ(responses.size(), 2U);
  EXPECT_EQ(responses[0].status, 404);
  EXPECT_EQ(responses[1].status, 201);
  EXPECT_FALSE(r.finished);
}

TEST(limits, each_limit_has_its_status) {
  http1_limits limits;
  limits.max_request_line = 64;
  limits.max_header_bytes = 128;
  limits.max_fields = 4;
  limits.max_body = 10;
  std::string const long_target = "GET /" + std::string(80, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n";
  std::string const big_field = "GET / HTTP/1.1\r\nHost: a\r\nX: " + std::string(200, 'b') + "\r\n\r\n";
  std::string const unfinished_line = "GET /" + std::string(100, 'a');
  std::string const unfinished_header = "GET / HTTP/1.1\r\nX: " + std::string(200, 'b');
  struct row {
    std::string input;  // owned: some rows are built from temporaries
    int status;
    std::string_view key;
  };
  std::vector<row> const rows{
           row{long_target, 414, "request_line_too_long"},
           row{unfinished_line, 414, "request_line_too_long"},
           row{big_field, 431, "header_section_too_large"},
           row{unfinished_header, 431, "header_section_too_large"},
           row{"GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", 431, "too_many_fields"},
           row{"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", 413, "body_too_large"},
           row{"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\nworld!\r\n",
               413, "body_too_large"},
           row{"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;" + std::string(200, 'x'),
               400, "chunk_line_too_long"},
           row{"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: " + std::string(200, 'x'),
               431, "trailer_section_too_large"},
  };
  for (auto const& [input, status, key] : rows) {
    for_every_split(
        input,
        [&, status = status, key = key](run_result const& r, std::string const& how) {
          if (testing::Test::HasFailure()) return;
          auto const responses = parse_responses(r.output);
          ASSERT_EQ(responses.size(), 1U) << how << " " << key;
          EXPECT_EQ(responses[0].status, status) << how << " " << key;
          EXPECT_EQ(http1::describe(r.violation).key, key) << how;
          EXPECT_TRUE(r.finished) << how << " " << key;
        },
        limits);
  }
}

TEST(limits, exactly_at_the_limits_is_served) {
  http1_limits limits;
  limits.max_request_line = 20;  // "GET /status/200 HTTP/1.1" is 24
  limits.max_body = 5;
  auto r = run_whole("GET /echo HTTP/1.1\r\nHost: a\r\n\r\n", limits);
  EXPECT_EQ(parse_responses(r.output).at(0).status, 200);
  r = run_whole("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", limits);
  EXPECT_EQ(parse_responses(r.output).at(0).status, 200);
}

TEST(persistence, http10_closes_unless_keep_alive) {
  auto r = run_whole("GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(parse_responses(r.output).at(0).field("Connection"), "close");
  EXPECT_TRUE(r.finished);
  r = run_whole("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
  auto const responses = parse_responses(r.output);
  ASSERT_EQ(responses.size(), 2U);
  EXPECT_EQ(responses[1].field("Connection"), "keep-alive");
  EXPECT_FALSE(r.finished);
}

TEST(timeouts, mid_request_gets_408_and_closes) {
  http1::connection c;
  c.feed("GET / HTTP/1.1\r\nHost:");
  EXPECT_EQ(c.current_phase(), http1::connection::phase::header);
  c.on_read_timeout();
  auto const responses = parse_responses(c.output());
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].status, 408);
  c.consume_output(c.output().size());
  EXPECT_TRUE(c.finished());
}

TEST(timeouts, mid_body_gets_408) {
  http1::connection c;
  c.feed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc");
  EXPECT_EQ(c.current_phase(), http1::connection::phase::body);
  c.on_read_timeout();
  EXPECT_EQ(parse_responses(c.output()).at(0).status, 408);
}

TEST(timeouts, idle_closes_silently) {
  http1::connection c;
  c.feed("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
  c.consume_output(c.output().size());
  EXPECT_EQ(c.current_phase(), http1::connection::phase::idle);
  c.on_read_timeout();
  EXPECT_TRUE(c.output().empty());
  EXPECT_TRUE(c.finished());
}

TEST(shutdown, idle_connection_finishes_at_once) {
  http1::connection c;
  c.begin_shutdown();
  EXPECT_TRUE(c.finished());
}

TEST(shutdown, in_flight_request_is_answered_with_connection_close) {
  http1::connection c;
  c.feed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhe");
  c.begin_shutdown();
  EXPECT_FALSE(c.finished());
  c.feed("llo");
  auto const responses = parse_responses(c.output());
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].body, "hello");
  EXPECT_EQ(responses[0].field("Connection"), "close");
  c.consume_output(c.output().size());
  EXPECT_TRUE(c.finished());
}

TEST(shutdown, a_body_being_produced_finishes_first) {
  http1::connection c;
  c.feed("GET /bytes/3000000 HTTP/1.1\r\nHost: a\r\n\r\n");
  c.begin_shutdown();
  std::size_t total = 0;
  while (!c.output().empty()) {
    total += c.output().size();
    c.consume_output(c.output().size());
  }
  EXPECT_GT(total, 3'000'000U);
  EXPECT_TRUE(c.finished());
}

TEST(peer_eof, pending_responses_are_still_written) {
  auto const r = run_pieces({"GET /status/201 HTTP/1.1\r\nHost: a\r\n\r\nGET /"}, {}, true);
  auto const responses = parse_responses(r.output);
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].status, 201);
  EXPECT_TRUE(r.finished);
}

}  // namespace
}  // namespace conform::reference::test
