// RFC 9113 §8.2.1 field validity, §8.2.2 connection-specific fields one by one, and
// §8.3.1 Host against :authority: checks h2spec does not make. Each malformed request
// must end in a stream error PROTOCOL_ERROR (or a 4xx response, §8.1.1).
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

// GET / with the target's :authority and `extra` fields after the pseudo-headers.
outcome malformed_with(context& cx, field_list const& extra) {
  return stream_error_after(cx, [&extra](client& c) { return frames{headers(1, c.request_block("GET", "/", extra))}; },
                            1, {error_code::protocol_error}, true);
}

outcome value_leading_space(context& cx) { return malformed_with(cx, {{"x-test", " leading"}}); }
outcome value_trailing_tab(context& cx) { return malformed_with(cx, {{"x-test", "trailing\t"}}); }
outcome value_nul(context& cx) { return malformed_with(cx, {{"x-test", std::string("a\0b", 3)}}); }
outcome value_cr(context& cx) { return malformed_with(cx, {{"x-test", "a\rb"}}); }
outcome value_lf(context& cx) { return malformed_with(cx, {{"x-test", "a\nx-injected: 1"}}); }
outcome name_space(context& cx) { return malformed_with(cx, {{"x test", "1"}}); }
outcome name_non_ascii(context& cx) { return malformed_with(cx, {{"x-t\xc3\xa9st", "1"}}); }
outcome keep_alive(context& cx) { return malformed_with(cx, {{"keep-alive", "timeout=5"}}); }
outcome proxy_connection(context& cx) { return malformed_with(cx, {{"proxy-connection", "keep-alive"}}); }
outcome transfer_encoding(context& cx) { return malformed_with(cx, {{"transfer-encoding", "chunked"}}); }
outcome upgrade(context& cx) { return malformed_with(cx, {{"upgrade", "websocket"}}); }
outcome host_mismatch(context& cx) { return malformed_with(cx, {{"host", "other.example"}}); }

outcome te_trailers(context& cx) {
  return response_after(cx, [](client& c) { return frames{headers(1, c.request_block("GET", "/", {{"te", "trailers"}}))}; });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req, case_body run,
              requirement_level level = requirement_level::must) {
  return {.id = id, .section = section, .level = level, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

constexpr std::string_view value_rule =
    "A field value MUST NOT contain the zero value (ASCII NUL, 0x00), line feed (ASCII LF, 0x0a), or carriage return "
    "(ASCII CR, 0x0d) at any position. A field value MUST NOT start or end with an ASCII whitespace character (ASCII SP "
    "or HTAB, 0x20 or 0x09). ... A request or response that contains a field that violates any of these conditions MUST "
    "be treated as malformed (Section 8.1.1).";
constexpr std::string_view name_rule =
    "A field name MUST NOT contain characters in the ranges 0x00-0x20, 0x41-0x5a, or 0x7f-0xff (all ranges inclusive). "
    "... A request or response that contains a field that violates any of these conditions MUST be treated as malformed "
    "(Section 8.1.1).";
constexpr std::string_view specific_rule =
    "An endpoint MUST NOT generate an HTTP/2 message containing connection-specific header fields. This includes the "
    "Connection header field and those listed as having connection-specific semantics in Section 7.6.1 of [HTTP] (that "
    "is, Proxy-Connection, Keep-Alive, Transfer-Encoding, and Upgrade). Any message containing connection-specific header "
    "fields MUST be treated as malformed (Section 8.1.1).";

case_def const cases[] = {
    make("http2/fields/value-leading-space", "RFC 9113 §8.2.1", "A field value starting with a space is malformed", value_rule, value_leading_space),
    make("http2/fields/value-trailing-tab", "RFC 9113 §8.2.1", "A field value ending with a tab is malformed", value_rule, value_trailing_tab),
    make("http2/fields/value-nul", "RFC 9113 §8.2.1", "A field value containing NUL is malformed", value_rule, value_nul),
    make("http2/fields/value-cr", "RFC 9113 §8.2.1", "A field value containing CR is malformed", value_rule, value_cr),
    make("http2/fields/value-lf", "RFC 9113 §8.2.1", "A field value containing LF (a smuggled header line) is malformed", value_rule, value_lf),
    make("http2/fields/name-space", "RFC 9113 §8.2.1", "A field name containing a space is malformed", name_rule, name_space),
    make("http2/fields/name-non-ascii", "RFC 9113 §8.2.1", "A field name containing octets above 0x7e is malformed", name_rule, name_non_ascii),
    make("http2/fields/keep-alive", "RFC 9113 §8.2.2", "A Keep-Alive field is malformed", specific_rule, keep_alive),
    make("http2/fields/proxy-connection", "RFC 9113 §8.2.2", "A Proxy-Connection field is malformed", specific_rule, proxy_connection),
    make("http2/fields/transfer-encoding", "RFC 9113 §8.2.2", "A Transfer-Encoding field is malformed", specific_rule, transfer_encoding),
    make("http2/fields/upgrade", "RFC 9113 §8.2.2", "An Upgrade field is malformed", specific_rule, upgrade),
    make("http2/fields/te-trailers-accepted", "RFC 9113 §8.2.2", "TE: trailers is accepted",
         "The only exception to this is the TE header field, which MAY be present in an HTTP/2 request; when it is, it MUST NOT "
         "contain any value other than \"trailers\".",
         te_trailers),
    make("http2/fields/host-authority-mismatch", "RFC 9113 §8.3.1", "A Host naming another origin than :authority is malformed",
         "A server SHOULD treat a request as malformed if it contains a Host header field that identifies an entity that differs "
         "from the entity in the \":authority\" pseudo-header field.",
         host_mismatch, requirement_level::should),
};

}  // namespace

std::span<case_def const> field_validity_cases() { return cases; }

}  // namespace conform::http2
