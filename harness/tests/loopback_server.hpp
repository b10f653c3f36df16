// A throwaway TCP server on 127.0.0.1 for transport and runner tests: each accepted
// connection is handed to `behave` on its own thread (hang, reset, flood, answer).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace conform::testing {

class loopback_server {
 public:
  explicit loopback_server(std::function<void(int fd, std::atomic<bool> const& stop)> behave) : behave_(std::move(behave)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listen_fd_, 64);
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] {
      for (;;) {
        int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0 || stop_) {
          if (fd >= 0) ::close(fd);
          return;
        }
        workers_.emplace_back([this, fd] {
          behave_(fd, stop_);
          ::close(fd);
        });
      }
    });
  }

  ~loopback_server() {
    stop_ = true;
    ::shutdown(listen_fd_, SHUT_RDWR);
    ::close(listen_fd_);
    acceptor_.join();
    for (auto& w : workers_) w.join();
  }

  std::uint16_t port() const { return port_; }

 private:
  std::function<void(int, std::atomic<bool> const&)> behave_;
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  std::vector<std::thread> workers_;
};

// Waits until `stop` or `ms` milliseconds pass, whichever comes first.
inline void idle(std::atomic<bool> const& stop, int ms) {
  for (int i = 0; i < ms / 10 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace conform::testing
