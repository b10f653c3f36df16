// The reference HTTP/1.1 server: the public API. No Asio here, so the CLI and the
// tests can include it cheaply; the transport lives in server.cpp and session.cpp.
//
//   conform::reference::server s({});
//   s.start();                  // binds 127.0.0.1 on an ephemeral port
//   std::string url = s.url();  // "http://127.0.0.1:PORT/"
//   s.stop();                   // graceful: drains in-flight requests
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "reference/http1/limits.hpp"
#include "reference/websocket/limits.hpp"

namespace conform::reference {

struct listener_options {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0 = ephemeral
  bool tls = false;
};

struct server_options {
  std::vector<listener_options> listeners{{}};
  std::string tls_cert_file, tls_key_file;  // empty with a TLS listener: self-signed generated
  unsigned threads = 1;
  http1_limits limits;      // max_request_line, max_header_bytes, max_fields, max_body
  http1_timeouts timeouts;  // header, idle, body, write, drain
  websocket_limits websocket;  // /ws: max_message, permessage_deflate, timeouts
};

class server {
 public:
  explicit server(server_options options);
  ~server();  // stops and joins
  server(server const&) = delete;
  server& operator=(server const&) = delete;

  // Binds every listener and starts `threads` threads; throws std::runtime_error with
  // a clear message when a listener cannot bind or the TLS files cannot be loaded.
  void start();
  std::vector<std::uint16_t> ports() const;  // bound ports, listener order
  std::string url(std::size_t listener = 0) const;  // "http://127.0.0.1:PORT/" or "https://…"
  // PEM of the TLS certificate in use (the generated one when no files were given);
  // empty without a TLS listener.
  std::string const& certificate_pem() const;
  // Graceful: stop accepting, close idle connections, let in-flight requests finish
  // (their responses say "Connection: close"), force-close at the drain deadline, then
  // join the threads. Idempotent.
  void stop();
  // Blocks until SIGINT or SIGTERM (or stop() from another thread), then stop().
  void wait_for_signal();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace conform::reference
