// RFC 9112 §3.2: the request-target forms and the Host header field.
#include <string>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view host_rule =
    "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 request message that lacks a Host "
    "header field and to any request message that contains more than one Host header field line or a Host header "
    "field with an invalid field value.";

refusal const host_refusal{.statuses = {400}, .then_close = false};

outcome missing(context& cx) { return expect_refusal(cx, h1::request("GET", "/"), host_refusal); }

outcome duplicate(context& cx) {
  return expect_refusal(cx, make_request(cx, "GET", "/").host(cx.target_info()), host_refusal);
}

outcome invalid_value(context& cx) {
  return expect_refusal(cx, h1::request("GET", "/").header("Host", "bad host"), host_refusal);
}

outcome invalid_port(context& cx) {
  return expect_refusal(cx, h1::request("GET", "/").header("Host", cx.target_info().host + ":8x"), host_refusal);
}

std::string absolute_uri(context& cx) {
  auto const& t = cx.target_info();
  return t.scheme + "://" + t.authority() + "/";
}

outcome absolute_form(context& cx) {
  return expect_served(cx, make_request(cx, "GET", absolute_uri(cx)), "the absolute-form request");
}

outcome absolute_form_overrides_host(context& cx) {
  auto r = h1::request("GET", absolute_uri(cx)).header("Host", "conform-other-host.invalid");
  return expect_served(cx, r, "the request for the target's own URI");
}

outcome asterisk_form_with_get(context& cx) {
  return expect_refusal(cx, make_request(cx, "GET", "*"), invalid_request_line_refusal);
}

outcome authority_form_with_get(context& cx) {
  return expect_refusal(cx, make_request(cx, "GET", cx.target_info().authority()), invalid_request_line_refusal);
}

case_def const cases[] = {
    {.id = "http1/host/missing",
     .section = "RFC 9112 §3.2",
     .level = requirement_level::must,
     .title = "An HTTP/1.1 request without Host gets 400",
     .requirement = host_rule,
     .run = missing},
    {.id = "http1/host/duplicate",
     .section = "RFC 9112 §3.2",
     .level = requirement_level::must,
     .title = "A request with two Host field lines gets 400",
     .requirement = host_rule,
     .run = duplicate},
    {.id = "http1/host/invalid-value",
     .section = "RFC 9112 §3.2",
     .level = requirement_level::must,
     .title = "A Host value with a space in it gets 400",
     .requirement = host_rule,
     .run = invalid_value},
    {.id = "http1/host/invalid-port",
     .section = "RFC 9112 §3.2",
     .level = requirement_level::must,
     .title = "A Host value with a non-numeric port gets 400",
     .requirement = host_rule,
     .run = invalid_port},
    {.id = "http1/request-target/absolute-form",
     .section = "RFC 9112 §3.2.2",
     .level = requirement_level::must,
     .title = "An origin server accepts the absolute-form request-target",
     .requirement = "A server MUST accept the absolute-form in requests even though most HTTP/1.1 clients will only "
                    "send the absolute-form to a proxy.",
     .run = absolute_form},
    {.id = "http1/request-target/absolute-form-overrides-host",
     .section = "RFC 9112 §3.2.2",
     .level = requirement_level::must,
     .title = "With an absolute-form target, a different Host is ignored",
     .requirement = "When an origin server receives a request with an absolute-form of request-target, the origin "
                    "server MUST ignore the received Host header field (if any) and instead use the host information "
                    "of the request-target.",
     .run = absolute_form_overrides_host},
    {.id = "http1/request-target/asterisk-form-with-get",
     .section = "RFC 9112 §3.2.4",
     .level = requirement_level::should,
     .title = "GET * (asterisk-form is for OPTIONS only) is refused",
     .requirement = "The asterisk-form of request-target is only used for a server-wide OPTIONS request. Recipients "
                    "of an invalid request-line SHOULD respond with either a 400 (Bad Request) error or a 301 (Moved "
                    "Permanently) redirect (RFC 9112 §3).",
     .run = asterisk_form_with_get},
    {.id = "http1/request-target/authority-form-with-get",
     .section = "RFC 9112 §3.2.3",
     .level = requirement_level::should,
     .title = "GET host:port (authority-form is for CONNECT only) is refused",
     .requirement = "The authority-form of request-target is only used for CONNECT requests. Recipients of an "
                    "invalid request-line SHOULD respond with either a 400 (Bad Request) error or a 301 (Moved "
                    "Permanently) redirect (RFC 9112 §3).",
     .run = authority_form_with_get},
};

}  // namespace

std::span<case_def const> request_target_cases() { return cases; }

}  // namespace conform::http1
