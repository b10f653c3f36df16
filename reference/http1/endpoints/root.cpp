// "/": a small text body, the request every benchmark makes. Kept minimal on purpose.
#include "reference/http1/endpoints/endpoint.hpp"

namespace conform::reference::http1 {
namespace {

void respond_root(exchange& ex) { respond_text(ex.out, 200, "Hello from conform-reference\n"); }

}  // namespace

resource const root_resource{"/", {method::get, method::head, method::options}, false, respond_root};

}  // namespace conform::reference::http1
