// Which resource answers a request, decided as soon as its header is complete so a
// request that will be refused (404, 405) can be answered before its body is read.
#pragma once

#include <string_view>

#include "reference/http1/endpoints/endpoint.hpp"
#include "reference/http1/request.hpp"
#include "reference/http1/response_writer.hpp"

namespace conform::reference::http1 {

struct route_decision {
  enum class kind {
    serve,               // the resource answers
    options,             // 204 with Allow (RFC 9110 §9.3.7)
    not_found,           // 404
    method_not_allowed,  // 405 with Allow (RFC 9110 §15.5.6)
  };
  kind what = kind::not_found;
  resource const* target = nullptr;
  std::string_view param;
  method_set allow;

  // Refused whatever the body says: answer early rather than wait for the body.
  bool refuses() const { return what == kind::not_found || what == kind::method_not_allowed; }
  bool keeps_body() const { return what == kind::serve && target->keeps_body; }
};

route_decision route(request const& req);

// Writes the response `decision` calls for.
void answer(route_decision const& decision, request const& req, response_writer& out);

}  // namespace conform::reference::http1
