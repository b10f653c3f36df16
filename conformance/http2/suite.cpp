#include "conformance/http2/suite.hpp"

#include "conformance/http2/verify.hpp"
#include "harness/engine/target.hpp"

namespace conform::http2 {

suite make_suite() {
  return {
      .name = "http2",
      .description = "HTTP/2 framing, streams, flow control and message rules (RFC 9113)",
      .tables =
          {
              preface_cases(),
              frame_cases(),
              stream_state_cases(),
              error_handling_cases(),
              data_headers_cases(),
              settings_cases(),
              ping_goaway_window_cases(),
              continuation_cases(),
              message_cases(),
              stream_id_and_closed_cases(),
              goaway_cases(),
              field_validity_cases(),
              request_form_cases(),
              abuse_cases(),
              extended_connect_cases(),
              response_field_cases(),
              sender_rule_cases(),
          },
      .applies_to = [](target const& t) { return t.scheme == "http" || t.scheme == "https"; },
      .probe = probe,
  };
}

// One handshake and one GET /: a target that answers the preface in HTTP/1 (or refuses
// ALPN h2) gets every case SKIPped with those words instead of a wall of failures.
probe_report probe(context& cx) {
  probe_report report;
  h2::client c(cx);
  auto const failure = c.handshake();
  if (!failure.empty()) {
    report.notes.push_back("h2: " + failure);
    return report;
  }
  c.send(c.get(1));
  auto const e = c.wait_for([](h2::frame const& f) { return f.type == h2::frame_type::headers && f.stream_id == 1; });
  if (!e.is_frame(h2::frame_type::headers)) {
    report.notes.push_back("h2: the handshake completed but GET / got " + h2::describe(e));
    return report;
  }
  report.found.add(capability::h2);
  report.notes.push_back("h2: handshake and GET / answered over " +
                         std::string(cx.target_info().tls ? "TLS with ALPN h2" : "cleartext by prior knowledge"));
  return report;
}

}  // namespace conform::http2
