#include "conformance/fuzz/protocol.hpp"

#include "conformance/fuzz/h2_protocol.hpp"
#include "conformance/fuzz/http1_protocol.hpp"
#include "conformance/fuzz/rpc_protocol.hpp"
#include "conformance/fuzz/ws_protocol.hpp"

namespace conform::fuzz {

std::unique_ptr<protocol> make_protocol(std::string_view suite) {
  if (suite == "http1") return make_http1_protocol();
  if (suite == "ws") return make_ws_protocol();
  if (suite == "h2" || suite == "http2") return make_h2_protocol();
  if (suite == "rpc") return make_rpc_protocol();
  return nullptr;
}

observation::ending ending_of(net::io_status s) {
  if (s == net::io_status::eof) return observation::ending::closed;
  if (s == net::io_status::timeout) return observation::ending::open;
  return observation::ending::reset;
}

std::unique_ptr<net::connection> health_connection(target const& t, connector const& connect, connect_request const& r,
                                                   transcript& log, std::chrono::steady_clock::time_point until,
                                                   std::string& why) {
  try {
    return connect(t, r, log, until);
  } catch (std::exception const& e) {
    why = std::string("connection refused: ") + e.what();
    return nullptr;
  }
}

std::vector<std::string_view> fuzzable_suites() { return {"http1", "ws", "h2", "rpc"}; }

}  // namespace conform::fuzz
