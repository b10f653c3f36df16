#include "conformance/fuzz/ws_open.hpp"

#include <random>

#include "harness/http1/response_reader.hpp"
#include "harness/websocket/handshake.hpp"

namespace conform::fuzz {

std::string open_websocket(net::connection& c, target const& t, std::chrono::steady_clock::time_point until) {
  std::mt19937_64 rng(0x5eed);
  ws::opening o;
  o.path = t.path;
  o.host = t.authority();
  o.key = ws::make_key(rng);
  if (c.write(ws::build_request(o).bytes(), until) != net::io_status::ok) return "could not send the opening request";
  h1::response_reader reader;
  while (reader.current() == h1::response_reader::state::need_more) {
    auto const r = c.read_some(until);
    if (r.status != net::io_status::ok) return "no answer to the opening request (" + std::string(net::to_string(r.status)) + ")";
    // A target sending frames right behind its 101, before being asked anything, is
    // not what a fuzzer judges: those bytes are dropped with the handshake.
    reader.feed(r.bytes);
  }
  if (reader.current() == h1::response_reader::state::failed) return "unreadable answer to the opening request: " + reader.error();
  auto const why = ws::check_response(reader.take(), *o.key);
  return why.empty() ? std::string{} : "the opening handshake failed: " + why;
}

}  // namespace conform::fuzz
