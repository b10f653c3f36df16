// RFC 9113 §8.1–8.3: HTTP message framing and field validity. A malformed request is
// a stream error PROTOCOL_ERROR; a 4xx response that ends the stream is accepted too
// (§8.1.1: "a server MAY send an HTTP response prior to closing or resetting the stream").
#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

// GET / with the target's :authority, then `edit` applied to the field list.
outcome malformed(context& cx, void (*edit)(field_list&)) {
  return stream_error_after(cx, [edit](client& c) {
    auto const& t = c.cx().target_info();
    field_list f = request_fields("GET", "/", t.authority(), t.tls ? "https" : "http");
    edit(f);
    return frames{headers(1, hpack_block().fields(f).bytes())};
  }, 1, {error_code::protocol_error}, true);
}

void drop(field_list& f, std::string_view name) {
  std::erase_if(f, [&](field const& x) { return x.name == name; });
}
std::string value_of(field_list const& f, std::string_view name) {
  for (auto const& x : f)
    if (x.name == name) return x.value;
  return {};
}

outcome uppercase_name(context& cx) { return malformed(cx, [](field_list& f) { f.push_back({"X-TEST", "ok"}); }); }
outcome unknown_pseudo(context& cx) { return malformed(cx, [](field_list& f) { f.insert(f.begin(), {":test", "ok"}); }); }
outcome response_pseudo(context& cx) { return malformed(cx, [](field_list& f) { f.insert(f.begin(), {":status", "200"}); }); }
outcome pseudo_after_regular(context& cx) {
  return malformed(cx, [](field_list& f) { f.insert(f.end() - 1, {"x-test", "ok"}); });
}
outcome connection_specific(context& cx) { return malformed(cx, [](field_list& f) { f.push_back({"connection", "keep-alive"}); }); }
outcome te_not_trailers(context& cx) { return malformed(cx, [](field_list& f) { f.push_back({"te", "trailers, deflate"}); }); }
outcome empty_path(context& cx) {
  return malformed(cx, [](field_list& f) { for (auto& x : f) if (x.name == ":path") x.value.clear(); });
}
outcome no_method(context& cx) { return malformed(cx, [](field_list& f) { drop(f, ":method"); }); }
outcome no_scheme(context& cx) { return malformed(cx, [](field_list& f) { drop(f, ":scheme"); }); }
outcome no_path(context& cx) { return malformed(cx, [](field_list& f) { drop(f, ":path"); }); }
outcome two_methods(context& cx) { return malformed(cx, [](field_list& f) { f.insert(f.begin(), {":method", "GET"}); }); }
outcome two_schemes(context& cx) {
  return malformed(cx, [](field_list& f) { f.insert(f.begin(), {":scheme", value_of(f, ":scheme")}); });
}
outcome two_paths(context& cx) { return malformed(cx, [](field_list& f) { f.insert(f.begin(), {":path", "/"}); }); }

outcome pseudo_in_trailers(context& cx) {
  return stream_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/"), false), data(1, "test"),
                  headers(1, hpack_block().fields({{":method", "POST"}, {"x-trailer", "1"}}).bytes(), true)};
  }, 1, {error_code::protocol_error}, true);
}
outcome second_headers_without_end_stream(context& cx) {
  return stream_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/"), false), data(1, "test"),
                  headers(1, hpack_block().fields({{"x-trailer", "1"}}).bytes(), false)};
  }, 1, {error_code::protocol_error}, true);
}
outcome content_length_one_frame(context& cx) {
  return stream_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/", {{"content-length", "1"}}), false), data(1, "test", true)};
  }, 1, {error_code::protocol_error}, true);
}
outcome content_length_frames(context& cx) {
  return stream_error_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/", {{"content-length", "1"}}), false), data(1, "test"), data(1, "test", true)};
  }, 1, {error_code::protocol_error}, true);
}

outcome get(context& cx) { return response_after(cx, [](client& c) { return frames{c.get(1)}; }); }
outcome head(context& cx) { return response_after(cx, [](client& c) { return frames{headers(1, c.request_block("HEAD", "/"))}; }); }
outcome post(context& cx) {
  return response_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/", {{"content-length", "4"}}), false), data(1, "test", true)};
  });
}
outcome post_with_trailers(context& cx) {
  return response_after(cx, [](client& c) {
    return frames{headers(1, c.request_block("POST", "/", {{"content-length", "4"}}), false), data(1, "test"),
                  headers(1, hpack_block().fields({{"x-trailer", "ok"}}).bytes(), true)};
  });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req,
              std::vector<std::string_view> see, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = std::move(see), .needs = {capability::h2}, .run = run};
}

constexpr std::string_view pseudo_rule =
    "Endpoints MUST treat a request or response that contains undefined or invalid pseudo-header fields as malformed "
    "(Section 8.1.1).";
constexpr std::string_view required_rule =
    "All HTTP/2 requests MUST include exactly one valid value for the \":method\", \":scheme\", and \":path\" "
    "pseudo-header fields, unless they are CONNECT requests (Section 8.5). An HTTP request that omits mandatory "
    "pseudo-header fields is malformed (Section 8.1.1).";
constexpr std::string_view length_rule =
    "A request or response is also malformed if the value of a content-length header field does not equal the sum of "
    "the DATA frame payload lengths that form the content";
constexpr std::string_view exchange_rule = "A client sends an HTTP request on a new stream, using a previously unused "
                                           "stream identifier (Section 5.1.1). A server sends an HTTP response on the "
                                           "same stream as the request.";

case_def const cases[] = {
    make("http2/message/second-headers-without-end-stream", "RFC 9113 §8.1", "A trailer section without END_STREAM is malformed",
         "An endpoint that receives a HEADERS frame without the END_STREAM flag set after receiving the HEADERS frame that opens a request or after receiving a final (non-informational) status code MUST treat the corresponding request or response as malformed (Section 8.1.1).",
         {"h2spec:http2/8.1/1"}, second_headers_without_end_stream),
    make("http2/fields/uppercase-name", "RFC 9113 §8.2", "A field name with uppercase letters is malformed",
         "A request or response containing uppercase characters in field names MUST be treated as malformed (Section 8.1.1).",
         {"h2spec:http2/8.1.2/1"}, uppercase_name),
    make("http2/fields/unknown-pseudo-header", "RFC 9113 §8.3", "An unknown pseudo-header field is malformed", pseudo_rule, {"h2spec:http2/8.1.2.1/1"}, unknown_pseudo),
    make("http2/fields/response-pseudo-header-in-request", "RFC 9113 §8.3", "A response pseudo-header field in a request is malformed",
         "Pseudo-header fields defined for requests MUST NOT appear in responses; pseudo-header fields defined for responses MUST NOT appear in requests.",
         {"h2spec:http2/8.1.2.1/2"}, response_pseudo),
    make("http2/fields/pseudo-header-in-trailers", "RFC 9113 §8.3", "A pseudo-header field in trailers is malformed",
         "Pseudo-header fields MUST NOT appear in a trailer section.", {"h2spec:http2/8.1.2.1/3"}, pseudo_in_trailers),
    make("http2/fields/pseudo-header-after-regular", "RFC 9113 §8.3", "A pseudo-header field after a regular field is malformed",
         "All pseudo-header fields MUST appear in a field block before all regular field lines. Any request or response that contains a pseudo-header field that appears in a field block after a regular field line MUST be treated as malformed (Section 8.1.1).",
         {"h2spec:http2/8.1.2.1/4"}, pseudo_after_regular),
    make("http2/fields/connection-specific", "RFC 9113 §8.2.2", "A connection-specific field is malformed",
         "Any message containing connection-specific header fields MUST be treated as malformed (Section 8.1.1).",
         {"h2spec:http2/8.1.2.2/1"}, connection_specific),
    make("http2/fields/te-not-trailers", "RFC 9113 §8.2.2", "TE with a value other than \"trailers\" is malformed",
         "The only exception to this is the TE header field, which MAY be present in an HTTP/2 request; when it is, it MUST NOT contain any value other than \"trailers\".",
         {"h2spec:http2/8.1.2.2/2"}, te_not_trailers),
    make("http2/fields/empty-path", "RFC 9113 §8.3.1", "An empty :path is malformed",
         "This pseudo-header field MUST NOT be empty for \"http\" or \"https\" URIs; \"http\" or \"https\" URIs that do not contain a path component MUST include a value of '/'.",
         {"h2spec:http2/8.1.2.3/1"}, empty_path),
    make("http2/fields/missing-method", "RFC 9113 §8.3.1", "A request without :method is malformed", required_rule, {"h2spec:http2/8.1.2.3/2"}, no_method),
    make("http2/fields/missing-scheme", "RFC 9113 §8.3.1", "A request without :scheme is malformed", required_rule, {"h2spec:http2/8.1.2.3/3"}, no_scheme),
    make("http2/fields/missing-path", "RFC 9113 §8.3.1", "A request without :path is malformed", required_rule, {"h2spec:http2/8.1.2.3/4"}, no_path),
    make("http2/fields/duplicate-method", "RFC 9113 §8.3.1", "A request with two :method fields is malformed", required_rule, {"h2spec:http2/8.1.2.3/5"}, two_methods),
    make("http2/fields/duplicate-scheme", "RFC 9113 §8.3.1", "A request with two :scheme fields is malformed", required_rule, {"h2spec:http2/8.1.2.3/6"}, two_schemes),
    make("http2/fields/duplicate-path", "RFC 9113 §8.3.1", "A request with two :path fields is malformed", required_rule, {"h2spec:http2/8.1.2.3/7"}, two_paths),
    make("http2/message/content-length-one-frame", "RFC 9113 §8.1.1", "content-length unequal to the DATA is malformed", length_rule, {"h2spec:http2/8.1.2.6/1"}, content_length_one_frame),
    make("http2/message/content-length-several-frames", "RFC 9113 §8.1.1", "content-length unequal to the sum of several DATA is malformed", length_rule, {"h2spec:http2/8.1.2.6/2"}, content_length_frames),
    make("http2/message/get", "RFC 9113 §8.1", "A GET request is answered", exchange_rule, {"h2spec:generic/4/1"}, get),
    make("http2/message/head", "RFC 9113 §8.1", "A HEAD request is answered", exchange_rule, {"h2spec:generic/4/2"}, head),
    make("http2/message/post", "RFC 9113 §8.1", "A POST request with a body is answered", exchange_rule, {"h2spec:generic/4/3"}, post),
    make("http2/message/post-with-trailers", "RFC 9113 §8.1", "A POST request with a trailer section is answered",
         "A trailer section is sent in a HEADERS frame with END_STREAM after the content.", {"h2spec:generic/4/4"}, post_with_trailers),
};

}  // namespace

std::span<case_def const> message_cases() { return cases; }

}  // namespace conform::http2
