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

}  // namespace conform::cli
