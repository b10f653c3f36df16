#include "reference/http1/response_writer.hpp"

#include <cassert>
#include <charconv>

#include "reference/http1/status_text.hpp"

namespace conform::reference::http1 {
namespace {

void append_number(std::string& out, std::uint64_t value) {
  char digits[20];
  auto const result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

void append_status_line(std::string& out, int status) {
  // Always HTTP/1.1: our highest version (RFC 9110 §6.2), also to HTTP/1.0 clients.
  out.append("HTTP/1.1 ");
  append_number(out, static_cast<std::uint64_t>(status));
  out.push_back(' ');
  out.append(reason_phrase(status));
  out.append("\r\n");
}

// 1xx, 204 and 304 never carry content nor Content-Length (RFC 9110 §8.6, §15.4.5).
bool is_bodiless_status(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace

void response_writer::interim(int status) {
  assert(status >= 100 && status < 200 && context_.version == 11);
  append_status_line(out_, status);
  out_.append("\r\n");
}

void response_writer::start(int status) {
  status_ = status;
  append_status_line(out_, status);
  out_.append("Date: ");
  out_.append(context_.date);
  out_.append("\r\nServer: conform-reference\r\n");
}

void response_writer::field(std::string_view name, std::string_view value) {
  out_.append(name);
  out_.append(": ");
  out_.append(value);
  out_.append("\r\n");
}

void response_writer::field(std::string_view name, std::uint64_t value) {
  out_.append(name);
  out_.append(": ");
  append_number(out_, value);
  out_.append("\r\n");
}

bool response_writer::body_allowed() const { return !context_.head && !is_bodiless_status(status_); }

void response_writer::end_fields() {
  if (!context_.keep_alive) {
    out_.append("Connection: close\r\n");
  } else if (context_.version == 10) {
    out_.append("Connection: keep-alive\r\n");
  }
  out_.append("\r\n");
}

void response_writer::finish(std::string_view body) {
  if (!is_bodiless_status(status_)) field("Content-Length", body.size());
  end_fields();
  if (body_allowed()) out_.append(body);
}

void response_writer::finish_sized(std::uint64_t length, std::unique_ptr<body_producer> producer) {
  if (!is_bodiless_status(status_)) field("Content-Length", length);
  end_fields();
  if (body_allowed() && length > 0) producer_ = std::move(producer);
}

void response_writer::finish_chunked(std::unique_ptr<body_producer> producer) {
  assert(context_.version == 11);
  field("Transfer-Encoding", "chunked");
  end_fields();
  if (body_allowed()) producer_ = std::move(producer);
}

}  // namespace conform::reference::http1
