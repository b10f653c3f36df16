#include "conformance/websocket/verify.hpp"

#include <algorithm>

namespace conform::websocket {
namespace {

using ws::event;

std::vector<event> replies(std::vector<event> const& seen) {
  std::vector<event> out;
  for (auto const& e : seen)
    if (e.what != event::kind::close) out.push_back(e);
  return out;
}

std::string codes_text(std::vector<int> const& codes) {
  std::string s;
  for (auto c : codes) s += (s.empty() ? "" : " or ") + std::to_string(c);
  return s;
}

std::string ending_text(ws::client const& c) {
  switch (c.connection_end()) {
    case ws::ending::open: return "the connection still open";
    case ws::ending::closed: return "the TCP connection closed";
    case ws::ending::reset: return "the TCP connection reset";
    case ws::ending::failed: return "the connection failed";
  }
  return "?";
}

std::string close_text(ws::client const& c) {
  std::string s = c.target_sent_close() ? "its close frame" : "no close frame";
  if (auto code = c.target_close_code()) s += " (" + std::to_string(*code) + ")";
  return s + ", then " + ending_text(c);
}

outcome with_close(outcome o, close_report r) {
  o.close = std::move(r);
  return o;
}

// Codes that say the sender failed the connection (RFC 6455 §7.4.1).
bool is_error_code(int code) { return code == 1002 || code == 1003 || (code >= 1007 && code <= 1011); }

// The target replied as it should; now the close decides. An unexpected code is only
// a WARN (RFC 6455 leaves the exact code open) unless it turns the meaning around: a
// normal close where the connection had to fail, or a failure after a valid close.
outcome judge_close(ws::client& c, script const& s, close_report const& r) {
  if (r.verdict == close_report::grade::ok) return pass();
  if (r.verdict == close_report::grade::wrong_code) {
    auto const got = "close code " + std::to_string(r.received.value_or(0));
    if (s.then == script::ending::fail && !is_error_code(*r.received))
      return violation("the connection failed (close " + codes_text(r.expected) + ", or a dropped connection)",
                       got + ": the target closed normally, as if nothing were wrong");
    if (s.then == script::ending::echo && is_error_code(*r.received))
      return violation("a normal close (code " + codes_text(r.expected) + ")", got + ": the target failed the connection");
    return warn("close code " + codes_text(r.expected), got);
  }
  if (s.then == script::ending::fail) return violation("the connection failed", close_text(c) + ": " + r.reason);
  return violation("a close frame answering ours, then the TCP connection closed by the target",
                   close_text(c) + ": " + r.reason);
}

}  // namespace

std::string text_payload(std::size_t n) {
  static constexpr std::string_view alphabet = "Hello, conform! The quick brown fox jumps over the lazy dog. ";
  std::string s(n, ' ');
  for (std::size_t i = 0; i < n; ++i) s[i] = alphabet[i % alphabet.size()];
  return s;
}

std::string binary_payload(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 7 + 0xfe) & 0xff);
  return s;
}

std::optional<outcome> open_or_error(ws::client& c, ws::opening o) {
  auto const why = c.open(std::move(o));
  if (why.empty()) return std::nullopt;
  return error("the opening handshake did not complete: " + why);
}

outcome judge(ws::client& c, script const& s, std::vector<event> const& seen) {
  auto const got = replies(seen);
  auto const problem = std::find_if(got.begin(), got.end(), [](event const& e) { return e.what == event::kind::problem; });
  bool const ours = s.then == script::ending::echo || s.harness_closes;
  auto codes = s.codes;
  auto const r = c.grade_close(codes, s.then == script::ending::echo,
                               ours ? close_report::side::harness : close_report::side::target);
  if (problem != got.end()) return with_close(fail("frames that follow RFC 6455", ws::describe(*problem)), r);
  if (c.connection_end() == ws::ending::open && s.then == script::ending::any)
    return with_close(fail("the connection closed after the closing handshake (RFC 6455 §7.1.1)",
                           ws::describe(got) + ", and " + ending_text(c) + " when the case timed out"),
                      r);
  if (c.connection_end() == ws::ending::open)
    return with_close(violation(s.then == script::ending::fail ? "the connection failed" : "the connection closed",
                                ws::describe(got) + ", and " + ending_text(c) + " when the case timed out"),
                      r);
  if (s.then == script::ending::any)
    return with_close(info("the target sent " + ws::describe(got) + ", then " + close_text(c)), r);
  if (got == s.expect) return with_close(judge_close(c, s, r), r);
  for (auto const& l : s.lenient)
    if (got == l)
      return with_close(warn(ws::describe(s.expect) + " before the connection ended",
                             ws::describe(got) + ", then " + close_text(c)),
                        r);
  return with_close(violation(ws::describe(s.expect) + (s.then == script::ending::fail ? ", then the connection failed" : ""),
                              ws::describe(got) + ", then " + close_text(c)),
                    r);
}

outcome run(context& cx, script const& s) {
  ws::client c(cx);
  if (auto e = open_or_error(c)) return *e;
  c.send_frames(s.frames, s.how);  // a target may fail the connection mid-write: observe anyway
  std::vector<event> seen;
  if (s.then == script::ending::echo && !s.harness_closes) {
    seen = c.collect(s.expect.size());
    auto rest = c.close_normally();
    seen.insert(seen.end(), rest.begin(), rest.end());
  } else {
    seen = c.until_closed();
  }
  return judge(c, s, seen);
}

}  // namespace conform::websocket
