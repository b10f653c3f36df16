// What the target's responses carry (RFC 9113 §8.1–8.3, RFC 9110 §8.6, §9.3.2,
// §15.3.5): h2spec sends and judges reactions; these judge what the target itself
// generates, decoded by libnghttp2's inflater, which validates nothing of it.
#include <algorithm>

#include "conformance/http2/suite.hpp"
#include "conformance/http2/verify.hpp"

namespace conform::http2 {
namespace {

using namespace h2;

bool is_pseudo(field const& f) { return f.name.starts_with(':'); }

std::string shown(field const& f) { return "\"" + f.name + ": " + f.value + "\""; }

// GET `path` on stream 1; `judge` sees a complete response, anything else is an ERROR
// (the target did not answer a plain GET, which other cases judge).
outcome judge_response(context& cx, std::string_view method, std::string_view path,
                       std::function<outcome(response const&)> const& judge) {
  return with_client(cx, [&](client& c) {
    auto const r = fetch(c, 1, method, path);
    if (!r.answered()) return error(std::string(method) + " " + std::string(path) + " was not answered: " + describe(r.stopped));
    if (!r.complete) return error("the response to " + std::string(method) + " " + std::string(path) + " did not end: " + describe(r.stopped));
    return judge(r);
  });
}

outcome judge_fields(context& cx, std::function<outcome(field_list const&)> const& judge) {
  return judge_response(cx, "GET", "/", [&](response const& r) { return judge(r.head.fields); });
}

outcome pseudo_first(context& cx) {
  return judge_fields(cx, [](field_list const& fields) {
    auto const regular = std::find_if(fields.begin(), fields.end(), [](field const& f) { return !is_pseudo(f); });
    auto const late = std::find_if(regular, fields.end(), is_pseudo);
    if (late == fields.end()) return pass();
    return violation("every pseudo-header field before the regular fields", shown(*late) + " after " + shown(*regular));
  });
}

outcome status_present(context& cx) {
  return judge_fields(cx, [](field_list const& fields) {
    auto const n = std::count_if(fields.begin(), fields.end(), [](field const& f) { return f.name == ":status"; });
    if (n == 1) return pass();
    return violation("exactly one :status field", std::to_string(n) + " :status fields");
  });
}

outcome status_three_digits(context& cx) {
  return judge_fields(cx, [](field_list const& fields) {
    for (auto const& f : fields) {
      if (f.name != ":status") continue;
      bool const digits = f.value.size() == 3 && std::all_of(f.value.begin(), f.value.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (digits && f.value[0] >= '1' && f.value[0] <= '5') return pass();
      return violation("a :status of three digits, 100 to 599", shown(f));
    }
    return skip("no :status field (http2/response/status-present judges that)");
  });
}

outcome no_request_pseudo(context& cx) {
  return judge_fields(cx, [](field_list const& fields) {
    for (auto const& f : fields)
      if (is_pseudo(f) && f.name != ":status") return violation("no pseudo-header field but :status in a response", shown(f));
    return pass();
  });
}

outcome lowercase_names(context& cx) {
  return judge_fields(cx, [](field_list const& fields) {
    for (auto const& f : fields) {
      std::string_view name = f.name;
      if (is_pseudo(f)) name.remove_prefix(1);
      bool const bad = name.empty() || std::any_of(name.begin(), name.end(), [](char ch) {
                         auto const u = static_cast<unsigned char>(ch);
                         return u <= 0x20 || (u >= 0x41 && u <= 0x5a) || u >= 0x7f || ch == ':';
                       });
      if (bad) return violation("field names of lowercase token characters only", shown(f));
    }
    return pass();
  });
}

outcome value_characters(context& cx) {
  return judge_fields(cx, [](field_list const& fields) {
    for (auto const& f : fields) {
      bool const forbidden = f.value.find_first_of(std::string_view("\0\r\n", 3)) != std::string::npos;
      bool const padded = !f.value.empty() && (f.value.front() == ' ' || f.value.front() == '\t' ||
                                               f.value.back() == ' ' || f.value.back() == '\t');
      if (forbidden || padded) return violation("field values without NUL, CR, LF or surrounding whitespace", shown(f));
    }
    return pass();
  });
}

outcome no_connection_specific(context& cx) {
  return judge_fields(cx, [](field_list const& fields) {
    for (auto const& f : fields) {
      bool const specific = f.name == "connection" || f.name == "proxy-connection" || f.name == "keep-alive" ||
                            f.name == "transfer-encoding" || f.name == "upgrade" || (f.name == "te" && f.value != "trailers");
      if (specific) return violation("no connection-specific field in an HTTP/2 response", shown(f));
    }
    return pass();
  });
}

std::optional<std::string> value_of(field_list const& fields, std::string_view name) {
  for (auto const& f : fields)
    if (f.name == name) return f.value;
  return std::nullopt;
}

outcome content_length_matches(context& cx) {
  return judge_response(cx, "GET", "/bytes/1024", [](response const& r) {
    auto const length = value_of(r.head.fields, "content-length");
    if (!length) return pass("no content-length; " + std::to_string(r.body.size()) + " octets of DATA");
    if (*length == std::to_string(r.body.size())) return pass();
    return violation("content-length equal to the DATA received (" + std::to_string(r.body.size()) + " octets)",
                     "content-length: " + *length);
  });
}

outcome head_no_content(context& cx) {
  return judge_response(cx, "HEAD", "/", [](response const& r) {
    if (r.body.empty()) return pass();
    return violation("a response to HEAD without content", std::to_string(r.body.size()) + " octets of DATA");
  });
}

// /status/204 is in the target profile; a target without it cannot be judged here.
outcome judge_204(context& cx, std::function<outcome(response const&)> const& judge) {
  return judge_response(cx, "GET", "/status/204", [&](response const& r) {
    if (r.status() != "204") return skip("GET /status/204 got status " + r.status() + ": the target does not serve the profile's /status/{code}");
    return judge(r);
  });
}

outcome no_content_204(context& cx) {
  return judge_204(cx, [](response const& r) {
    if (r.body.empty()) return pass();
    return violation("a 204 response without content", std::to_string(r.body.size()) + " octets of DATA");
  });
}

outcome no_content_length_204(context& cx) {
  return judge_204(cx, [](response const& r) {
    auto const length = value_of(r.head.fields, "content-length");
    if (!length) return pass();
    return violation("no content-length in a 204 response", "content-length: " + *length);
  });
}

case_def make(std::string_view id, std::string_view section, std::string_view title, std::string_view req, case_body run) {
  return {.id = id, .section = section, .level = requirement_level::must, .title = title, .requirement = req,
          .see_also = {}, .needs = {capability::h2}, .run = run};
}

constexpr std::string_view status_rule =
    "For HTTP/2 responses, a single \":status\" pseudo-header field is defined that carries the HTTP status code "
    "field (see Section 15 of [HTTP]). This pseudo-header field MUST be included in all responses, including interim "
    "responses; otherwise, the response is malformed.";
constexpr std::string_view field_chars_rule =
    "A field name MUST NOT contain characters in the ranges 0x00-0x20, 0x41-0x5a, or 0x7f-0xff (all ranges inclusive). "
    "... A field value MUST NOT contain the zero value (ASCII NUL, 0x00), line feed (ASCII LF, 0x0a), or carriage return "
    "(ASCII CR, 0x0d) at any position. A field value MUST NOT start or end with an ASCII whitespace character.";

case_def const cases[] = {
    make("http2/response/pseudo-headers-first", "RFC 9113 §8.3", "The response's pseudo-header fields come before its regular fields",
         "All pseudo-header fields MUST appear in a field block before all regular field lines.", pseudo_first),
    make("http2/response/status-present", "RFC 9113 §8.3.2", "A response carries exactly one :status", status_rule, status_present),
    make("http2/response/status-three-digits", "RFC 9113 §8.3.2", "The :status is a three-digit code and nothing else",
         "\":status\" ... carries the HTTP status code field (see Section 15 of [HTTP])", status_three_digits),
    make("http2/response/no-request-pseudo-headers", "RFC 9113 §8.3", "A response carries no request pseudo-header field",
         "Pseudo-header fields defined for requests MUST NOT appear in responses", no_request_pseudo),
    make("http2/response/lowercase-field-names", "RFC 9113 §8.2.1", "The response's field names are lowercase tokens", field_chars_rule,
         lowercase_names),
    make("http2/response/field-value-characters", "RFC 9113 §8.2.1", "The response's field values have no NUL, CR, LF or edge whitespace",
         field_chars_rule, value_characters),
    make("http2/response/no-connection-specific-fields", "RFC 9113 §8.2.2", "A response carries no connection-specific field",
         "An endpoint MUST NOT generate an HTTP/2 message containing connection-specific header fields.", no_connection_specific),
    make("http2/response/content-length-matches-data", "RFC 9113 §8.1.1", "A response's content-length equals the DATA it sends",
         "A request or response is also malformed if the value of a content-length header field does not equal the sum of "
         "the DATA frame payload lengths that form the content",
         content_length_matches),
    make("http2/response/head-no-content", "RFC 9110 §9.3.2", "A response to HEAD carries no DATA payload",
         "The HEAD method is identical to GET except that the server MUST NOT send content in the response.", head_no_content),
    make("http2/response/204-no-content", "RFC 9110 §15.3.5", "A 204 response carries no DATA payload",
         "A 204 response is terminated by the end of the header section; it cannot contain content or trailers.", no_content_204),
    make("http2/response/204-no-content-length", "RFC 9110 §8.6", "A 204 response carries no content-length",
         "A server MUST NOT send a Content-Length header field in any response with a status code of 1xx (Informational) or "
         "204 (No Content).",
         no_content_length_204),
};

}  // namespace

std::span<case_def const> response_field_cases() { return cases; }

}  // namespace conform::http2
