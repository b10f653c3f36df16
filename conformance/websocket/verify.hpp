// The shared judgements of the WebSocket suite. A case describes its stimulus (the
// frames, how they are written) and what a compliant server does in reply; `run`
// sends it over a fresh connection and judges behaviour and close apart, as
// Autobahn|Testsuite does: the behaviour is the case's verdict, the close is the
// case's close report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/case.hpp"
#include "harness/engine/context.hpp"
#include "harness/websocket/client.hpp"

namespace conform::websocket {

using ws::event;
using ws::frame_spec;

struct script {
  std::vector<frame_spec> frames = {};
  ws::chop how = ws::whole;
  // What the target must send in reply, in order, before the close.
  std::vector<event> expect = {};
  enum class ending {
    echo,  // then we close with 1000: a clean close answered with 1000 (or our code)
    fail,  // the target must fail the connection: close 1002/1007/… or drop TCP
    any,   // INFORMATIONAL: the spec leaves it open; the close is reported, not judged
  };
  ending then = ending::echo;
  std::vector<int> codes = {1000};  // close codes the target may send
  // Acceptable but less strict replies (Autobahn's NON-STRICT): WARN.
  std::vector<std::vector<event>> lenient = {};
  // A close frame we send ourselves inside `frames` (7.x cases): the close is then ours.
  bool harness_closes = false;
};

// Sends `s` on a fresh connection and judges the reply and the close.
outcome run(context& cx, script const& s);

// Judges what `c` has already observed (`seen`: every event since the stimulus).
outcome judge(ws::client& c, script const& s, std::vector<event> const& seen);

// Opens a connection for a case; the error outcome when the handshake fails.
std::optional<outcome> open_or_error(ws::client& c, ws::opening o = {});

// The case's parameters by the last segment of its id, from a table of rows that have
// a `name` member: many cases share one body.
template <class Row, std::size_t N>
Row const& row_for(context& cx, Row const (&rows)[N]) {
  auto const id = cx.current_case().id;
  auto const name = id.substr(id.rfind('/') + 1);
  for (auto const& r : rows)
    if (r.name == name) return r;
  return rows[0];
}

// Deterministic payloads: `n` octets of printable ASCII, and binary octets.
std::string text_payload(std::size_t n);
std::string binary_payload(std::size_t n);

}  // namespace conform::websocket
