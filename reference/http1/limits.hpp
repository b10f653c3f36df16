// Limits and timeouts of the reference HTTP/1.1 server. Plain values, no behaviour:
// the sans-I/O connection enforces the limits, the transport enforces the timeouts.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace conform::reference {

// Sizes past which a request is refused. Each one names the status it produces.
struct http1_limits {
  std::size_t max_request_line = 8 * 1024;     // longer request-line: 414 (RFC 9112 §3)
  std::size_t max_header_bytes = 16 * 1024;    // larger field section: 431 (RFC 6585 §5)
  std::size_t max_fields = 100;                // more field lines: 431 (RFC 6585 §5)
  std::uint64_t max_body = 1024 * 1024;        // larger content: 413 (RFC 9110 §15.5.14)
  std::size_t max_pending_output = 1024 * 1024;  // stop parsing while this much is unsent
};

// How long the transport waits for each phase of a connection.
struct http1_timeouts {
  std::chrono::milliseconds header{3'000};   // a request header must arrive whole: else 408
  std::chrono::milliseconds idle{30'000};    // keep-alive wait for the next request: silent close
  std::chrono::milliseconds body{30'000};    // longest wait for the next piece of a body: 408
  std::chrono::milliseconds write{30'000};   // longest wait for one write to complete: close
  std::chrono::milliseconds drain{10'000};   // graceful shutdown: force-close after this
};

}  // namespace conform::reference
