#include "reference/http1/request_checks.hpp"

#include "reference/http1/request_parser.hpp"
#include "reference/http1/rfc3986.hpp"

namespace conform::reference::http1 {
namespace {

// RFC 9112 §6.1 and §6.3.
violation check_framing(request& req, header_facts const& facts,
                        std::optional<std::uint64_t> content_length) {
  if (facts.transfer_codings.present()) {
    // "A server ... that receives an HTTP/1.0 message containing a Transfer-Encoding
    // header field MUST treat the message as if the framing is faulty".
    if (req.version() == 10) return violation::te_in_http10;
    // The RFC lets a server reject this or process it by Transfer-Encoding alone; we
    // reject: a message framed two ways is how requests get smuggled.
    if (facts.content_length_lines > 0) return violation::te_with_content_length;
    if (violation const v = facts.transfer_codings.verdict(); v != violation::none) return v;
    req.chunked = true;
  }
  req.content_length = content_length;
  return violation::none;
}

// RFC 9112 §3.2: exactly one valid Host in HTTP/1.1, at most one in HTTP/1.0.
violation check_host(request const& req, header_facts const& facts) {
  if (facts.host_lines == 0) return req.version() == 11 ? violation::host_missing : violation::none;
  if (facts.host_lines > 1) return violation::host_duplicate;
  if (!is_valid_host_field(req.field_value(facts.host_index))) return violation::host_invalid;
  return violation::none;
}

}  // namespace

violation check_request(request& req, header_facts const& facts,
                        std::optional<std::uint64_t> content_length, http1_limits const& limits) {
  if (violation const v = check_framing(req, facts, content_length); v != violation::none) return v;
  if (violation const v = check_host(req, facts); v != violation::none) return v;
  if (req.verb() == method::unknown) return violation::method_not_implemented;
  // With an absolute-form target the Host field is ignored (RFC 9112 §3.2.2): the
  // router only ever looks at the path taken from the target.
  target_parts const target = parse_target(req.target(), req.verb());
  if (target.why != violation::none) return target.why;
  req.set_path(target.path, target.query);
  // RFC 9110 §10.1.1: 417 for an expectation we do not meet; a 100-continue in an
  // HTTP/1.0 request MUST be ignored.
  if (facts.expect_other) return violation::expectation_unsupported;
  req.expect_continue = facts.expect_continue && req.version() == 11;
  if (req.content_length && *req.content_length > limits.max_body) return violation::body_too_large;
  return violation::none;
}

}  // namespace conform::reference::http1
