// The driver's transports on a case's context: a WebSocket (the harness's own client,
// one text frame per message) and HTTP batch (the harness's HTTP/1.1 client, one POST
// per batch on a fresh connection). Both record every byte in the case's transcript.
#pragma once

#include <memory>
#include <string>

#include "harness/rpc/driver.hpp"

namespace conform {
class context;
}
namespace conform::ws {
class client;
}

namespace conform::rpc {

// The Cap'n Web endpoint of a target: the path its URL names, or /rpc when it names none.
std::string endpoint_path(context& cx);

class websocket_channel final : public message_channel {
 public:
  explicit websocket_channel(context& cx);
  ~websocket_channel() override;

  // Opens the WebSocket at endpoint_path(); empty on success, else why not.
  std::string open();
  bool send_text(std::string const& text) override;
  bool send_binary(std::string const& bytes) override;
  arrival next(clock::time_point deadline) override;
  // Our close 1000 and the rest of the close handshake (bounded by the read timeout).
  void close();

 private:
  context& cx_;
  std::unique_ptr<ws::client> client_;
  bool ended_ = false;
};

class http_batch_channel final : public batch_channel {
 public:
  explicit http_batch_channel(context& cx) : cx_(cx) {}
  batch_reply post(std::string const& method, std::string const& body) override;

 private:
  context& cx_;
};

}  // namespace conform::rpc
