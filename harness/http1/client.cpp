#include "harness/http1/client.hpp"

#include "harness/engine/context.hpp"
#include "harness/engine/duration.hpp"
#include "harness/net/connection.hpp"

namespace conform::h1 {

std::string describe(reply const& r) {
  switch (r.what) {
    case reply::kind::response: return r.message.summary();
    case reply::kind::closed: return "the connection closed without a response";
    case reply::kind::reset: return "the connection was reset without a response";
    case reply::kind::timeout: return r.detail.empty() ? "no response" : r.detail;
    case reply::kind::malformed: return "a malformed response: " + r.detail;
    case reply::kind::failed: return "a transport failure: " + r.detail;
  }
  return "?";
}

std::string_view to_string(close_state s) {
  switch (s) {
    case close_state::closed: return "closed";
    case close_state::reset: return "reset";
    case close_state::open: return "kept open";
    case close_state::data: return "sent unexpected bytes";
  }
  return "?";
}

client::client(context& cx) : cx_(cx) {
  connect_request req;
  if (cx.target_info().tls) req.alpn = {"http/1.1"};
  conn_ = cx.connect(req);
}

client::~client() {
  if (conn_) conn_->close();
}

bool client::send(std::string_view bytes, std::string_view method) {
  methods_.emplace_back(method);
  return send_more(bytes);
}

bool client::send_more(std::string_view bytes) {
  if (eof_ || reset_) return false;
  auto const status = conn_->write(bytes, cx_.read_deadline());
  if (status == net::io_status::reset) reset_ = true;
  return status == net::io_status::ok;
}

bool client::send_pipelined(std::vector<request> const& requests) {
  std::string bytes;
  for (auto const& r : requests) bytes += r.bytes();
  for (std::size_t i = 1; i < requests.size(); ++i) methods_.emplace_back(requests[i - 1].method());
  return send(bytes, requests.empty() ? "GET" : requests.back().method());
}

bool client::send_pipelined(std::string_view first, std::string_view first_method, request const& next) {
  methods_.emplace_back(first_method);
  return send(std::string(first) + next.bytes(), next.method());
}

bool client::fill(std::optional<std::chrono::steady_clock::time_point> deadline) {
  if (eof_ || reset_ || !failure_.empty()) return false;
  auto const r = conn_->read_some(deadline.value_or(cx_.read_deadline()));
  buffer_.append(r.bytes);
  switch (r.status) {
    case net::io_status::ok: return true;
    case net::io_status::eof: eof_ = true; return false;
    case net::io_status::reset: reset_ = true; return false;
    case net::io_status::timeout: timed_out_ = true; return false;
    case net::io_status::failed: failure_ = conn_->last_error(); return false;
  }
  return false;
}

reply client::receive_until(bool interim_too) {
  reply out;
  reader_.answering(methods_.empty() ? "GET" : methods_.front());
  timed_out_ = false;
  for (;;) {
    if (!buffer_.empty()) buffer_.erase(0, reader_.feed(buffer_));
    if (reader_.current() == response_reader::state::need_more && (eof_ || reset_)) reader_.end_of_input();

    switch (reader_.current()) {
      case response_reader::state::done: {
        auto r = reader_.take();
        // 101 ends HTTP/1.1 on this connection; other 1xx precede the final response.
        if (r.interim() && r.status != 101 && !interim_too) {
          out.interim.push_back(std::move(r));
          continue;
        }
        if (!methods_.empty() && (!r.interim() || r.status == 101)) methods_.pop_front();
        out.what = reply::kind::response;
        out.message = std::move(r);
        return out;
      }
      case response_reader::state::failed:
        out.what = reply::kind::malformed;
        out.detail = reader_.error();
        return out;
      case response_reader::state::need_more: break;
    }
    if (fill()) continue;
    if (!buffer_.empty()) continue;  // bytes arrived with the end of stream
    bool const partial = reader_.started();
    if ((eof_ || reset_) && partial && reader_.current() == response_reader::state::need_more) {
      reader_.end_of_input();  // ends a close-delimited body, or fails a cut-off one
      continue;
    }
    if (!failure_.empty()) {
      out.what = reply::kind::failed;
      out.detail = failure_;
    } else if (reset_) {
      out.what = partial ? reply::kind::malformed : reply::kind::reset;
      out.detail = "the connection was reset in the middle of a response";
    } else if (eof_) {
      out.what = reply::kind::closed;
    } else {
      out.what = reply::kind::timeout;
      out.detail = (partial ? "an incomplete response after " : "no response within ") + format_duration(cx_.read_timeout());
    }
    return out;
  }
}

close_state client::await_close() {
  if (!buffer_.empty()) return close_state::data;
  timed_out_ = false;
  while (fill()) {
    if (!buffer_.empty()) return close_state::data;
  }
  if (!buffer_.empty()) return close_state::data;
  if (reset_) return close_state::reset;
  if (eof_) return close_state::closed;
  return close_state::open;
}

close_state client::await_close_until(std::chrono::steady_clock::time_point until) {
  timed_out_ = false;
  while (fill(std::min(until, cx_.deadline()))) {
  }
  if (reset_) return close_state::reset;
  if (eof_) return close_state::closed;
  return close_state::open;
}

}  // namespace conform::h1
