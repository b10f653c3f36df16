// The raw request builder: writes exactly the bytes a case asks for, valid or not, so
// no case hand-encodes a request inline. Nothing is added behind the case's back: no
// Host, no Content-Length unless asked (`content`, `host`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conform {
struct target;
}

namespace conform::h1 {

class request {
 public:
  // "METHOD SP target SP version" — each part verbatim.
  request(std::string_view method, std::string_view target, std::string_view version = "HTTP/1.1");

  // Every line of the head ends with this (default CRLF; "\n" for bare-LF probes).
  request& line_ending(std::string_view eol);
  // "Name: value"
  request& header(std::string_view name, std::string_view value);
  // Host: the target's authority.
  request& host(target const& t);
  // A line of the head written verbatim ("Host : x", " folded", "\x00bad").
  request& raw_line(std::string_view line);
  // Content-Length: body.size() and the body.
  request& content(std::string_view body);
  // Body bytes with no framing field added (the case sets its own).
  request& body(std::string_view bytes);
  // Bytes placed before the request line (leading empty lines).
  request& prefix(std::string_view bytes);

  std::string_view method() const { return method_; }
  std::string bytes() const;

 private:
  std::string method_;
  std::string eol_ = "\r\n";
  std::string prefix_;
  std::string request_line_;
  std::vector<std::string> lines_;
  std::string body_;
};

// A chunked body, chunk by chunk; each piece written exactly as asked.
class chunked {
 public:
  // A chunk with its size in lowercase hex.
  chunked& chunk(std::string_view data);
  // A chunk whose size line is written verbatim ("5;ext=1", "0x5", "+5").
  chunked& chunk_with_size_line(std::string_view size_line, std::string_view data);
  // The last chunk ("0"), then trailer lines, then the final CRLF.
  chunked& last(std::vector<std::string> trailers = {});
  // Raw bytes appended as they are.
  chunked& raw(std::string_view bytes);
  std::string const& bytes() const { return out_; }

 private:
  std::string out_;
};

}  // namespace conform::h1
