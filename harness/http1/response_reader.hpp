// A sans-I/O, deliberately tolerant reader of HTTP/1 responses (RFC 9112 §4–§7). It is
// the judge's eye, not a server's parser: it keeps reading through grammar problems,
// noting each one, and fails only where the framing itself cannot be known. It shares
// no code with the reference server (DESIGN.md, principle 2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "harness/http1/message.hpp"

namespace conform::h1 {

class response_reader {
 public:
  struct limits {
    std::size_t max_head = 64u << 10;
    std::size_t max_line = 8u << 10;  // a chunk-size or trailer line
    std::size_t max_body = 16u << 20;
  };
  enum class state { need_more, done, failed };

  response_reader();
  explicit response_reader(limits l);

  // The method of the request the next response answers: responses to HEAD carry no
  // content, nor does a 2xx to CONNECT (RFC 9112 §6.3 items 1–2).
  void answering(std::string_view method);

  // Consumes bytes of the current response from `bytes` and returns how many it took;
  // bytes after a complete response are left for the next one.
  std::size_t feed(std::string_view bytes);
  // The peer closed: this ends a close-delimited body; any other partial response fails.
  void end_of_input();

  state current() const;
  bool started() const { return started_; }
  response take();  // the complete response; the reader is then ready for the next one
  std::string const& error() const { return error_; }
  // The grammar problems noted in the current response so far, also after a failure.
  std::vector<std::string> const& noted() const { return current_.violations; }

 private:
  enum class phase { head, body_length, chunk_size, chunk_data, chunk_data_end, trailers, until_close, complete, failed };

  std::size_t feed_head(std::string_view in);
  std::size_t feed_line(std::string_view in);
  std::size_t feed_counted(std::string_view in);
  void parse_head(std::string_view head);
  bool parse_status_line(std::string_view line);
  void parse_field_line(std::string_view line, std::vector<field>& into);
  void choose_framing();
  void on_line(std::string_view line);
  void on_chunk_size(std::string_view line);
  void fail(std::string why);
  void note(std::string what);

  limits limits_;
  bool head_request_ = false;
  bool connect_request_ = false;
  phase phase_ = phase::head;
  bool started_ = false;
  std::string pending_;           // a partial head or line
  std::uint64_t remaining_ = 0;   // of a Content-Length body or a chunk
  response current_;
  std::string error_;
};

}  // namespace conform::h1
