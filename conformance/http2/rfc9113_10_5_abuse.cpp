// RFC 9113 §10.5 denial of service: bursts of cheap frames that cost the target work
// (rapid reset, CVE-2023-44487; SETTINGS, PING and empty DATA floods, CVE-2019-9512,
// -9515, -9518) and a header block that decompresses far beyond its size (HPACK bomb,
// RFC 7541 §7.3). None has one right answer; each has wrong ones.
//
// Flood verdict: after the burst the case sends one more PING.
//   PASS  its ACK arrives (the target absorbed the burst and is still answering), or
//         GOAWAY ENHANCE_YOUR_CALM (the code §10.5 names), or the connection closed —
//         in those two cases only when a new connection is still answered afterwards
//         (a crash also closes connections);
//   WARN  GOAWAY with another code (a defence, with a code that misleads the client);
//   SHOULD-violation (WARN)  no ACK, no GOAWAY, no close within the read timeout (the
//         target stalled), or no answer on a new connection (it went down).
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

constexpr int burst = 1000;  // twice the self-test model's limit, five times the reference's rapid-reset limit

// A new connection's handshake and PING: the target survived.
std::string still_serving(context& cx) {
  client fresh(cx);
  if (auto const failure = fresh.handshake(); !failure.empty()) return "a new connection failed: " + failure;
  auto const j = expect_ping_ack(fresh);
  return j.what == judgement::kind::as_required ? std::string() : "a PING on a new connection got " + j.got;
}

outcome calm_or_answering(context& cx, client& c, std::string_view what) {
  std::string const expected = "a PING answered, or GOAWAY with ENHANCE_YOUR_CALM, after " + std::string(what);
  c.send(ping("stillup!"));
  auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::ping && f.has(flag::ack) && f.payload == "stillup!"; },
                            [](frame const& f) { return f.type == frame_type::goaway; });
  if (e.is_frame(frame_type::ping)) return pass("the target answered PING after " + std::string(what));
  if (e.what == event::kind::timeout) return violation(expected, describe(e) + " (the target stalled)");
  if (e.what != event::kind::frame && !e.ended()) return violation(expected, describe(e));
  auto const got = describe(e);
  if (auto const down = still_serving(cx); !down.empty()) return violation(expected + ", and the target still serving", got + "; then " + down);
  if (e.ended()) return pass(got + "; a new connection is answered");
  if (e.received.goaway() && e.received.goaway()->code == error_code::enhance_your_calm) return pass(got);
  return warn(expected, got + " (RFC 9113 §10.5 names ENHANCE_YOUR_CALM)");
}

// CVE-2023-44487: HEADERS and RST_STREAM(CANCEL) at once, `burst` times, in one write.
outcome rapid_reset(context& cx) {
  return with_client(cx, [&cx](client& c) {
    frames f;
    std::string const block = c.request_block();
    for (std::uint32_t i = 0; i < burst; ++i) {
      f.push_back(headers(2 * i + 1, block));
      f.push_back(rst_stream(2 * i + 1, error_code::cancel));
    }
    c.send(f);
    return calm_or_answering(cx, c, std::to_string(burst) + " streams opened and reset at once");
  });
}

outcome settings_flood(context& cx) {
  return with_client(cx, [&cx](client& c) {
    c.send(frames(burst, settings({{setting::enable_push, 0}})));
    return calm_or_answering(cx, c, std::to_string(burst) + " SETTINGS frames");
  });
}

outcome ping_flood(context& cx) {
  return with_client(cx, [&cx](client& c) {
    c.send(frames(burst, ping("flooding")));
    return calm_or_answering(cx, c, std::to_string(burst) + " PING frames");
  });
}

// Empty DATA without END_STREAM moves nothing forward (CVE-2019-9518).
outcome empty_data_flood(context& cx) {
  return with_client(cx, [&cx](client& c) {
    frames f{headers(1, c.request_block("POST", "/"), false)};
    f.insert(f.end(), 2 * burst, data(1, ""));
    c.send(f);
    return calm_or_answering(cx, c, std::to_string(2 * burst) + " empty DATA frames");
  });
}

// One dynamic-table entry as large as the target's table allows, then 4096 one-octet
// references to it: about 16 MiB of header list from 8 KiB of HPACK. Refusing is
// right however it is done; answering means no limit was applied.
outcome hpack_bomb(context& cx) {
  return with_client(cx, [](client& c) {
    std::size_t const table = std::min<std::uint32_t>(c.peer_setting(setting::header_table_size, 4096), 4096);
    std::string_view const name = "x-bomb";
    if (table < 32 + name.size() + 1024) return skip("the target's HPACK table holds less than 1 KiB");
    std::size_t const value = table - 32 - name.size();
    hpack_block b;
    b.raw(c.request_block()).literal(literal_kind::incremental, name, std::string(value, 'b'));
    for (int i = 0; i < 4096; ++i) b.indexed(62);
    std::string const& block = b.bytes();
    frames f{headers(1, block.substr(0, 16384), true, block.size() <= 16384)};
    for (std::size_t at = 16384; at < block.size(); at += 16384)
      f.push_back(continuation(1, block.substr(at, 16384), at + 16384 >= block.size()));
    c.send(f);
    std::string const expected = "RST_STREAM on stream 1, a 4xx response, GOAWAY with COMPRESSION_ERROR or ENHANCE_YOUR_CALM, or a close";
    auto const e = c.wait_for([](frame const& fr) {
      return fr.type == frame_type::goaway || (fr.stream_id == 1 && (fr.type == frame_type::rst_stream || fr.type == frame_type::headers));
    });
    if (e.ended() || e.is_frame(frame_type::rst_stream)) return pass(describe(e));
    if (e.is_frame(frame_type::goaway)) {
      auto const code = e.received.goaway()->code;
      if (code == error_code::compression_error || code == error_code::enhance_your_calm) return pass(describe(e));
      return warn(expected, describe(e));
    }
    for (auto const& fl : e.fields)
      if (fl.name == ":status" && fl.value.starts_with('4')) return pass("a " + fl.value + " response");
    return violation(expected, describe(e) + " (a " + std::to_string(value * 4096 / 1024) + " KiB header list accepted)");
  });
}

case_def make(std::string_view id, std::string_view title, std::string_view req, case_body run,
              std::string_view section = "RFC 9113 §10.5") {
  return {.id = id, .section = section, .level = requirement_level::should, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

constexpr std::string_view limits_rule =
    "An endpoint that doesn't monitor use of these features exposes itself to a risk of denial of service. "
    "Implementations SHOULD track the use of these features and set limits on their use. An endpoint MAY treat "
    "activity that is suspicious as a connection error (Section 5.4.1) of type ENHANCE_YOUR_CALM.";

case_def const cases[] = {
    make("http2/abuse/rapid-reset", "A burst of streams opened and reset at once leaves the target answering (CVE-2023-44487)",
         limits_rule, rapid_reset),
    make("http2/abuse/settings-flood", "A flood of SETTINGS frames leaves the target answering (CVE-2019-9515)", limits_rule, settings_flood),
    make("http2/abuse/ping-flood", "A flood of PING frames leaves the target answering (CVE-2019-9512)", limits_rule, ping_flood),
    make("http2/abuse/empty-data-flood", "A flood of empty DATA frames leaves the target answering (CVE-2019-9518)", limits_rule,
         empty_data_flood),
    make("http2/abuse/hpack-bomb", "One table entry referenced thousands of times is refused, not expanded into a 16 MiB header list",
         "A server that receives a larger field block than it is willing to handle can send an HTTP 431 (Request Header Fields "
         "Too Large) status code. ... Implementations SHOULD track the use of these features and set limits on their use.",
         hpack_bomb, "RFC 9113 §10.5.1"),
};

}  // namespace

std::span<case_def const> abuse_cases() { return cases; }

}  // namespace conform::http2
