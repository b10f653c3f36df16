// The session driver against scripted channels: sends are recorded, arrivals queued.
#include "harness/rpc/driver.hpp"

#include <deque>

#include <gtest/gtest.h>

namespace conform::rpc {
namespace {

json j(char const* text) { return json::parse(text); }

class fake_messages final : public message_channel {
 public:
  std::vector<std::string> sent;
  std::deque<arrival> queue;  // returned in order, then timeouts
  bool send_text(std::string const& text) override {
    sent.push_back(text);
    return true;
  }
  bool send_binary(std::string const& bytes) override {
    sent.push_back("binary:" + bytes);
    return true;
  }
  arrival next(clock::time_point) override {
    if (queue.empty()) return {};
    auto a = queue.front();
    queue.pop_front();
    return a;
  }
  void will_send(char const* message) { queue.push_back({.what = arrival::kind::message, .message = j(message)}); }
};

driver_settings fast() { return {.answer_wait = std::chrono::milliseconds(1), .quiet_wait = std::chrono::milliseconds(1)}; }

json const callback_vector = j(R"({"id":"v","transports":["websocket"],"steps":[
  {"send":[["push",["pipeline",0,["makeCounter"],[3]]],["pull",1]]},
  {"expect":[["resolve",1,{"$export":"c"}]]},
  {"send":[["push",["pipeline",{"$ref":"c"},["increment"],[]]],["pull",2],{"$raw":"[\"pull\", 2]"}]},
  {"expect":[["resolve",2,4]]}]})");

TEST(Driver, MessagesSubstituteBoundIdsAndSendRawText) {
  fake_messages peer;
  peer.will_send(R"(["resolve",1,["export",-1]])");
  peer.will_send(R"(["release",-1,1])");
  peer.will_send(R"(["resolve",2,4])");
  EXPECT_FALSE(run_messages(callback_vector, peer, fast()));
  ASSERT_EQ(peer.sent.size(), 5u);
  EXPECT_EQ(peer.sent[2], R"(["push",["pipeline",-1,["increment"],[]]])");
  EXPECT_EQ(peer.sent[4], R"(["pull", 2])");
}

TEST(Driver, MessagesReportWhatCameInstead) {
  fake_messages peer;
  peer.will_send(R"(["resolve",1,["export",-1]])");
  peer.will_send(R"(["resolve",2,5])");
  auto const miss = run_messages(callback_vector, peer, fast());
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->expected, R"(["resolve",2,4])");
  EXPECT_EQ(miss->got, R"([["resolve",2,5]])");
}

TEST(Driver, MessagesSilenceAndCloseAreDescribed) {
  fake_messages peer;
  auto miss = run_messages(callback_vector, peer, fast());
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->got, "no message");
  peer.queue.push_back({.what = arrival::kind::closed, .text = "close 1000"});
  miss = run_messages(callback_vector, peer, fast());
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->got, "no message, then the connection closed (close 1000)");
  peer.queue.push_back({.what = arrival::kind::not_json, .text = "hello"});
  miss = run_messages(callback_vector, peer, fast());
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->got, "no message, then a text message that is not JSON: hello");
}

json const abort_vector = j(R"({"id":"a","transports":["websocket","batch"],"steps":[
  {"send":[{"$raw":"[\"push\","}]},{"expect_abort":{"name":"SyntaxError"}}]})");

TEST(Driver, MessagesAbort) {
  fake_messages peer;
  peer.will_send(R"(["abort",["error","SyntaxError","Unexpected end of JSON input"]])");
  EXPECT_FALSE(run_messages(abort_vector, peer, fast()));
  peer.will_send(R"(["abort",["error","TypeError","x"]])");
  auto const miss = run_messages(abort_vector, peer, fast());
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->expected, R"(["abort",{"$error":"SyntaxError"}])");
  EXPECT_NE(miss->got.find("TypeError"), std::string::npos);
  EXPECT_TRUE(run_messages(abort_vector, peer, fast()));  // silence is no abort
}

json const quiet_vector = j(R"({"id":"q","transports":["websocket","batch"],"steps":[
  {"send":[["push",["pipeline",0,["square"],[3]]]]},{"expect_nothing":true}]})");

TEST(Driver, MessagesNothingAllowsReleasesOnly) {
  fake_messages peer;
  EXPECT_FALSE(run_messages(quiet_vector, peer, fast()));
  peer.will_send(R"(["release",-1,1])");
  EXPECT_FALSE(run_messages(quiet_vector, peer, fast()));
  peer.will_send(R"(["resolve",1,9])");
  EXPECT_TRUE(run_messages(quiet_vector, peer, fast()));
  peer.queue.push_back({.what = arrival::kind::closed, .text = "close 1000"});
  EXPECT_TRUE(run_messages(quiet_vector, peer, fast()));
}

TEST(Driver, MessagesFloodIsCapped) {
  fake_messages peer;
  for (int i = 0; i < 20; ++i) peer.will_send(R"(["release",-1,1])");
  auto s = fast();
  s.max_messages = 10;
  EXPECT_TRUE(run_messages(quiet_vector, peer, s));
}

class fake_batches final : public batch_channel {
 public:
  std::vector<std::pair<std::string, std::string>> posted;
  std::deque<batch_reply> replies;
  batch_reply post(std::string const& method, std::string const& body) override {
    posted.emplace_back(method, body);
    if (replies.empty()) return {.answered = false, .failure = "no response within 2 s"};
    auto r = replies.front();
    replies.pop_front();
    return r;
  }
};

TEST(Driver, BatchesJoinMessagesWithoutTrailingNewline) {
  json const v = j(R"({"steps":[{"send":[["push",["pipeline",0,["square"],[5]]]]},{"send":[["pull",1]]},
                    {"expect":[["resolve",1,25]]}]})");
  fake_batches peer;
  peer.replies.push_back({.answered = true, .status = 200, .body = R"(["resolve",1,25])"});
  EXPECT_FALSE(run_batches(v, peer, fast()));
  ASSERT_EQ(peer.posted.size(), 1u);
  EXPECT_EQ(peer.posted[0].second, "[\"push\",[\"pipeline\",0,[\"square\"],[5]]]\n[\"pull\",1]");
  peer.replies.push_back({.answered = true, .status = 500, .body = "server error"});
  auto const miss = run_batches(v, peer, fast());
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->got, "500 with the body \"server error\"");
  peer.replies.push_back({.answered = true, .status = 200, .body = "[\"resolve\",1,25]\nnot json"});
  EXPECT_TRUE(run_batches(v, peer, fast()));
  EXPECT_EQ(run_batches(v, peer, fast())->got, "no HTTP response (no response within 2 s)");
}

TEST(Driver, BatchesAbortIsAFailedBatchOrAnAbortLine) {
  fake_batches peer;
  peer.replies.push_back({.answered = true, .status = 500, .body = "x"});
  EXPECT_FALSE(run_batches(abort_vector, peer, fast()));
  EXPECT_EQ(peer.posted[0].second, "[\"push\",");
  peer.replies.push_back({.answered = true, .status = 200, .body = R"(["abort",["error","SyntaxError","x"]])"});
  EXPECT_FALSE(run_batches(abort_vector, peer, fast()));
  peer.replies.push_back({.answered = true, .status = 200, .body = ""});
  EXPECT_TRUE(run_batches(abort_vector, peer, fast()));
}

TEST(Driver, BatchesBodyStatusAndMethod) {
  json const v = j(R"({"steps":[{"batch_body":"a\n","batch_method":"GET"},{"expect_status_not":200},
                    {"batch_body":""},{"expect_status":200,"expect_body":""}]})");
  fake_batches peer;
  peer.replies.push_back({.answered = true, .status = 405});
  peer.replies.push_back({.answered = true, .status = 200});
  EXPECT_FALSE(run_batches(v, peer, fast()));
  ASSERT_EQ(peer.posted.size(), 2u);
  EXPECT_EQ(peer.posted[0], std::make_pair(std::string("GET"), std::string("a\n")));
  EXPECT_EQ(peer.posted[1], std::make_pair(std::string("POST"), std::string()));
  peer.replies.push_back({.answered = true, .status = 200});
  auto const miss = run_batches(v, peer, fast());
  ASSERT_TRUE(miss);
  EXPECT_EQ(miss->expected, "a status other than 200");
}

TEST(Driver, StepsOfTheOtherTransportAreRefused) {
  fake_messages m;
  EXPECT_THROW(run_messages(j(R"({"steps":[{"batch_body":""},{"expect_status":200}]})"), m, fast()), std::invalid_argument);
  fake_batches b;
  EXPECT_THROW(run_batches(j(R"({"steps":[{"send_binary":"x"},{"expect_nothing":true}]})"), b, fast()), std::invalid_argument);
}

}  // namespace
}  // namespace conform::rpc
