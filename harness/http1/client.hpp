// The HTTP/1 peer verbs cases are written in: send bytes, receive the next response,
// wait for the target to close. Built on a connection from the context, so the same
// case runs against a real target or a scripted peer.
#pragma once

#include <deque>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/http1/message.hpp"
#include "harness/http1/request.hpp"
#include "harness/http1/response_reader.hpp"

namespace conform {
class context;
namespace net {
class connection;
}
}  // namespace conform

namespace conform::h1 {

// What came back for one request.
struct reply {
  enum class kind {
    response,   // a complete final response (interim 1xx ones are in `interim`)
    closed,     // the target closed the connection before any byte of a response
    reset,      // the target reset the connection before any byte of a response
    timeout,    // nothing complete within the read timeout
    malformed,  // bytes that cannot be framed as a response; see `detail`
    failed,     // the transport failed; see `detail`
  };

  kind what = kind::timeout;
  response message;
  std::vector<response> interim;
  std::string detail;

  bool ok() const { return what == kind::response; }
  bool is(int status) const { return ok() && message.status == status; }
};

// "400 Bad Request", "no response within 2 s", "a malformed response: …"
std::string describe(reply const&);

// Whether, and how, the target ended the connection.
enum class close_state {
  closed,  // clean end of stream
  reset,   // connection reset
  open,    // still open when the wait ended
  data,    // it sent more bytes instead (no request was pending)
};
std::string_view to_string(close_state);

class client {
 public:
  explicit client(context& cx);
  ~client();

  // Writes the bytes; false when the transport failed (a target may close early and
  // still have answered: receive() tells).
  bool send(std::string_view bytes, std::string_view method = "GET");
  bool send(request const& r) { return send(r.bytes(), r.method()); }
  // More bytes of a request already sent (a body held back for 100-continue).
  bool send_more(std::string_view bytes);
  // Several requests in one write, as a pipelining client (or a smuggler) sends them.
  bool send_pipelined(std::vector<request> const& requests);
  // Raw request bytes and a request after them, in one write (a framing probe and its canary).
  bool send_pipelined(std::string_view first, std::string_view first_method, request const& next);
  // The next final response, for the oldest request not yet answered.
  reply receive() { return receive_until(false); }
  // The next response, interim (1xx) ones included.
  reply receive_next() { return receive_until(true); }
  reply exchange(request const& r) {
    send(r);
    return receive();
  }
  // Waits (up to the read timeout) for the target to close the connection.
  close_state await_close();
  // Waits until `until` for the close, reading through anything the target sends
  // first (a 408 before closing); `open` if the deadline came first.
  close_state await_close_until(std::chrono::steady_clock::time_point until);
  // Bytes received and not part of any response read so far.
  std::string const& unread() const { return buffer_; }

 private:
  // Reads more (until `deadline`, else the read timeout); false when no more can come.
  bool fill(std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt);
  reply receive_until(bool interim_too);

  context& cx_;
  std::unique_ptr<net::connection> conn_;
  response_reader reader_;
  std::string buffer_;
  std::deque<std::string> methods_;
  bool eof_ = false;
  bool reset_ = false;
  bool timed_out_ = false;
  std::string failure_;
};

}  // namespace conform::h1
