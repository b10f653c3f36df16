// Turns the bytes of a connection into requests, one at a time: the header scanner,
// then Beast's parser, then the request checks. Beast stays inside request_reader.cpp.
#pragma once

#include <memory>

#include "reference/http1/byte_buffer.hpp"
#include "reference/http1/header_scanner.hpp"
#include "reference/http1/limits.hpp"
#include "reference/http1/request.hpp"
#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

struct header_facts;

class request_reader {
 public:
  explicit request_reader(http1_limits const& limits);
  ~request_reader();
  request_reader(request_reader const&) = delete;
  request_reader& operator=(request_reader const&) = delete;

  enum class event {
    need_more,     // everything buffered is used; read more
    header_done,   // the header is complete and passed the checks; the body comes next
    request_done,  // the whole request, body included, has been read
    rejected,      // the request broke a rule: see rejection(); the connection must close
  };
  // Reads from `in` up to the next event, consuming what it used. After header_done,
  // call again to read the body (request_done comes at once when there is none).
  event read(byte_buffer& in);

  request& current() { return request_; }
  request const& current() const { return request_; }
  violation rejection() const { return rejection_; }
  // After header_done: whether a body follows, and whether to keep it in current().
  bool expects_body() const;
  void keep_body(bool keep);
  // No byte of the next request has arrived (empty lines before it do not count).
  bool at_request_start() const { return phase_ == phase::start; }
  bool in_body() const { return phase_ == phase::body; }
  // After request_done: forget the request and get ready for the next one.
  void next();

 private:
  enum class phase { start, header, body, done, failed };
  event skip_empty_lines(byte_buffer& in);
  event read_header(byte_buffer& in);
  event parse_header(byte_buffer& in, header_scan const& scan);
  event read_body(byte_buffer& in);
  event reject(violation v);

  struct parser_slot;  // Beast's parser, re-created in place for each request
  http1_limits limits_;
  phase phase_ = phase::start;
  violation rejection_ = violation::none;
  header_scanner scanner_;
  request request_;
  std::unique_ptr<header_facts> facts_;
  std::unique_ptr<parser_slot> slot_;
};

}  // namespace conform::reference::http1
