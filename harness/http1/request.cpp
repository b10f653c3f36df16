#include "harness/http1/request.hpp"

#include <cstdio>

#include "harness/engine/target.hpp"

namespace conform::h1 {

request::request(std::string_view method, std::string_view target, std::string_view version)
    : method_(method) {
  request_line_.append(method).append(" ").append(target);
  if (!version.empty()) request_line_.append(" ").append(version);
}

request& request::line_ending(std::string_view eol) {
  eol_ = eol;
  return *this;
}

request& request::header(std::string_view name, std::string_view value) {
  std::string line(name);
  line.append(": ").append(value);
  lines_.push_back(std::move(line));
  return *this;
}

request& request::host(target const& t) { return header("Host", t.authority()); }

request& request::raw_line(std::string_view line) {
  lines_.emplace_back(line);
  return *this;
}

request& request::content(std::string_view body) {
  header("Content-Length", std::to_string(body.size()));
  body_ = body;
  return *this;
}

request& request::body(std::string_view bytes) {
  body_ = bytes;
  return *this;
}

request& request::prefix(std::string_view bytes) {
  prefix_ = bytes;
  return *this;
}

std::string request::bytes() const {
  std::string out = prefix_ + request_line_ + eol_;
  for (auto const& l : lines_) out.append(l).append(eol_);
  out.append(eol_);
  out.append(body_);
  return out;
}

chunked& chunked::chunk(std::string_view data) {
  char size[24];
  std::snprintf(size, sizeof size, "%zx", data.size());
  return chunk_with_size_line(size, data);
}

chunked& chunked::chunk_with_size_line(std::string_view size_line, std::string_view data) {
  out_.append(size_line).append("\r\n").append(data).append("\r\n");
  return *this;
}

chunked& chunked::last(std::vector<std::string> trailers) {
  out_.append("0\r\n");
  for (auto const& t : trailers) out_.append(t).append("\r\n");
  out_.append("\r\n");
  return *this;
}

chunked& chunked::raw(std::string_view bytes) {
  out_.append(bytes);
  return *this;
}

}  // namespace conform::h1
