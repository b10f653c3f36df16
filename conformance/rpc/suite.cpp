#include "conformance/rpc/suite.hpp"

#include "harness/engine/context.hpp"
#include "harness/engine/target.hpp"
#include "harness/rpc/channels.hpp"

namespace conform::rpc_suite {

std::string_view transport_of(target const& t) { return t.scheme.starts_with("ws") ? "websocket" : "batch"; }

probe_report probe(context& cx) {
  using rpc::json;
  probe_report report;
  auto const call = json::parse(R"({"steps":[{"send":[["push",["pipeline",0,["square"],[3]]],["pull",1]]},
                                              {"expect":[["resolve",1,9]]}]})");
  rpc::driver_settings s{.answer_wait = cx.read_timeout()};
  auto const where = std::string(transport_of(cx.target_info())) + " at " + rpc::endpoint_path(cx);
  std::optional<rpc::mismatch> miss;
  if (transport_of(cx.target_info()) == "websocket") {
    rpc::websocket_channel ws(cx);
    if (auto const why = ws.open(); !why.empty()) {
      report.notes.push_back("rpc: no WebSocket " + where + ": " + why);
      return report;
    }
    miss = rpc::run_messages(call, ws, s);
    ws.close();
  } else {
    rpc::http_batch_channel batch(cx);
    miss = rpc::run_batches(call, batch, s);
  }
  if (miss) {
    report.notes.push_back("rpc: square(3) over " + where + " was not answered: expected " + miss->expected + ", got " +
                           miss->got);
    return report;
  }
  report.found.add(capability::rpc);
  report.notes.push_back("rpc: square(3) over " + where + " was answered with 9");
  return report;
}

suite make_suite() {
  return {
      .name = "rpc",
      .description = "Cap'n Web RPC peers (capnweb 0.12): messages, IDs, calls, promises and pipelining, release, "
                     "remap, errors, abort and receiver limits over WebSocket and HTTP batch; every session vector "
                     "of conformance/vectors/rpc/sessions.json",
      .tables = session_tables(),
      // ws(s):// targets are played over WebSocket, http(s):// over HTTP batch.
      .applies_to = [](target const&) { return true; },
      .probe = probe,
  };
}

}  // namespace conform::rpc_suite
