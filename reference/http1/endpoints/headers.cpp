// "/headers": the request's header fields as JSON, in received order with duplicates:
// {"headers": [["Host", "example.com"], ["X-A", "1"], ...]}
#include <nlohmann/json.hpp>

#include "reference/http1/endpoints/endpoint.hpp"

namespace conform::reference::http1 {
namespace {

void respond_headers(exchange& ex) {
  auto fields = nlohmann::json::array();
  for (std::size_t i = 0; i < ex.req.field_count(); ++i) {
    fields.push_back({ex.req.field_name(i), ex.req.field_value(i)});
  }
  nlohmann::json const doc{{"headers", std::move(fields)}};
  // Field values may hold obs-text, which is not UTF-8: replace rather than throw.
  std::string const body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  ex.out.start(200);
  ex.out.field("Content-Type", "application/json");
  ex.out.finish(body);
}

}  // namespace

resource const headers_resource{"/headers", {method::get, method::head, method::options}, false,
                                respond_headers};

}  // namespace conform::reference::http1
