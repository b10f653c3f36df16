#include "reference/http1/request_parser.hpp"

#include <boost/beast/http/error.hpp>

#include "reference/http1/ascii.hpp"

namespace conform::reference::http1 {

namespace http = boost::beast::http;

request_parser::request_parser(request& into, header_facts& facts, std::uint64_t max_body)
    : request_(into), facts_(facts), max_body_(max_body) {
  // We enforce the limits ourselves, with statuses Beast does not distinguish: the
  // header scanner has already bounded the header, and the body limit is checked below.
  header_limit(std::numeric_limits<std::uint32_t>::max());
  body_limit(boost::none);
  eager(true);
}

void request_parser::fail(violation v, error_code& ec) {
  found_ = v;
  ec = http::error::bad_value;  // any error stops Beast; found_ says which rule
}

void request_parser::on_request_impl(http::verb, string_view method, string_view target,
                                     int version, error_code&) {
  request_.set_request_line({method.data(), method.size()}, {target.data(), target.size()}, version);
}

void request_parser::on_field_impl(http::field name, string_view name_text, string_view value,
                                   error_code& ec) {
  std::string_view const v{value.data(), value.size()};
  if (facts_.in_trailers) return;  // trailer fields are parsed and dropped (RFC 9110 §6.5.1)
  note_framing_field(name, v, ec);
  if (ec) return;
  request_.add_field({name_text.data(), name_text.size()}, v);
}

void request_parser::note_framing_field(http::field name, std::string_view value, error_code& ec) {
  switch (name) {
    case http::field::host:
      if (facts_.host_lines++ == 0) facts_.host_index = request_.field_count();
      break;
    case http::field::transfer_encoding:
      facts_.transfer_codings.add(value);
      break;
    case http::field::content_length:
      // Beast has refused invalid and differing values; we also refuse a repeated or
      // listed value ("5, 5"), which RFC 9112 §6.3 lets a recipient accept or reject.
      if (++facts_.content_length_lines > 1 || value.find(',') != std::string_view::npos) {
        fail(violation::content_length_duplicate, ec);
      }
      break;
    case http::field::expect:
      for_each_list_element(value, [this](std::string_view e) {
        if (iequals(e, "100-continue")) {
          facts_.expect_continue = true;
        } else {
          facts_.expect_other = true;
        }
      });
      break;
    default:
      break;
  }
}

std::size_t request_parser::on_body_impl(string_view body, error_code&) {
  if (keep_body_) request_.body().append(body.data(), body.size());
  return body.size();
}

void request_parser::on_chunk_header_impl(std::uint64_t size, string_view extensions, error_code& ec) {
  // Beast's quoted-string lets a bare LF through (an HTTP Garden finding); a chunk
  // extension holds no control byte but HTAB.
  for (unsigned char c : extensions)
    if ((c < 0x20 && c != '\t') || c == 0x7f) return fail(violation::chunk_invalid, ec);
  if (size == 0) {
    facts_.in_trailers = true;
    return;
  }
  facts_.body_bytes += size;
  if (facts_.body_bytes > max_body_) fail(violation::body_too_large, ec);
}

std::size_t request_parser::on_chunk_body_impl(std::uint64_t, string_view body, error_code&) {
  if (keep_body_) request_.body().append(body.data(), body.size());
  return body.size();
}

namespace {

// "Name : value": Beast says bad_field for both a bad name and whitespace before the colon.
violation classify_bad_field(std::string_view line) {
  std::size_t const colon = line.find(':');
  std::size_t const space = line.find_first_of(" \t");
  if (space != std::string_view::npos && space > 0 && space < colon &&
      line.find_first_not_of(" \t", space) == colon) {
    return violation::field_name_whitespace;
  }
  return violation::field_name_invalid;
}

std::string_view field_value_of(std::string_view line) {
  std::size_t const colon = line.find(':');
  if (colon == std::string_view::npos) return {};
  std::string_view value = line.substr(colon + 1);
  return trim_ows(value.substr(0, value.find('\r')));
}

}  // namespace

violation classify_parse_error(boost::beast::error_code ec, std::string_view failing_line,
                               header_facts& facts) {
  using e = http::error;
  if (ec == e::bad_method) return violation::method_invalid;
  if (ec == e::bad_target) return violation::target_invalid;
  if (ec == e::bad_version) return violation::version_malformed;
  if (ec == e::bad_line_ending) return violation::bare_cr;
  if (ec == e::bad_field) return classify_bad_field(failing_line);
  if (ec == e::bad_value) return violation::field_value_invalid;
  if (ec == e::multiple_content_length) return violation::content_length_conflict;
  if (ec == e::bad_content_length) {
    // Beast also says this for a Content-Length after "Transfer-Encoding: chunked".
    return facts.transfer_codings.present() ? violation::te_with_content_length
                                            : violation::content_length_invalid;
  }
  if (ec == e::bad_transfer_encoding) {
    // Beast refuses a Transfer-Encoding line after a Content-Length or after one that
    // ended in chunked; which rule that breaks depends on the refused line's codings.
    if (facts.content_length_lines > 0) return violation::te_with_content_length;
    facts.transfer_codings.add(field_value_of(failing_line));
    violation const v = facts.transfer_codings.verdict();
    return v == violation::none ? violation::te_chunked_twice : v;
  }
  if (ec == e::bad_chunk || ec == e::bad_chunk_extension) return violation::chunk_invalid;
  if (ec == e::header_limit) return violation::header_section_too_large;
  if (ec == e::body_limit) return violation::body_too_large;
  return violation::request_malformed;
}

}  // namespace conform::reference::http1
