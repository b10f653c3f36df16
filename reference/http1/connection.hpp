// One HTTP/1.1 server connection, sans I/O: bytes in, response bytes out.
//
// The transport reads into input_space() and calls commit_input(); the connection
// parses every complete request buffered, in order (pipelining), and appends each
// response to one output buffer that the transport writes whole and acknowledges with
// consume_output(). Parsing pauses while max_pending_output bytes are unsent or a large
// body is still being produced, and resumes as the output drains (backpressure).
// Once finished() the transport closes the connection.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "reference/http1/body_producer.hpp"
#include "reference/http1/byte_buffer.hpp"
#include "reference/http1/limits.hpp"
#include "reference/http1/request_reader.hpp"
#include "reference/http1/router.hpp"
#include "reference/http1/upgrade.hpp"
#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

class connection {
 public:
  explicit connection(http1_limits const& limits = {});

  // The IMF-fixdate every response's Date carries; the view must stay valid (the
  // transport points it at a per-thread cache it rewrites in place each second).
  void set_date(std::string_view date) { date_ = date; }

  // Input.
  std::span<char> input_space(std::size_t at_least = 16 * 1024) { return in_.prepare(at_least); }
  void commit_input(std::size_t n);
  void feed(std::string_view bytes);  // copies `bytes` in, then commit_input()
  void on_peer_eof();                 // the peer will send nothing more
  void on_read_timeout();             // idle: close silently; mid-request: 408 and close
  void begin_shutdown();              // graceful: finish what is in flight, then close

  // Output.
  std::string_view output() const { return {out_.data() + out_sent_, out_.size() - out_sent_}; }
  void consume_output(std::size_t n);

  // State.
  enum class phase { idle, header, body, closing };
  phase current_phase() const;  // which read timeout applies
  bool wants_input() const;     // the transport should read more
  bool finished() const;        // close once output() is empty; it is now
  violation last_violation() const { return last_violation_; }
  std::uint64_t responses() const { return responses_; }

  // Protocol switch (RFC 9110 §7.8): a request to an upgrade endpoint that its check
  // accepts stops HTTP/1.1 on this connection; the transport hands the connection,
  // this request and any bytes read past it to that protocol.
  bool upgrade_ready() const { return upgrade_ && pending() == 0; }
  request const& upgrade_request() const { return reader_.current(); }
  std::string_view unread_input() const { return in_.readable(); }

 private:
  void process();
  void on_header_done();
  void on_request_done();
  void reject(violation v);
  void on_upgrade_request();
  void pump();
  response_context context_for(request const& req, bool keep_alive) const;
  std::size_t pending() const { return out_.size() - out_sent_; }
  bool paused() const { return producer_ != nullptr || pending() >= limits_.max_pending_output; }

  http1_limits limits_;
  request_reader reader_;
  byte_buffer in_;
  std::string out_;
  std::size_t out_sent_ = 0;
  std::unique_ptr<body_producer> producer_;
  std::string_view date_ = "Thu, 01 Jan 1970 00:00:00 GMT";
  route_decision decision_;
  upgrade_check upgrade_check_ = nullptr;  // the current request goes to an upgrade endpoint
  bool upgrade_ = false;                   // switched: HTTP/1.1 is over on this connection
  bool closing_ = false;         // no more requests: close once the output is written
  bool peer_done_ = false;
  bool draining_ = false;
  violation last_violation_ = violation::none;
  std::uint64_t responses_ = 0;
};

}  // namespace conform::reference::http1
