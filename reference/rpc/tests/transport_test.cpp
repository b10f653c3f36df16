// End to end over 127.0.0.1: Cap'n Web at /rpc of the reference server, as HTTP batch
// and as WebSocket, plus the WebSocket close-reason truncation.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <chrono>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "reference/server/rpc_websocket.hpp"
#include "reference/server/server.hpp"
#include "reference/rpc/tests/live_peer.hpp"

namespace conform::reference {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

// A read that finds nothing for 5 s fails instead of hanging the test.
void set_read_timeout(tcp::socket& socket) {
  timeval tv{5, 0};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

struct reply {
  unsigned status = 0;
  std::string body;
};

reply http_request(std::uint16_t port, http::verb verb, std::string body) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  set_read_timeout(socket);
  http::request<http::string_body> req{verb, "/rpc", 11};
  req.set(http::field::host, "127.0.0.1");
  req.body() = std::move(body);
  req.prepare_payload();
  http::write(socket, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(socket, buffer, res);
  return {res.result_int(), res.body()};
}

struct rpc_server : ::testing::Test {
  server s{server_options{}};
  std::uint16_t port = 0;
  void SetUp() override {
    s.start();
    port = s.ports().front();
  }
};

TEST_F(rpc_server, BatchAnswersInProductionOrder) {
  auto r = http_request(port, http::verb::post,
                        "[\"push\",[\"pipeline\",0,[\"square\"],[7]]]\n[\"pull\",1]\n"
                        "[\"push\",[\"pipeline\",0,[\"makeCounter\"],[100]]]\n"
                        "[\"push\",[\"pipeline\",2,[\"increment\"],[1]]]\n[\"pull\",3]");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "[\"resolve\",1,49]\n[\"resolve\",3,101]");
}

TEST_F(rpc_server, BatchFramingEdges) {
  EXPECT_EQ(http_request(port, http::verb::post, "").status, 200u);
  EXPECT_EQ(http_request(port, http::verb::post, "").body, "");
  EXPECT_EQ(http_request(port, http::verb::get, "").status, 405u);
  auto trailing = http_request(port, http::verb::post, "[\"push\",[\"pipeline\",0,[\"square\"],[2]]]\n[\"pull\",1]\n");
  EXPECT_EQ(trailing.status, 500u);
  EXPECT_EQ(trailing.body, "server error: Unexpected end of JSON input");
  auto crlf = http_request(port, http::verb::post, "[\"push\",[\"pipeline\",0,[\"square\"],[2]]]\r\n[\"pull\",1]");
  EXPECT_EQ(crlf.body, "[\"resolve\",1,4]");
  auto bad = http_request(port, http::verb::post, "[\"pull\",5]");
  EXPECT_EQ(bad.status, 500u);
  EXPECT_EQ(bad.body, "server error: no such export ID: 5");
}

TEST_F(rpc_server, HttpStillServedBesideRpc) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  set_read_timeout(socket);
  http::request<http::string_body> req{http::verb::get, "/rpcx", 11};
  req.set(http::field::host, "127.0.0.1");
  http::write(socket, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(socket, buffer, res);
  EXPECT_EQ(res.result_int(), 404u);
}

struct ws_client {
  asio::io_context io;
  websocket::stream<tcp::socket> ws{io};
  explicit ws_client(std::uint16_t port) {
    ws.next_layer().connect({asio::ip::make_address("127.0.0.1"), port});
    set_read_timeout(ws.next_layer());
    ws.handshake("127.0.0.1", "/rpc");
  }
  void send(std::string const& m) {
    ws.text(true);
    ws.write(asio::buffer(m));
  }
  std::string receive() {
    beast::flat_buffer b;
    ws.read(b);
    return beast::buffers_to_string(b.data());
  }
};

TEST_F(rpc_server, WebSocketSessionWithCallback) {
  ws_client c(port);
  c.send(R"(["push",["pipeline",0,["square"],[5]]])");
  c.send(R"(["pull",1])");
  EXPECT_EQ(c.receive(), R"(["resolve",1,25])");
  c.send(R"(["release",1,1])");
  c.send(R"(["push",["pipeline",0,["callFunction"],[["export",-1],21]]])");
  c.send(R"(["pull",2])");
  EXPECT_EQ(c.receive(), R"(["push",["pipeline",-1,[],[21]]])");
  EXPECT_EQ(c.receive(), R"(["pull",1])");
  EXPECT_EQ(c.receive(), R"(["release",-1,1])");
  c.send(R"(["resolve",1,42])");
  EXPECT_EQ(c.receive(), R"(["release",1,1])");
  EXPECT_EQ(c.receive(), R"(["resolve",2,{"result":42}])");
}

TEST_F(rpc_server, WebSocketAbortClosesWith3000) {
  ws_client c(port);
  c.send(R"(["release",99,1])");
  EXPECT_EQ(c.receive(), R"(["abort",["error","Error","no such export ID: 99"]])");
  beast::flat_buffer b;
  beast::error_code ec;
  c.ws.read(b, ec);
  EXPECT_EQ(ec, websocket::error::closed);
  EXPECT_EQ(c.ws.reason().code, 3000);
  EXPECT_EQ(std::string(c.ws.reason().reason.data(), c.ws.reason().reason.size()), "no such export ID: 99");
}

TEST_F(rpc_server, StopClosesOpenWebSocketSessions) {
  ws_client c(port);
  c.send(R"(["push",["pipeline",0,["square"],[3]]])");
  c.send(R"(["pull",1])");
  EXPECT_EQ(c.receive(), R"(["resolve",1,9])");
  auto const started = std::chrono::steady_clock::now();
  s.stop();  // must not wait for the client to leave
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(rpc_close_reason, TruncatedOnACodePointBoundary) {
  EXPECT_EQ(close_reason("short"), "short");
  std::string const long_ascii(200, 'a');
  EXPECT_EQ(close_reason(long_ascii).size(), 123u);
  std::string euro;
  for (int i = 0; i < 60; ++i) euro += "\xE2\x82\xAC";  // 3 bytes each
  EXPECT_EQ(close_reason(euro).size(), 123u);
  std::string const mixed = "a" + euro;  // a cut at 123 would split a code point
  EXPECT_EQ(close_reason(mixed).size(), 121u);
}

TEST(rpc_prefix_check, ClassifiesFirstBytes) {
  EXPECT_EQ(classify_rpc_prefix("GET /rpc HTTP/1.1"), rpc_prefix::yes);
  EXPECT_EQ(classify_rpc_prefix("GET /rpc?x HTTP/1.1"), rpc_prefix::yes);
  EXPECT_EQ(classify_rpc_prefix("GET /rp"), rpc_prefix::undecided);
  EXPECT_EQ(classify_rpc_prefix("GET /rpcx"), rpc_prefix::no);
  EXPECT_EQ(classify_rpc_prefix("POST /rpc"), rpc_prefix::no);
}

}  // namespace
}  // namespace conform::reference

namespace conform::reference {
namespace {

// Every session vector over the wire, both transports (vectors_test.cpp runs them on
// the sans-I/O session).
TEST_F(rpc_server, SessionVectorsOverHttpBatch) {
  std::size_t run = 0;
  auto problems = rpc::testing::run_session_vectors(port, "batch", &run);
  EXPECT_GE(run, 50u);
  for (auto const& p : problems) ADD_FAILURE() << p;
}

TEST_F(rpc_server, SessionVectorsOverWebSocket) {
  std::size_t run = 0;
  auto problems = rpc::testing::run_session_vectors(port, "websocket", &run);
  EXPECT_GE(run, 60u);
  for (auto const& p : problems) ADD_FAILURE() << p;
}

}  // namespace
}  // namespace conform::reference
