// Serves an HTTP/2 request with the same endpoints as HTTP/1.1 (DESIGN.md's target
// profile). The endpoints in reference/http1/endpoints/ write through HTTP/1.1's
// response_writer; their logic (routing, ranges, conditionals, bodies) is protocol-
// neutral, so this bridge runs them on an equivalent HTTP/1.1 request and turns what
// they wrote into HTTP/2 terms: status and lowercase fields without the connection-
// specific ones, and a body whose chunks (for /stream/{n}) become DATA frames.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "reference/hpack/header_field.hpp"
#include "reference/http1/body_producer.hpp"
#include "reference/http2/rfc9113_8_fields.hpp"

namespace conform::reference::http2 {

struct response_head {
  int status = 200;
  std::vector<hpack::header_field> fields;  // ":status" first
};

// The body still to send, in pieces.
class response_body {
 public:
  response_body() = default;
  response_body(std::string inline_body, std::unique_ptr<http1::body_producer> producer, bool chunked);

  // Appends up to about `budget` octets of body to `out` as separate pieces (each a
  // DATA frame's worth); true once nothing is left.
  bool next(std::vector<std::string>& pieces, std::size_t budget);
  bool empty() const { return inline_.empty() && !producer_; }

 private:
  std::string inline_;
  std::unique_ptr<http1::body_producer> producer_;
  bool chunked_ = false;
};

struct response {
  std::vector<response_head> interim;  // 1xx
  response_head head;
  response_body body;
};

// `date` is the IMF-fixdate of now.
response serve(request_head const& req, std::string const& body, std::string_view date);

// A response for a request the server refuses before any endpoint sees it.
response plain_response(int status, std::string_view text, std::string_view date);

}  // namespace conform::reference::http2
