// Finds whether the target speaks WebSocket on its endpoint, and whether it negotiates
// permessage-deflate, so that a target without them gets SKIP with the reason.
#include "conformance/websocket/suite.hpp"
#include "harness/engine/context.hpp"
#include "harness/websocket/client.hpp"

namespace conform::websocket {

probe_report probe(context& cx) {
  probe_report report;
  auto const& t = cx.target_info();
  auto const where = "GET " + (t.scheme.starts_with("ws") ? t.path : std::string("/ws")) + " with Upgrade: websocket";
  {
    ws::client c(cx);
    auto const why = c.open({});
    if (why.empty()) {
      report.found.add(capability::websocket);
      report.notes.push_back("websocket: " + where + " answered 101 Switching Protocols");
      c.close_normally();
    } else {
      report.notes.push_back("websocket: " + where + " did not open a WebSocket: " + why);
      return report;
    }
  }
  ws::client c(cx);
  ws::opening o;
  o.extensions = "permessage-deflate; client_max_window_bits";
  auto const why = c.open(o);
  if (why.empty() && c.deflate()) {
    report.found.add(capability::deflate);
    report.notes.push_back("deflate: permessage-deflate was negotiated");
  } else {
    report.notes.push_back("deflate: permessage-deflate was not negotiated" + (why.empty() ? "" : " (" + why + ")"));
  }
  if (why.empty()) c.close_normally();
  return report;
}

}  // namespace conform::websocket
