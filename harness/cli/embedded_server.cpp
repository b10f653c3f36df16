#include "harness/cli/embedded_server.hpp"

#include "reference/server/server.hpp"

namespace conform::cli {

embedded_server::embedded_server() {
  reference::server_options options;
  options.threads = 2;
  server_ = std::make_unique<reference::server>(options);
  server_->start();
}

embedded_server::~embedded_server() { server_->stop(); }

std::string embedded_server::url() const { return server_->url(0); }

std::string embedded_url_for(embedded_server const& server, std::string_view suite) {
  auto url = server.url();  // http://127.0.0.1:PORT/
  if (suite == "ws" || suite == "rpc") url = "ws" + url.substr(4) + std::string(suite);
  return url;
}

}  // namespace conform::cli
