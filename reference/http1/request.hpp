// One parsed request: request-line, field lines in received order (duplicates kept),
// body, and what the checks derived from them. Reused from request to request so a
// keep-alive connection stops allocating once its buffers have grown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/http1/ascii.hpp"
#include "reference/http1/method.hpp"

namespace conform::reference::http1 {

class request {
 public:
  request();

  // Forgets the previous request but keeps the storage.
  void clear();

  // Filled by the parser, in wire order.
  void set_request_line(std::string_view method_text, std::string_view target, int version);
  void add_field(std::string_view name, std::string_view value);
  std::string& body() { return body_; }

  method verb() const { return method_; }
  std::string_view method_text() const { return view(method_text_); }
  std::string_view target() const { return view(target_); }
  int version() const { return version_; }  // 10 or 11
  std::string const& body() const { return body_; }

  std::size_t field_count() const { return fields_.size(); }
  std::string_view field_name(std::size_t i) const { return view(fields_[i].name); }
  std::string_view field_value(std::size_t i) const { return view(fields_[i].value); }
  // The first value of the field called `name` (case-insensitive), if any.
  std::optional<std::string_view> find(std::string_view name) const;
  std::size_t count(std::string_view name) const;

  // Derived by the request checks once the header is complete.
  std::string_view path() const { return view(path_); }    // target path, no query
  std::string_view query() const { return view(query_); }  // after '?', without it
  void set_path(std::string_view path, std::string_view query);
  std::optional<std::uint64_t> content_length;
  bool chunked = false;
  bool expect_continue = false;  // "Expect: 100-continue" on an HTTP/1.1 request
  bool keep_alive = true;        // what the client asked for (RFC 9112 §9.3)

 private:
  // Offsets into text_: views would dangle when text_ grows.
  struct slice {
    std::uint32_t at = 0;
    std::uint32_t size = 0;
  };
  struct field_line {
    slice name;
    slice value;
  };
  slice store(std::string_view s);
  slice slice_of(std::string_view inside_text) const;
  std::string_view view(slice s) const { return {text_.data() + s.at, s.size}; }

  method method_ = method::unknown;
  int version_ = 11;
  slice method_text_, target_, path_, query_;
  std::vector<field_line> fields_;
  std::string text_;  // method, target and every field name and value, back to back
  std::string body_;
};

}  // namespace conform::reference::http1
