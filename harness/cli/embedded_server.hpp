// The reference server started inside `conform run` when no --target is given, so the
// whole product works out of the box.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace conform::reference {
class server;
}

namespace conform::cli {

class embedded_server {
 public:
  embedded_server();  // listens on 127.0.0.1, an ephemeral port
  ~embedded_server();
  std::string url() const;

 private:
  std::unique_ptr<reference::server> server_;
};

// The embedded server's URL for a suite: its WebSocket endpoints for ws (ws://…/ws)
// and rpc (ws://…/rpc).
std::string embedded_url_for(embedded_server const& server, std::string_view suite);

}  // namespace conform::cli
