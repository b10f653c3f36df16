// The target profile's endpoints, HEAD and HTTP/1.0 responses.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reference/tests/wire.hpp"

namespace conform::reference::test {
namespace {

response only_response(std::string_view input, std::vector<bool> head = {}) {
  auto const responses = parse_responses(run_whole(input).output, std::move(head));
  EXPECT_EQ(responses.size(), 1U) << input;
  return responses.empty() ? response{} : responses[0];
}

TEST(every_response, has_date_server_and_one_framing) {
  for (std::string_view input : {"GET / HTTP/1.1\r\nHost: a\r\n\r\n", "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n",
                                 "GET /bytes/10 HTTP/1.1\r\nHost: a\r\n\r\n", "GET / HTTP/1.1\r\n\r\n"}) {
    response const r = only_response(input);
    EXPECT_EQ(r.count("Date"), 1U) << input;
    EXPECT_EQ(r.field("Server"), "conform-reference") << input;
    EXPECT_EQ(r.count("Content-Length") + r.count("Transfer-Encoding"), 1U) << input;
  }
}

TEST(root, options_and_405_list_allowed_methods) {
  response r = only_response("OPTIONS / HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.field("Allow"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(r.count("Content-Length"), 0U);
  r = only_response("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.field("Allow"), "GET, HEAD, OPTIONS");
  r = only_response("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(r.field("Allow"), "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
  r = only_response("CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n");
  EXPECT_EQ(r.status, 405);
  EXPECT_TRUE(r.field("Allow").has_value());
}

TEST(head, same_fields_as_get_and_no_body) {
  for (std::string_view path : {"/", "/bytes/100", "/stream/3", "/headers", "/status/418", "/nowhere"}) {
    std::string const get = "GET " + std::string(path) + " HTTP/1.1\r\nHost: a\r\n\r\n";
    std::string const head = "HEAD " + std::string(path) + " HTTP/1.1\r\nHost: a\r\n\r\n";
    auto const g = run_whole(get);
    auto const h = run_whole(head);
    std::string const g_header = g.output.substr(0, g.output.find("\r\n\r\n") + 4);
    EXPECT_EQ(h.output, g_header) << path;  // byte for byte: the fields, and nothing after
  }
}

TEST(head, violation_response_has_no_body) {
  auto const r = run_whole("HEAD / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(r.output.find("\r\n\r\n") + 4, r.output.size());
  auto const obs = run_whole("HEAD / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n");
  EXPECT_EQ(obs.output.find("\r\n\r\n") + 4, obs.output.size());
}

TEST(echo, returns_body_and_content_type) {
  response r = only_response("PUT /echo HTTP/1.1\r\nHost: a\r\nContent-Type: text/x-a\r\nContent-Length: 4\r\n\r\nabcd");
  EXPECT_EQ(r.body, "abcd");
  EXPECT_EQ(r.field("Content-Type"), "text/x-a");
  r = only_response("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi");
  EXPECT_EQ(r.field("Content-Type"), "application/octet-stream");
  r = only_response(
      "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=\"y\"\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ(r.body, "abcde");
}

TEST(status, codes_and_interim_responses) {
  response r = only_response("GET /status/418 HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(r.status, 418);
  r = only_response("GET /status/204 HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.count("Content-Length"), 0U);
  auto out = run_whole("GET /status/304 HTTP/1.1\r\nHost: a\r\n\r\n").output;
  EXPECT_EQ(out.find("Content-Length"), std::string::npos);
  EXPECT_EQ(out.find("\r\n\r\n") + 4, out.size());
  for (std::string_view bad : {"/status/101", "/status/99", "/status/600", "/status/abc", "/status/", "/status/-1"}) {
    r = only_response("GET " + std::string(bad) + " HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_FALSE(r.body.empty()) << bad;
  }
  auto const responses = parse_responses(run_whole("GET /status/103 HTTP/1.1\r\nHost: a\r\n\r\n").output);
  ASSERT_EQ(responses.size(), 2U);
  EXPECT_EQ(responses[0].status, 103);
  EXPECT_EQ(responses[1].status, 200);
}

TEST(status, no_interim_to_http10) {
  auto const responses = parse_responses(run_whole("GET /status/102 HTTP/1.0\r\n\r\n").output);
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].status, 200);
}

TEST(stream, chunked_to_http11) {
  response const r = only_response("GET /stream/3 HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(r.field("Transfer-Encoding"), "chunked");
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.body, "line 0 of 3\nline 1 of 3\nline 2 of 3\n");
  EXPECT_EQ(only_response("GET /stream/0 HTTP/1.1\r\nHost: a\r\n\r\n").body, "");
  EXPECT_EQ(only_response("GET /stream/10001 HTTP/1.1\r\nHost: a\r\n\r\n").status, 400);
}

TEST(stream, never_transfer_encoding_to_http10) {
  for (std::string_view path : {"/stream/3", "/stream/10000", "/bytes/5", "/"}) {
    auto const out = run_whole("GET " + std::string(path) + " HTTP/1.0\r\n\r\n").output;
    EXPECT_EQ(out.find("Transfer-Encoding"), std::string::npos) << path;
  }
  response const r = only_response("GET /stream/3 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(r.field("Content-Length"), "36");
  EXPECT_EQ(r.body, "line 0 of 3\nline 1 of 3\nline 2 of 3\n");
  EXPECT_EQ(r.field("Connection"), "keep-alive");
}

TEST(headers, json_in_received_order_with_duplicates) {
  response const r = only_response(
      "GET /headers HTTP/1.1\r\nHost: a\r\nX-A: 1\r\nx-a: \"two\"\\\r\nX-B: caf\xc3\xa9\r\n\r\n");
  EXPECT_EQ(r.field("Content-Type"), "application/json");
  auto const doc = nlohmann::json::parse(r.body);
  auto pair = [](char const* name, char const* value) { return nlohmann::json::array({name, value}); };
  auto const expected =
      nlohmann::json::array({pair("Host", "a"), pair("X-A", "1"), pair("x-a", "\"two\"\\"), pair("X-B", "caf\xc3\xa9")});
  EXPECT_EQ(doc.at("headers"), expected);
}

TEST(routing, query_is_ignored_and_absolute_form_uses_its_path) {
  EXPECT_EQ(only_response("GET /status/202?x=1 HTTP/1.1\r\nHost: a\r\n\r\n").status, 202);
  EXPECT_EQ(only_response("GET https://b.example/status/203 HTTP/1.1\r\nHost: a\r\n\r\n").status, 203);
  EXPECT_EQ(only_response("GET /status HTTP/1.1\r\nHost: a\r\n\r\n").status, 404);
  EXPECT_EQ(only_response("GET /echo/x HTTP/1.1\r\nHost: a\r\n\r\n").status, 404);
}

}  // namespace
}  // namespace conform::reference::test
