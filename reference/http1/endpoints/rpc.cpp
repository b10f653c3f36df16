// "/rpc": Cap'n Web over HTTP batch (capnweb.md §2.2). The body is the client's messages
// joined by "\n" (empty = none); a fresh session serving the test interface takes them
// in order, and the response is every message it produced, joined the same way, with no
// trailing newline. Every local call completes at once, so when the last message has
// been taken every pulled export that can settle has settled; calls the session made
// to the client (which a batch cannot answer) are not waited for.
// WebSocket sessions on /rpc are reference/server/rpc_websocket.cpp.
#include <string>

#include "reference/http1/endpoints/endpoint.hpp"
#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"

namespace conform::reference::http1 {
namespace {

void respond_rpc(exchange& ex) {
  rpc::session s(rpc::make_test_target());
  std::string_view body = ex.req.body();
  while (!body.empty() && !s.aborted()) {
    auto const end = body.find('\n');
    s.receive(body.substr(0, end));
    body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
  }
  // A trailing "\n" leaves one empty message, which is a JSON error, as in capnweb.
  if (!ex.req.body().empty() && ex.req.body().back() == '\n') s.receive("");
  auto out = s.take_output();
  if (s.aborted()) {
    // capnweb's batch helper throws on abort and Node's documented wrapper answers 500.
    return respond_text(ex.out, 500, "server error: " + s.abort_reason());
  }
  std::string joined;
  for (auto const& m : out) {
    if (!joined.empty()) joined += '\n';
    joined += m;
  }
  ex.out.start(200);
  ex.out.field("Content-Type", "text/plain;charset=UTF-8");
  ex.out.finish(joined);
}

}  // namespace

resource const rpc_resource{"/rpc", {method::post}, true, respond_rpc};

}  // namespace conform::reference::http1
