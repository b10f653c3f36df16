// Beast's HTTP/1.1 request parser, collecting into a reusable `request` and adding
// the per-field checks Beast does not make. Beast's basic_parser<true> is compiled
// once in common/asio_impl.cpp; only request_reader.cpp and tests include this.
#pragma once

#include <boost/beast/http/basic_parser.hpp>
#include <cstdint>
#include <string_view>

#include "reference/http1/request.hpp"
#include "reference/http1/transfer_coding.hpp"
#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

// What the field lines said about framing and routing, gathered while parsing.
struct header_facts {
  transfer_coding_list transfer_codings;
  int content_length_lines = 0;
  int host_lines = 0;
  std::size_t host_index = 0;   // field index of the (first) Host line
  bool expect_other = false;    // an expectation other than 100-continue
  bool expect_continue = false;
  bool in_trailers = false;     // the final chunk was seen
  std::uint64_t body_bytes = 0;  // chunked: the sum of the chunk sizes so far
};

class request_parser final : public boost::beast::http::basic_parser<true> {
 public:
  using error_code = boost::beast::error_code;
  using string_view = boost::beast::string_view;

  // Fields and, if keep_body(), the body go into `into`; framing facts into `facts`.
  request_parser(request& into, header_facts& facts, std::uint64_t max_body);

  void keep_body(bool keep) { keep_body_ = keep; }
  // The violation a callback found, if it stopped the parser.
  violation found() const { return found_; }

 private:
  void on_request_impl(boost::beast::http::verb, string_view method, string_view target,
                       int version, error_code& ec) override;
  void on_response_impl(int, string_view, int, error_code&) override {}
  void on_field_impl(boost::beast::http::field name, string_view name_text, string_view value,
                     error_code& ec) override;
  void on_header_impl(error_code&) override {}
  void on_body_init_impl(boost::optional<std::uint64_t> const&, error_code&) override {}
  std::size_t on_body_impl(string_view body, error_code& ec) override;
  void on_chunk_header_impl(std::uint64_t size, string_view extensions, error_code& ec) override;
  std::size_t on_chunk_body_impl(std::uint64_t remain, string_view body, error_code& ec) override;
  void on_finish_impl(error_code&) override {}

  void note_framing_field(boost::beast::http::field name, std::string_view value, error_code& ec);
  void fail(violation v, error_code& ec);

  request& request_;
  header_facts& facts_;
  std::uint64_t max_body_;
  bool keep_body_ = false;
  violation found_ = violation::none;
};

// Which rule a Beast parse error broke. `failing_line` is the input from where the
// parser stopped (Beast stops at the start of the field line it refused).
violation classify_parse_error(boost::beast::error_code ec, std::string_view failing_line,
                               header_facts& facts);

}  // namespace conform::reference::http1
