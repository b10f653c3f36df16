// Serializes one response straight into the connection's output buffer: no message
// object, no Beast serializer. It applies the rules every response follows:
//   - Date (supplied by the caller) and Server on every final response;
//   - Content-Length except on 1xx, 204 and 304 and chunked bodies (RFC 9110 §8.6);
//   - no body on HEAD, 1xx, 204 and 304, but HEAD keeps GET's fields (RFC 9110 §9.3.2);
//   - never Transfer-Encoding to an HTTP/1.0 client (RFC 9112 §6.1);
//   - "Connection: close" whenever the connection will close after this response, and
//     "Connection: keep-alive" to an HTTP/1.0 client whose connection stays open.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "reference/http1/body_producer.hpp"

namespace conform::reference::http1 {

// What the writer needs to know about the request being answered.
struct response_context {
  int version = 11;        // the request's HTTP version: 10 or 11
  bool head = false;       // a HEAD request: same fields as GET, no body
  bool keep_alive = true;  // false: the connection closes after this response
  std::string_view date;   // IMF-fixdate of now
};

class response_writer {
 public:
  response_writer(std::string& out, response_context& context) : out_(out), context_(context) {}

  // 1xx interim response (never to HTTP/1.0: RFC 9110 §15.2).
  void interim(int status);

  // Status line, Date and Server; then field()s; then exactly one finish_*().
  void start(int status);
  void field(std::string_view name, std::string_view value);
  void field(std::string_view name, std::uint64_t value);

  // A body in hand.
  void finish(std::string_view body);
  // A body of `length` bytes that `producer` writes later.
  void finish_sized(std::uint64_t length, std::unique_ptr<body_producer> producer);
  // A chunked body (HTTP/1.1 only; the producer writes the chunk framing).
  void finish_chunked(std::unique_ptr<body_producer> producer);

  int status() const { return status_; }
  response_context const& context() const { return context_; }
  // The producer of the body still to write, if any (none for HEAD, 204, 304).
  std::unique_ptr<body_producer> take_producer() { return std::move(producer_); }

 private:
  bool body_allowed() const;
  void end_fields();

  std::string& out_;
  response_context& context_;
  int status_ = 0;
  std::unique_ptr<body_producer> producer_;
};

}  // namespace conform::reference::http1
