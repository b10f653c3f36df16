// The HTTP/2 transport loop of one connection (h2c by prior knowledge, or TLS with ALPN
// "h2"): write what the sans-I/O http2::connection produced, else read more, until it
// is done. Included by session.cpp only; the session owns the socket, the timer and
// the deadlines, and hands them over through `h2_hooks`.
#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <array>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "reference/http2/connection.hpp"
#include "reference/server/worker.hpp"

namespace conform::reference {

// RFC 9113 §3.3: a client with prior knowledge starts with the connection preface. The
// first read is enough to tell it from HTTP/1.1: "PRI" is no method we serve.
inline bool starts_like_h2_preface(std::string_view first_bytes) {
  std::size_t const n = std::min(first_bytes.size(), http2::connection_preface.size());
  return n >= 3 && first_bytes.substr(0, n) == http2::connection_preface.substr(0, n);
}

struct h2_hooks {
  worker& w;
  std::function<void(std::chrono::milliseconds)> set_deadline;
  bool const& forced;     // force_close(): stop now
  bool& timed_out;        // the watchdog cancelled the read
  bool& reading;          // a read is pending (so begin_shutdown may cancel it)
  bool const& shutdown;   // begin_shutdown(): GOAWAY and finish the open streams
};

template <class Stream>
boost::asio::awaitable<void> serve_h2(Stream& stream, std::string first_bytes, h2_hooks hooks) {
  namespace asio = boost::asio;
  constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
  http2::connection conn;
  conn.set_date(hooks.w.date().text());
  conn.feed(first_bytes);
  bool shutdown_sent = false;
  std::array<char, 16384> buffer{};
  while (!hooks.forced) {
    if (hooks.shutdown && !shutdown_sent) {
      shutdown_sent = true;
      conn.begin_shutdown();
    }
    std::string_view const out = conn.output();
    if (!out.empty()) {
      hooks.set_deadline(hooks.w.timeouts().write);
      auto [ec, n] = co_await asio::async_write(stream, asio::buffer(out.data(), out.size()), use_tuple);
      if (ec) co_return;
      conn.consume_output(n);
      continue;
    }
    if (conn.finished()) co_return;
    hooks.set_deadline(hooks.w.timeouts().idle);
    hooks.reading = true;
    auto [ec, n] = co_await stream.async_read_some(asio::buffer(buffer), use_tuple);
    hooks.reading = false;
    hooks.w.date().refresh();
    conn.set_date(hooks.w.date().text());
    if (!ec) {
      conn.feed(std::string_view(buffer.data(), n));
    } else if (hooks.timed_out) {
      hooks.timed_out = false;
      conn.on_idle_timeout();
    } else if (!(hooks.shutdown && !shutdown_sent)) {
      conn.on_peer_eof();
    }
  }
}

}  // namespace conform::reference
