// One thread, its io_context and the connections living on it. A connection stays on
// one worker for its whole life, so a session needs no strand or lock: one worker per
// thread, like one nginx worker per process. Internal to the transport.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <optional>
#include <thread>
#include <unordered_set>

#include "reference/http1/limits.hpp"
#include "reference/server/date_cache.hpp"
#include "reference/websocket/limits.hpp"

namespace conform::reference {

// What a worker needs of the sessions it holds.
class session_handle {
 public:
  virtual void begin_shutdown() = 0;  // finish in-flight work, close when idle
  virtual void force_close() = 0;     // the drain deadline passed

 protected:
  ~session_handle() = default;
};

class worker {
 public:
  worker(http1_limits const& limits, http1_timeouts const& timeouts, websocket_limits const& ws = {})
      : limits_(limits), timeouts_(timeouts), ws_(ws), guard_(ioc_.get_executor()), drain_timer_(ioc_) {}

  boost::asio::io_context& context() { return ioc_; }
  http1_limits const& limits() const { return limits_; }
  http1_timeouts const& timeouts() const { return timeouts_; }
  websocket_limits const& websocket() const { return ws_; }
  date_cache& date() { return date_; }

  void start() {
    thread_ = std::thread([this] {
      for (;;) {
        try {
          ioc_.run();
          return;
        } catch (...) {
          // A handler threw; its session is gone. Keep serving the others.
        }
      }
    });
  }
  void join() {
    if (thread_.joinable()) thread_.join();
  }

  // On the worker's thread.
  void add(session_handle* s) {
    sessions_.insert(s);
    if (stopping_) s->begin_shutdown();
  }
  void remove(session_handle* s) {
    sessions_.erase(s);
    if (stopping_ && sessions_.empty()) drain_timer_.cancel();
  }
  void begin_shutdown() {
    stopping_ = true;
    guard_.reset();  // run() returns once the last session and timer are done
    for (session_handle* s : sessions_) s->begin_shutdown();
    if (sessions_.empty()) return;
    drain_timer_.expires_after(timeouts_.drain);
    drain_timer_.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      std::unordered_set<session_handle*> const stuck = sessions_;
      for (session_handle* s : stuck) s->force_close();
    });
  }

 private:
  http1_limits limits_;
  http1_timeouts timeouts_;
  websocket_limits ws_;
  boost::asio::io_context ioc_{1};
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard_;
  boost::asio::steady_timer drain_timer_;
  std::unordered_set<session_handle*> sessions_;
  bool stopping_ = false;
  date_cache date_;
  std::thread thread_;
};

}  // namespace conform::reference
