#include "reference/http1/request_reader.hpp"

#include <boost/beast/http/error.hpp>
#include <cctype>
#include <optional>

#include "reference/http1/request_checks.hpp"
#include "reference/http1/request_line.hpp"
#include "reference/http1/request_parser.hpp"

namespace conform::reference::http1 {

struct request_reader::parser_slot {
  // Beast's parser cannot be reset, so each request gets a fresh one in this slot:
  // constructing it allocates nothing.
  std::optional<request_parser> parser;
};

namespace {

boost::asio::const_buffer as_buffer(std::string_view bytes) { return {bytes.data(), bytes.size()}; }

// The unconsumed bytes of a chunked body that Beast is still waiting on: a chunk-size
// line, or after a zero-size chunk, the trailer section.
bool is_last_chunk(std::string_view pending) {
  if (pending.substr(0, 2) == "\r\n") pending.remove_prefix(2);  // the previous chunk's CRLF
  std::size_t const digits = pending.find_first_not_of('0');
  if (digits == 0) return false;
  return digits == std::string_view::npos || !std::isxdigit(static_cast<unsigned char>(pending[digits]));
}

}  // namespace

request_reader::request_reader(http1_limits const& limits)
    : limits_(limits), facts_(std::make_unique<header_facts>()), slot_(std::make_unique<parser_slot>()) {}

request_reader::~request_reader() = default;

void request_reader::next() {
  phase_ = phase::start;
  rejection_ = violation::none;
  scanner_.reset();
  request_.clear();
  *facts_ = header_facts{};
  slot_->parser.reset();
}

bool request_reader::expects_body() const { return phase_ == phase::body; }

void request_reader::keep_body(bool keep) {
  if (slot_->parser) slot_->parser->keep_body(keep);
}

request_reader::event request_reader::reject(violation v) {
  phase_ = phase::failed;
  rejection_ = v;
  return event::rejected;
}

request_reader::event request_reader::read(byte_buffer& in) {
  switch (phase_) {
    case phase::start:
      return skip_empty_lines(in);
    case phase::header:
      return read_header(in);
    case phase::body:
      return read_body(in);
    case phase::done:
      return event::request_done;
    case phase::failed:
      return event::rejected;
  }
  return event::rejected;
}

request_reader::event request_reader::skip_empty_lines(byte_buffer& in) {
  violation why = violation::none;
  in.consume(scanner_.skip_empty_lines(in.readable(), why));
  if (why != violation::none) return reject(why);
  if (in.empty() || in.readable().front() == '\r') return event::need_more;  // "\r" awaits its LF
  phase_ = phase::header;
  return read_header(in);
}

request_reader::event request_reader::read_header(byte_buffer& in) {
  header_scan const scan = scanner_.scan(in.readable(), limits_);
  switch (scan.result) {
    case header_scan::state::need_more:
      return event::need_more;
    case header_scan::state::rejected:
      return reject(scan.why);
    case header_scan::state::complete:
      break;
  }
  return parse_header(in, scan);
}

request_reader::event request_reader::parse_header(byte_buffer& in, header_scan const& scan) {
  version_check const version = check_version(in.readable().substr(0, scan.request_line_size));
  if (version.why != violation::none) return reject(version.why);
  if (version.rewrite_minor_at != std::string_view::npos) in.readable_data()[version.rewrite_minor_at] = '1';

  auto& parser = slot_->parser.emplace(request_, *facts_, limits_.max_body);
  std::string_view const header = in.readable().substr(0, scan.header_size);
  boost::beast::error_code ec;
  std::size_t const used = parser.put(as_buffer(header), ec);
  if (ec) {
    if (parser.found() != violation::none) return reject(parser.found());
    return reject(classify_parse_error(ec, header.substr(used), *facts_));
  }
  if (!parser.is_header_done()) return reject(violation::request_malformed);
  std::optional<std::uint64_t> content_length;
  if (auto const beast_length = parser.content_length()) content_length = *beast_length;
  if (violation const v = check_request(request_, *facts_, content_length, limits_); v != violation::none) {
    return reject(v);
  }
  request_.keep_alive = parser.keep_alive();
  in.consume(scan.header_size);
  phase_ = parser.is_done() ? phase::done : phase::body;
  return event::header_done;
}

request_reader::event request_reader::read_body(byte_buffer& in) {
  auto& parser = *slot_->parser;
  while (!parser.is_done()) {
    // Beast asserts (in debug builds) that a last chunk is resumed with at least the 5
    // bytes of "0\r\n\r\n", yet asks for more after 3 or 4. A last chunk is never
    // shorter, so waiting for 5 changes nothing but keeps debug builds alive.
    if (request_.chunked && in.size() < 5 && is_last_chunk(in.readable())) return event::need_more;
    boost::beast::error_code ec;
    std::size_t const used = parser.put(as_buffer(in.readable()), ec);
    in.consume(used);
    if (ec == boost::beast::http::error::need_more || (!ec && used == 0)) {
      // Beast buffers nothing itself: an unfinished chunk-size line or trailer section
      // stays in `in` until complete, so bound it here (RFC 9112 §7.1.1, §7.1.2).
      if (in.size() > limits_.max_header_bytes) {
        return reject(is_last_chunk(in.readable()) ? violation::trailer_section_too_large
                                                   : violation::chunk_line_too_long);
      }
      return event::need_more;
    }
    if (ec) {
      if (parser.found() != violation::none) return reject(parser.found());
      return reject(classify_parse_error(ec, {}, *facts_));
    }
  }
  phase_ = phase::done;
  return event::request_done;
}

}  // namespace conform::reference::http1
