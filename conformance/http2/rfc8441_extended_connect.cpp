// RFC 8441 (WebSockets over HTTP/2): whether the target offers extended CONNECT, and
// if it does, that a CONNECT with :protocol is taken as a request, not as malformed.
// INFO: the extension is optional; the report says which way the target went.
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

outcome extended_connect(context& cx) {
  return with_client(cx, [](client& c) {
    if (c.peer_setting(setting::enable_connect_protocol, 0) != 1)
      return info("SETTINGS_ENABLE_CONNECT_PROTOCOL is not advertised: no WebSocket (or other protocol) over HTTP/2 streams");
    auto const& t = c.cx().target_info();
    field_list const f{{":method", "CONNECT"},
                       {":protocol", "websocket"},
                       {":scheme", t.tls ? "https" : "http"},
                       {":path", "/"},
                       {":authority", t.authority()},
                       {"sec-websocket-version", "13"}};
    c.send(headers(1, hpack_block().fields(f).bytes(), false));
    auto const e = c.wait_for([](frame const& fr) { return fr.type == frame_type::headers && fr.stream_id == 1; },
                              [](frame const& fr) { return fr.type == frame_type::goaway || fr.type == frame_type::rst_stream; });
    if (!e.is_frame(frame_type::headers))
      return violation("a response to the extended CONNECT the target advertised", describe(e));
    for (auto const& fl : e.fields)
      if (fl.name == ":status") return pass("SETTINGS_ENABLE_CONNECT_PROTOCOL = 1; extended CONNECT answered " + fl.value);
    return pass("SETTINGS_ENABLE_CONNECT_PROTOCOL = 1");
  });
}

case_def const cases[] = {
    {.id = "http2/extended-connect/advertised",
     .section = "RFC 8441 §3",
     .level = requirement_level::info,
     .title = "Extended CONNECT (SETTINGS_ENABLE_CONNECT_PROTOCOL) is offered and answered",
     .requirement = "Upon receipt of SETTINGS_ENABLE_CONNECT_PROTOCOL with a value of 1, a client MAY use the Extended CONNECT "
                    "as defined in this document when creating new streams.",
     .see_also = {},
     .needs = {capability::h2},
     .run = extended_connect},
};

}  // namespace

std::span<case_def const> extended_connect_cases() { return cases; }

}  // namespace conform::http2
