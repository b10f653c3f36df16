// A byte stream to a target with a deadline on every operation, recorded into the
// case's transcript. No Asio here: TCP/TLS live in dial.cpp, the in-memory peer used by
// self-tests in memory_connection.hpp.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace conform {
class transcript;
}

namespace conform::net {

using clock = std::chrono::steady_clock;

enum class io_status {
  ok,
  eof,      // the peer closed its sending side cleanly
  reset,    // the peer reset the connection
  timeout,  // the deadline passed first
  failed,   // anything else; see last_error()
};

std::string_view to_string(io_status);

struct read_result {
  io_status status = io_status::ok;
  std::string_view bytes;  // valid until the next read
};

class connection {
 public:
  connection(transcript& log, int id);
  virtual ~connection();
  connection(connection const&) = delete;
  connection& operator=(connection const&) = delete;

  // Writes all of `bytes` or fails.
  io_status write(std::string_view bytes, clock::time_point deadline);
  // Waits for at least one byte, end of stream, an error or the deadline. After the
  // connection has delivered `receive_cap` bytes in all, it reads no more (a flood
  // ends as `failed` with last_error() saying so).
  read_result read_some(clock::time_point deadline);
  // Half-close: we send no more, the peer may still answer.
  void shutdown_send();
  void close();

  int id() const { return id_; }
  std::string const& last_error() const { return error_; }
  virtual std::string_view negotiated_alpn() const { return {}; }

  static constexpr std::size_t receive_cap = 64u << 20;

 protected:
  // Implementations report how many bytes they read into `into`, or why they could not.
  virtual io_status do_write(std::string_view bytes, clock::time_point deadline, std::string& error) = 0;
  virtual io_status do_read(char* into, std::size_t size, std::size_t& got,
                            clock::time_point deadline, std::string& error) = 0;
  virtual void do_shutdown_send() = 0;
  virtual void do_close() = 0;

  transcript& log_;

 private:
  void record_status(io_status, std::string_view during);

  int id_;
  std::string error_;
  std::size_t received_ = 0;
  bool closed_ = false;
  std::array<char, 16384> buffer_{};
};

}  // namespace conform::net
