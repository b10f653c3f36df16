#include "reference/http1/router.hpp"

#include <array>

namespace conform::reference::http1 {
namespace {

struct route_entry {
  std::string_view path;
  bool is_prefix;  // "/bytes/" matches "/bytes/{n}"
  resource const* target;
};

// The target profile (docs/architecture.md): exact paths first, then prefixes.
std::array<route_entry, 7> const routes{{
    {"/", false, &root_resource},
    {"/echo", false, &echo_resource},
    {"/headers", false, &headers_resource},
    {"/rpc", false, &rpc_resource},
    {"/status/", true, &status_resource},
    {"/bytes/", true, &bytes_resource},
    {"/stream/", true, &stream_resource},
}};

// Everything some resource allows: the Allow of "OPTIONS *" and of CONNECT's 405.
constexpr method_set server_methods{method::get,     method::head,  method::post, method::put,
                                    method::delete_, method::options, method::patch};

}  // namespace

route_decision route(request const& req) {
  route_decision d;
  if (req.verb() == method::connect) {
    d.what = route_decision::kind::method_not_allowed;  // we are not a proxy
    d.allow = server_methods;
    return d;
  }
  if (req.verb() == method::options && req.target() == "*") {
    d.what = route_decision::kind::options;
    d.allow = server_methods;
    return d;
  }
  std::string_view const path = req.path().empty() ? "/" : req.path();
  for (auto const& r : routes) {
    bool const hit = r.is_prefix ? path.substr(0, r.path.size()) == r.path : path == r.path;
    if (!hit) continue;
    d.target = r.target;
    d.param = r.is_prefix ? path.substr(r.path.size()) : std::string_view{};
    d.allow = r.target->allowed;
    if (req.verb() == method::options) {
      d.what = route_decision::kind::options;
    } else if (!d.allow.contains(req.verb())) {
      d.what = route_decision::kind::method_not_allowed;
    } else {
      d.what = route_decision::kind::serve;
    }
    return d;
  }
  return d;
}

void answer(route_decision const& decision, request const& req, response_writer& out) {
  switch (decision.what) {
    case route_decision::kind::serve: {
      exchange ex{req, decision.param, out};
      decision.target->respond(ex);
      return;
    }
    case route_decision::kind::options:
      out.start(204);
      out.field("Allow", decision.allow.allow_value());
      out.finish({});
      return;
    case route_decision::kind::not_found:
      respond_text(out, 404, "404 Not Found: no resource at this path\n");
      return;
    case route_decision::kind::method_not_allowed:
      out.start(405);
      out.field("Allow", decision.allow.allow_value());
      out.field("Content-Type", "text/plain; charset=utf-8");
      out.finish("405 Method Not Allowed: see the Allow field\n");
      return;
  }
}

}  // namespace conform::reference::http1
