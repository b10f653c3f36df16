#include "harness/net/connection.hpp"

#include <algorithm>

#include "harness/engine/transcript.hpp"

namespace conform::net {

std::string_view to_string(io_status s) {
  switch (s) {
    case io_status::ok: return "ok";
    case io_status::eof: return "closed by peer";
    case io_status::reset: return "connection reset by peer";
    case io_status::timeout: return "timed out";
    case io_status::failed: return "failed";
  }
  return "?";
}

connection::connection(transcript& log, int id) : log_(log), id_(id) {}

connection::~connection() = default;

io_status connection::write(std::string_view bytes, clock::time_point deadline) {
  if (closed_) {
    error_ = "write after close";
    return io_status::failed;
  }
  log_.sent(id_, bytes);
  auto const status = do_write(bytes, deadline, error_);
  if (status != io_status::ok) record_status(status, "while sending");
  return status;
}

read_result connection::read_some(clock::time_point deadline) {
  if (closed_) {
    error_ = "read after close";
    return {io_status::failed, {}};
  }
  if (received_ >= receive_cap) {
    error_ = "the target sent more than " + std::to_string(receive_cap >> 20) + " MiB on one connection; reading stopped";
    return {io_status::failed, {}};
  }
  std::size_t const room = std::min(buffer_.size(), receive_cap - received_);
  std::size_t got = 0;
  auto const status = do_read(buffer_.data(), room, got, deadline, error_);
  if (got > 0) {
    received_ += got;
    log_.received(id_, {buffer_.data(), got});
  }
  if (status != io_status::ok) record_status(status, "while waiting for data");
  return {status, {buffer_.data(), got}};
}

void connection::shutdown_send() {
  if (closed_) return;
  log_.note(id_, "we half-closed (no more data from us)");
  do_shutdown_send();
}

void connection::close() {
  if (closed_) return;
  closed_ = true;
  do_close();
}

void connection::record_status(io_status s, std::string_view during) {
  std::string text(to_string(s));
  if (s == io_status::failed && !error_.empty()) text += ": " + error_;
  text += " ";
  text += during;
  log_.note(id_, text);
}

}  // namespace conform::net
