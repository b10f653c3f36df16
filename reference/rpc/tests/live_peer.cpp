#include "reference/rpc/tests/live_peer.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <optional>

namespace conform::reference::rpc::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

class websocket_peer final : public message_peer {
 public:
  websocket_peer(std::uint16_t port, std::string const& path) {
    beast::tcp_stream& s = ws_.next_layer();
    s.expires_after(5s);
    s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    s.expires_never();
    ws_.handshake("127.0.0.1", path);
  }

  void send(std::string const& text) override { write(text, true); }
  void send_binary(std::string const& text) override { write(text, false); }

  std::vector<json> collect(std::function<bool(std::vector<json> const&)> const& enough,
                            int wait_ms) override {
    std::vector<json> got;
    auto const limit = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    while (!closed_ && !enough(got)) {
      auto const now = std::chrono::steady_clock::now();
      if (now >= limit) break;
      if (!reading_) start_read();
      io_.restart();
      io_.run_for(limit - now);
      while (!arrived_.empty()) {
        got.push_back(std::move(arrived_.front()));
        arrived_.erase(arrived_.begin());
      }
    }
    if (closed_) got.push_back(json::array({"$closed", close_code_}));
    return got;
  }

 private:
  void write(std::string const& text, bool as_text) {
    if (closed_) return;
    ws_.text(as_text);
    beast::error_code ec;
    ws_.write(asio::buffer(text), ec);
  }

  void start_read() {
    reading_ = true;
    ws_.async_read(buffer_, [this](beast::error_code ec, std::size_t) {
      reading_ = false;
      if (ec) {
        closed_ = true;
        close_code_ = ws_.reason().code;
        return;
      }
      auto text = beast::buffers_to_string(buffer_.data());
      buffer_.consume(buffer_.size());
      arrived_.push_back(json::parse(text, nullptr, false));
    });
  }

  asio::io_context io_;
  websocket::stream<beast::tcp_stream> ws_{io_};
  beast::flat_buffer buffer_;
  std::vector<json> arrived_;
  bool reading_ = false;
  bool closed_ = false;
  int close_code_ = 0;
};

}  // namespace

std::unique_ptr<message_peer> connect_websocket(std::uint16_t port, std::string const& path) {
  return std::make_unique<websocket_peer>(port, path);
}

http_reply http_batch(std::uint16_t port, std::string const& method, std::string const& body,
                      std::string const& path) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(5s);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req{method == "GET" ? http::verb::get : http::verb::post, path, 11};
  req.set(http::field::host, "127.0.0.1");
  req.body() = body;
  req.prepare_payload();
  stream.expires_after(5s);
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  stream.expires_after(5s);
  http::read(stream, buffer, res);
  return {res.result_int(), res.body()};
}

std::vector<std::string> run_session_vectors(std::uint16_t port, std::string const& transport,
                                             std::size_t* run) {
  std::vector<std::string> problems;
  auto doc = load_vectors("sessions.json");
  std::size_t count = 0;
  for (auto const& v : doc["vectors"]) {
    bool applies = false;
    for (auto const& t : v["transports"]) applies = applies || t == transport;
    if (!applies) continue;
    ++count;
    std::string problem;
    try {
      if (transport == "websocket") {
        auto peer = connect_websocket(port);
        problem = run_on_peer(v, *peer);
      } else {
        problem = run_as_batch(v, [port](std::string const& m, std::string const& b) {
          return http_batch(port, m, b);
        });
      }
    } catch (std::exception const& e) {
      problem = std::string("exception: ") + e.what();
    }
    if (!problem.empty()) problems.push_back(v["id"].get<std::string>() + ": " + problem);
  }
  if (run) *run = count;
  return problems;
}

}  // namespace conform::reference::rpc::testing
