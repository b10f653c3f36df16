// "/echo": any method; the response body is the request body, with the request's
// Content-Type (application/octet-stream when it had none).
#include "reference/http1/endpoints/endpoint.hpp"

namespace conform::reference::http1 {
namespace {

void respond_echo(exchange& ex) {
  ex.out.start(200);
  ex.out.field("Content-Type", ex.req.find("Content-Type").value_or("application/octet-stream"));
  ex.out.finish(ex.req.body());
}

}  // namespace

// TRACE is left out: its response is defined as the request message itself
// (RFC 9110 §9.3.8), which this endpoint does not produce.
resource const echo_resource{"/echo",
                             {method::get, method::head, method::post, method::put, method::delete_,
                              method::options, method::patch},
                             true,
                             respond_echo};

}  // namespace conform::reference::http1
