// "/status/{code}": a response with that status. 200..599 directly; 1xx other than 101
// as an interim response followed by a final 200; anything else is a 400 that says why.
#include <string>

#include "reference/http1/endpoints/endpoint.hpp"
#include "reference/http1/status_text.hpp"

namespace conform::reference::http1 {
namespace {

void respond_status(exchange& ex) {
  std::uint64_t code = 0;
  if (!parse_decimal(ex.param, code) || code < 100 || code > 599 || code == 101) {
    respond_text(ex.out, 400,
                 "400 Bad Request: /status/{code} takes 100..599 except 101 "
                 "(a switch of protocols needs an Upgrade)\n");
    return;
  }
  auto const status = static_cast<int>(code);
  if (status < 200) {
    // RFC 9110 §15.2: never send a 1xx to an HTTP/1.0 client; it gets the 200 alone.
    if (ex.req.version() == 11) ex.out.interim(status);
    respond_text(ex.out, 200, "200 OK after an interim response\n");
    return;
  }
  std::string body = std::to_string(status);
  body += ' ';
  body += reason_phrase(status);
  body += '\n';
  // 205 Reset Content: "a server MUST NOT generate content" (RFC 9110 §15.3.6).
  respond_text(ex.out, status, status == 205 ? std::string_view{} : std::string_view{body});
}

}  // namespace

resource const status_resource{"/status/{code}",
                               {method::get, method::head, method::post, method::put,
                                method::delete_, method::options, method::patch},
                               false,
                               respond_status};

}  // namespace conform::reference::http1
