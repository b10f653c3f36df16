// RFC 6455 §4 and RFC 7692 §5: the opening handshake, which Autobahn|Testsuite does not
// test. A valid request gets 101 with the right Sec-WebSocket-Accept; a request that
// is not a valid opening handshake is refused with an HTTP error; the server selects
// no subprotocol or extension the client did not offer, and declines a
// permessage-deflate offer it cannot accept as written.
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

std::string summary(ws::client::answer const& a) {
  return a.response ? a.response->summary() : a.failure;
}

// The target must refuse `o` with an HTTP error status.
outcome expect_refused(context& cx, ws::opening o) {
  ws::client c(cx);
  auto const a = c.attempt(std::move(o));
  if (!a.response) return violation("an HTTP error response (4xx)", a.failure);
  if (a.response->status < 400) return violation("an HTTP error response (4xx)", a.response->summary());
  return pass(a.response->summary());
}

outcome accept_value(context& cx) {
  ws::client c(cx);
  ws::opening o;
  auto const why = c.open(o);
  if (why.empty()) return pass();
  return violation("101 Switching Protocols with Upgrade, Connection and the right Sec-WebSocket-Accept", why);
}

outcome missing_key(context& cx) {
  ws::opening o;
  o.key = std::nullopt;
  ws::client c(cx);
  auto const a = c.attempt(o);
  if (a.response && a.response->status >= 400) return pass(a.response->summary());
  return violation("an HTTP error response (4xx)", summary(a));
}
outcome malformed_key(context& cx) {
  ws::opening o;
  o.key = "conform-not-a-key";
  return expect_refused(cx, o);
}
outcome short_key(context& cx) {
  ws::opening o;
  o.key = "AAAAAAAAAAA=";  // base64 of 8 octets
  return expect_refused(cx, o);
}
outcome duplicate_key(context& cx) {
  ws::opening o;
  o.extra_lines = {"Sec-WebSocket-Key: " + ws::make_key(cx.rng())};
  return expect_refused(cx, o);
}
outcome post_method(context& cx) {
  ws::opening o;
  o.method = "POST";
  o.extra_lines = {"Content-Length: 0"};
  return expect_refused(cx, o);
}
outcome http_1_0(context& cx) {
  ws::opening o;
  o.version = "HTTP/1.0";
  return expect_refused(cx, o);
}
// Without Upgrade the request is an ordinary GET (RFC 9110 §7.8: Upgrade is how a
// client asks to switch), so an endpoint that also serves HTTP may answer it as HTTP
// (Autobahn serves its status page); what it must not do is switch protocols.
outcome missing_upgrade(context& cx) {
  ws::opening o;
  o.upgrade = std::nullopt;
  ws::client c(cx);
  auto const a = c.attempt(std::move(o));
  if (!a.response) return violation("an HTTP response that does not switch protocols", a.failure);
  if (a.response->status == 101) return violation("no switch to WebSocket without Upgrade", a.response->summary());
  return pass(a.response->summary());
}
outcome upgrade_not_websocket(context& cx) {
  ws::opening o;
  o.upgrade = "h2c";
  return expect_refused(cx, o);
}
outcome missing_connection_upgrade(context& cx) {
  ws::opening o;
  o.connection = "keep-alive";
  return expect_refused(cx, o);
}
outcome missing_version(context& cx) {
  ws::opening o;
  o.ws_version = std::nullopt;
  return expect_refused(cx, o);
}

outcome unsupported_version(context& cx, bool want_426) {
  ws::opening o;
  // 99: no WebSocket version ever had it (IANA's registry ends at 13; a server may still
  // speak the hybi drafts' 8, as Autobahn does).
  o.ws_version = "99";
  ws::client c(cx);
  auto const a = c.attempt(o);
  auto const expected = "an HTTP error with Sec-WebSocket-Version: 13";
  if (!a.response || a.response->status < 400) return violation(expected, summary(a));
  if (want_426)
    return a.response->status == 426 ? pass() : violation("426 Upgrade Required", a.response->summary());
  auto const versions = h1::list_items(a.response->fields, "sec-websocket-version");
  for (auto v : versions)
    if (v == "13") return pass();
  return violation(expected, a.response->summary() + " without 13 in Sec-WebSocket-Version");
}
outcome version_listed(context& cx) { return unsupported_version(cx, false); }
outcome version_426(context& cx) { return unsupported_version(cx, true); }

// The handshake completes (or is refused) without a selection the client did not offer.
outcome offer(context& cx, ws::opening o) {
  ws::client c(cx);
  auto const why = c.open(o);
  if (why.empty() || why.starts_with("status ")) return pass(why);
  return violation("101 selecting only what the client offered, or a refusal", why);
}
outcome unknown_subprotocol(context& cx) {
  ws::opening o;
  o.protocols = "x-conform-unknown-protocol";
  return offer(cx, o);
}
outcome no_subprotocol(context& cx) { return offer(cx, {}); }
outcome unknown_extension(context& cx) {
  ws::opening o;
  o.extensions = "x-conform-unknown-extension";
  return offer(cx, o);
}

// The server must decline the offer: no permessage-deflate in a 101 (or a refusal).
outcome must_decline(context& cx, std::string offer_text) {
  ws::opening o;
  o.extensions = offer_text;
  ws::client c(cx);
  auto const a = c.attempt(o);
  if (!a.response) return violation("101 without permessage-deflate, or a refusal", a.failure);
  if (a.response->status != 101) return pass(a.response->summary());
  auto const accepted = ws::parse_extensions(h1::list_items(a.response->fields, "sec-websocket-extensions"));
  for (auto const& e : accepted)
    if (e.name == "permessage-deflate")
      return violation("the offer declined", "permessage-deflate accepted from \"" + offer_text + "\"");
  return pass();
}
outcome deflate_unknown_parameter(context& cx) { return must_decline(cx, "permessage-deflate; x-conform-unknown"); }
outcome deflate_bad_window(context& cx) { return must_decline(cx, "permessage-deflate; server_max_window_bits=7"); }
outcome deflate_duplicate(context& cx) {
  return must_decline(cx, "permessage-deflate; server_no_context_takeover; server_no_context_takeover");
}
outcome deflate_response(context& cx, std::string offer_text) {
  ws::opening o;
  o.extensions = offer_text;
  return offer(cx, o);
}
outcome deflate_no_takeover(context& cx) {
  return deflate_response(cx, "permessage-deflate; server_no_context_takeover; client_max_window_bits");
}
outcome deflate_window(context& cx) { return deflate_response(cx, "permessage-deflate; server_max_window_bits=10"); }

outcome foreign_origin(context& cx) {
  ws::opening o;
  o.origin = "http://conform-foreign-origin.invalid";
  ws::client c(cx);
  auto const why = c.open(o);
  if (why.empty()) return info("a foreign Origin was accepted (101)");
  if (why.starts_with("status 403")) return info("a foreign Origin was refused with 403");
  return fail("101, or 403 Forbidden (RFC 6455 §4.2.2 item 4)", why);
}

constexpr std::string_view key_rule =
    "A |Sec-WebSocket-Key| header field with a base64-encoded (see Section 4 of [RFC4648]) value that, when decoded, "
    "is 16 bytes in length.";
constexpr std::string_view refuse_rule =
    "If the server, while reading the handshake, finds that the client did not send a handshake that matches the "
    "description below [...], the server MUST stop processing the client's handshake and return an HTTP response "
    "with an appropriate error code (such as 400 Bad Request).";
constexpr std::string_view version_rule =
    "If this version does not match a version understood by the server, the server MUST abort the WebSocket "
    "handshake described in this section and instead send an appropriate HTTP error code (such as 426 Upgrade "
    "Required) and a |Sec-WebSocket-Version| header field indicating the version(s) the server is capable of "
    "understanding.";
constexpr std::string_view protocol_rule =
    "The value chosen MUST be derived from the client's handshake, specifically by selecting one of the values from "
    "the |Sec-WebSocket-Protocol| field that the server is willing to use for this connection (if any).";
constexpr std::string_view extension_rule =
    "The server MUST NOT respond with extensions not listed by the client (RFC 6455 §4.1: the client MUST _Fail the "
    "WebSocket Connection_ when the response indicates an extension not present in the client's handshake).";
constexpr std::string_view decline_rule =
    "A server MUST decline an extension negotiation offer for this extension if any of the following conditions are "
    "met: The negotiation offer contains an extension parameter not defined for use in an offer. The negotiation "
    "offer contains an extension parameter with an invalid value. The negotiation offer contains multiple extension "
    "parameters with the same name.";
constexpr std::string_view deflate_response_rule =
    "A server accepts an extension negotiation offer that includes the \"server_no_context_takeover\" parameter by "
    "including the \"server_no_context_takeover\" extension parameter in the corresponding extension negotiation "
    "response; a server_max_window_bits in the response MUST NOT exceed the value offered.";

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view rule,
              case_body body, requirement_level level = requirement_level::must) {
  return {.id = id, .section = section, .level = level, .title = title, .requirement = rule,
          .needs = {capability::websocket}, .run = body};
}

case_def const cases[] = {
    make("ws/handshake/accept-value", "RFC 6455 §4.2.2",
         "a valid opening handshake gets 101 with Upgrade, Connection and the right Sec-WebSocket-Accept",
         "If the server chooses to accept the incoming connection, it MUST reply with a valid HTTP response [...] "
         "A |Sec-WebSocket-Accept| header field. The value of this header field is constructed by concatenating "
         "/key/ [...] with the string \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\", taking the SHA-1 hash of this "
         "concatenated value to obtain a 20-byte value and base64-encoding this 20-byte hash.",
         accept_value),
    make("ws/handshake/missing-key", "RFC 6455 §4.2.1", "a handshake without Sec-WebSocket-Key is refused",
         refuse_rule, missing_key),
    make("ws/handshake/malformed-key", "RFC 6455 §4.2.1", "a Sec-WebSocket-Key that is not base64 is refused",
         key_rule, malformed_key),
    make("ws/handshake/short-key", "RFC 6455 §4.2.1", "a Sec-WebSocket-Key of 8 octets (not 16) is refused", key_rule,
         short_key),
    make("ws/handshake/duplicate-key", "RFC 6455 §11.3.1", "two Sec-WebSocket-Key fields are refused",
         "The |Sec-WebSocket-Key| header field MUST NOT appear more than once in an HTTP request.", duplicate_key),
    make("ws/handshake/post-method", "RFC 6455 §4.2.1", "an opening handshake with POST instead of GET is refused",
         "An HTTP/1.1 or higher GET request, including a \"Request-URI\" [...]", post_method),
    make("ws/handshake/http-1-0", "RFC 6455 §4.2.1", "an opening handshake in HTTP/1.0 is refused",
         "An HTTP/1.1 or higher GET request, including a \"Request-URI\" [...]", http_1_0),
    make("ws/handshake/missing-upgrade", "RFC 6455 §4.2.1",
         "a handshake without Upgrade does not switch protocols (an HTTP answer or a refusal)",
         "An |Upgrade| header field containing the value \"websocket\", treated as an ASCII case-insensitive value.",
         missing_upgrade),
    make("ws/handshake/upgrade-not-websocket", "RFC 6455 §4.2.1", "Upgrade: h2c on the WebSocket endpoint is refused",
         "An |Upgrade| header field containing the value \"websocket\", treated as an ASCII case-insensitive value.",
         upgrade_not_websocket),
    make("ws/handshake/missing-connection-upgrade", "RFC 6455 §4.2.1",
         "a handshake whose Connection lacks the upgrade token is refused",
         "A |Connection| header field that includes the token \"Upgrade\", treated as an ASCII case-insensitive value.",
         missing_connection_upgrade),
    make("ws/handshake/missing-version", "RFC 6455 §4.2.1", "a handshake without Sec-WebSocket-Version is refused",
         "A |Sec-WebSocket-Version| header field, with a value of 13.", missing_version),
    make("ws/handshake/unsupported-version", "RFC 6455 §4.4",
         "Sec-WebSocket-Version 99 is refused with Sec-WebSocket-Version: 13 in the answer", version_rule,
         version_listed),
    make("ws/handshake/unsupported-version-426", "RFC 6455 §4.4",
         "an unsupported Sec-WebSocket-Version is answered with 426 Upgrade Required", version_rule, version_426,
         requirement_level::should),
    make("ws/handshake/unknown-subprotocol", "RFC 6455 §4.2.2",
         "an unknown subprotocol offered is not selected (none or a refusal)", protocol_rule, unknown_subprotocol),
    make("ws/handshake/no-subprotocol-offered", "RFC 6455 §4.2.2",
         "with no subprotocol offered, none is selected", protocol_rule, no_subprotocol),
    make("ws/handshake/unknown-extension", "RFC 6455 §9.1", "an unknown extension offered is not accepted",
         extension_rule, unknown_extension),
    make("ws/handshake/foreign-origin", "RFC 6455 §4.2.2",
         "an Origin from elsewhere: accepted (101) or refused (403), as the server's policy says",
         "If the server does not wish to accept this connection, it MUST return an appropriate HTTP error code (e.g., "
         "403 Forbidden) and abort the WebSocket handshake described in this section.",
         foreign_origin, requirement_level::info),
    make("ws/deflate/offer-unknown-parameter", "RFC 7692 §5", "a permessage-deflate offer with an unknown parameter is "
         "declined", decline_rule, deflate_unknown_parameter),
    make("ws/deflate/offer-invalid-window-bits", "RFC 7692 §7.1.2.1",
         "a permessage-deflate offer with server_max_window_bits=7 is declined", decline_rule, deflate_bad_window),
    make("ws/deflate/offer-duplicate-parameter", "RFC 7692 §5",
         "a permessage-deflate offer repeating a parameter is declined", decline_rule, deflate_duplicate),
    make("ws/deflate/accept-no-context-takeover", "RFC 7692 §7.1.1.1",
         "an accepted server_no_context_takeover offer is confirmed in the response", deflate_response_rule,
         deflate_no_takeover),
    make("ws/deflate/accept-window-bits", "RFC 7692 §7.1.2.1",
         "an accepted server_max_window_bits=10 offer is answered with at most 10", deflate_response_rule,
         deflate_window),
};

}  // namespace

std::span<case_def const> handshake_cases() { return cases; }

}  // namespace conform::websocket
