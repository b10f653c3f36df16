// What an endpoint of the target profile is: the methods it allows and a function
// that writes its response. Each endpoint lives in a file of its own beside this one.
#pragma once

#include <string_view>

#include "reference/http1/method.hpp"
#include "reference/http1/request.hpp"
#include "reference/http1/response_writer.hpp"

namespace conform::reference::http1 {

// One request being answered.
struct exchange {
  request const& req;
  std::string_view param;  // the path after the route's prefix: "200" in /status/200
  response_writer& out;
};

struct resource {
  std::string_view name;  // the route, for logs: "/bytes/{n}"
  method_set allowed;     // OPTIONS answers with these; other methods get 405
  bool keeps_body;        // false: the request body is read and dropped
  void (*respond)(exchange& ex);
};

// A short text/plain response: errors and small informative bodies.
void respond_text(response_writer& out, int status, std::string_view body);

// The parameter of /status/{n}, /bytes/{n} or /stream/{n}: 1 to 20 digits, no sign.
bool parse_decimal(std::string_view text, std::uint64_t& value);

// The endpoints, defined in their own files.
extern resource const root_resource;     // /
extern resource const echo_resource;     // /echo
extern resource const status_resource;   // /status/{code}
extern resource const bytes_resource;    // /bytes/{n}
extern resource const stream_resource;   // /stream/{n}
extern resource const headers_resource;  // /headers
extern resource const rpc_resource;      // /rpc (Cap'n Web HTTP batch)

}  // namespace conform::reference::http1
