// A scripted HTTP/1.1 origin server for the suite's self-tests: a small, strict model of
// a compliant server (independent of the reference server) that can be told to break
// exactly one rule. Each HTTP/1.1 case must pass against the model as it is and fail
// against the model with the fault its self-test names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/net/memory_connection.hpp"

namespace conform::http1::testing {

enum class fault {
  none,
  // request line
  reject_leading_empty_line,
  accept_unsupported_version,
  reject_higher_minor_version,
  accept_lowercase_http_name,
  accept_whitespace_in_target,
  unknown_method_as_405,
  method_case_insensitive,
  long_target_431,
  // request target and Host
  accept_missing_host,
  accept_duplicate_host,
  accept_invalid_host,
  reject_absolute_form,
  host_over_absolute_form,
  accept_asterisk_with_get,
  accept_authority_with_get,
  // field syntax
  accept_space_before_colon,
  drop_obs_fold,
  keep_nul,
  keep_cr,
  accept_empty_name,
  accept_space_in_name,
  // Content-Length
  ignore_content_length,       // no body, whatever Content-Length says
  lenient_content_length,      // "+5" is 5, "-5" and "abc" are 0
  wrap_content_length,         // 2^64+5 is 5
  first_content_length_wins,   // conflicting values: the first one
  keep_open_after_bad_length,  // 400, but the connection stays open
  // Transfer-Encoding and chunked
  frame_by_content_length,  // TE and CL: CL wins
  keep_open_after_te_cl,    // TE and CL: chunked, and the connection stays open
  ignore_non_chunked_te,    // "Transfer-Encoding: gzip": no body
  unknown_coding_400,       // unknown coding: 400 instead of 501
  keep_open_http10_te,      // HTTP/1.0 with TE: chunked, kept open
  ignore_chunked,           // chunked: no body
  reject_chunk_extensions,
  stop_at_last_chunk,  // the trailer section is not read
  lenient_chunk_size,  // "zz" is 0
  wrap_chunk_size,     // 2^64+5 is 5
  skip_to_crlf_after_chunk,
  // persistence
  close_without_announcing,
  ignore_connection_close,
  no_close_in_response,
  process_after_close,
  keep_alive_http10,
  reverse_pipelined,
  // HEAD
  content_on_head,
  head_content_length_zero,
  head_drops_content_type,
  // 1xx, 204, 304 and conditionals
  content_on_204,
  content_length_on_204,
  transfer_encoding_on_204,
  content_length_on_1xx,
  ignore_if_none_match,
  ignore_if_match,
  content_on_304,
  drop_etag_on_304,
  // what responses look like
  no_sp_after_status_code,
  lf_line_endings,
  obs_fold_in_response,
  no_date,
  rfc850_date,
  respond_http10,
  chunked_to_http10,
  space_after_chunk_size,
  no_allow_on_405,
  // Expect
  ignore_expect_continue,
  // request vectors (conformance/vectors/http1/)
  lax_parser,              // reads the head as lenient real-world parsers do (scripted_lax.cpp)
  hang_on_refusal,         // where it should refuse, it says nothing and waits
  exact_te_value,          // Transfer-Encoding other than exactly " chunked" after the colon is ignored
  case_sensitive_names,    // "transfer-encoding" and "content-length" in lowercase are other fields
  reject_leading_zeros,    // "005" as a length or chunk size is refused
  lowercase_hex_only,      // chunk size "A" is refused
  first_chunk_only,        // the body ends after the first chunk
  trailer_framing,         // Content-Length in a trailer section is obeyed
  ignore_body_on_bodiless_methods,  // GET, HEAD, DELETE and OPTIONS have no body
  continuation_as_field,   // a line starting with whitespace is a field line of its own
  ignore_folded_fields,    // a field continued on a folded line is dropped whole
  underscore_as_hyphen,    // Transfer_Encoding is Transfer-Encoding (as CGI maps it)
  sum_duplicate_content_lengths,  // two "Content-Length: 5" lines make 10
  last_content_length_wins,       // "5," is the list's last element: empty, so 0
  truncate_long_numbers,   // a length is its first 19 digits
  exact_content_length,    // no OWS around Content-Length: " 5 " is refused
  reject_obs_text,         // bytes 0x80-0xFF in a field value are refused
  // conditional requests (scripted_resource.cpp)
  ignore_if_modified_since,
  if_modified_since_not_compared,   // any valid date gets 304
  invalid_if_modified_since_304,    // "not a date" counts as a match
  ignore_if_unmodified_since,
  star_not_matched,                 // "*" matches nothing
  strong_compare_for_none_match,    // W/"x" does not match "x" in If-None-Match
  weak_compare_for_match,           // W/"x" matches "x" in If-Match
  modified_since_with_none_match,   // If-Modified-Since evaluated beside If-None-Match
  // ranges
  range_off_by_one,                 // serves first+1..last+1
  multipart_without_content_range,
  unsatisfiable_without_content_range,
  ignore_range_with_if_range,       // any If-Range: the whole representation
  ignore_if_range,                  // If-Range never consulted
  any_range_unit,                   // "units=0-4" read as bytes
  // Upgrade, OPTIONS, Expect, limits
  upgrade_to_websocket,             // any Upgrade gets 101 to websocket
  upgrade_http10,                   // switches even for HTTP/1.0
  reject_options_asterisk,
  options_without_allow,
  options_200_without_length,       // 200, no content, no Content-Length, then close
  continue_to_http10,
  silent_close_on_big_head,         // a head over 32 KiB: closed without a word
  no_header_timeout,                // a partial head is held forever
  // representation fields of responses
  no_content_type,
  unquoted_etag,
  rfc850_last_modified,
  future_last_modified,             // Last-Modified after the response's Date
  content_length_with_chunked,
};

// What lenient parsers make of a request head: the head from `start` up to its empty
// line rewritten as such a parser reads it (scripted_lax.cpp). False while incomplete.
bool lax_rewrite_head(std::string& buffer, std::size_t start);
// A chunk-size line read by strtoull: junk after the digits is ignored.
std::uint64_t lax_chunk_size(std::string_view line);
// Validators of the strict model (scripted_rules.cpp).
bool valid_request_target(std::string_view target);
bool valid_host_value(std::string_view value);
bool valid_chunk_extensions(std::string_view extensions);
bool is_token(std::string_view s);
std::string_view reason(int status);


class scripted_server final : public net::scripted_peer {
 public:
  explicit scripted_server(fault f = fault::none) : fault_(f) {}

  void receive(std::string_view bytes, net::peer_reply& reply) override;
  void end_of_input(net::peer_reply& reply) override;
  void idle(net::peer_reply& reply) override;

  struct request {
    std::string method, target, version;
    int minor = 1;
    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<std::string> raw_lines;  // field lines as received, for the exact-match faults
    std::string body;
    bool expect_continue = false;
    bool close_after = false;  // framing the RFC lets through only if the connection closes

    std::optional<std::string_view> field(std::string_view name) const;
    std::size_t count(std::string_view name) const;
  };

 private:
  struct parse_result {
    enum class kind { incomplete, ready, reject } what = kind::incomplete;
    request req;
    std::size_t consumed = 0;
    int status = 0;
    bool close = false;
    bool send_continue = false;
  };
  struct response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<std::string> raw_lines;  // field lines as received, for the exact-match faults
    std::string body;
    bool chunked = false;
    bool no_content = false;  // HEAD, 204, 304: header section only
    bool delimited_by_close = false;  // no Content-Length: the body ends when the connection does
    std::string interim;      // a 1xx head sent first
  };

  bool is(fault f) const { return fault_ == f; }
  void process(net::peer_reply& reply);
  parse_result parse_one();
  // The message body of `req` at `rest` (RFC 9112 §6.3): how many bytes it took, or a
  // refusal status, or nothing while incomplete. Sets req.body.
  struct body_result;
  body_result read_body(request& req, std::string_view rest) const;
  body_result read_chunked(request& req, std::string_view rest) const;
  // Checks the request line, target and Host; rewrites a lenient method or target into
  // what the model serves. Returns the status of a refusal.
  std::optional<int> normalize(request&) const;
  response route(request const&) const;
  response bytes_resource(request const&, std::size_t n) const;
  void range_response(request const&, std::string_view etag, std::string const& content, response& r) const;
  std::string serialize(request const&, response const&, bool announce_close) const;
  std::string error_response(int status, bool close) const;

  fault fault_;
  std::string in_;
  bool closing_ = false;
  bool continue_sent_ = false;
};

}  // namespace conform::http1::testing
