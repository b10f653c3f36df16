// A tiny blocking HTTP client for the end-to-end tests: POSIX sockets and OpenSSL, no
// Asio, a deadline on every read so a test can fail but never hang.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace conform::reference::test {

struct tls_options {
  std::string ca_pem;                     // trust exactly this certificate
  std::string verify_host = "localhost";  // name checked against the certificate
  std::vector<std::string> alpn{"http/1.1"};
  int max_version = 0;  // e.g. TLS1_1_VERSION; 0 = library default
};

class blocking_client {
 public:
  // Connects to 127.0.0.1:port; throws std::runtime_error on failure.
  explicit blocking_client(std::uint16_t port);
  // Connects and handshakes; throws std::runtime_error with OpenSSL's reason on failure.
  blocking_client(std::uint16_t port, tls_options const& tls);
  ~blocking_client();
  blocking_client(blocking_client const&) = delete;
  blocking_client& operator=(blocking_client const&) = delete;

  void send(std::string_view bytes);
  // Reads until `responses` complete responses have arrived (or EOF, or the deadline);
  // returns everything read.
  std::string read_responses(std::size_t responses = 1, std::chrono::milliseconds deadline = std::chrono::seconds(5));
  // Reads until the server closes (or the deadline); true if it closed in time.
  bool read_until_close(std::string& out, std::chrono::milliseconds deadline = std::chrono::seconds(5));
  std::string alpn() const;  // the negotiated protocol

 private:
  // Up to `size` bytes within `deadline`: >0 bytes read, 0 EOF, -1 timeout or error.
  long read_some(char* data, std::size_t size, std::chrono::steady_clock::time_point deadline);
  struct tls_state;
  int fd_ = -1;
  std::unique_ptr<tls_state> tls_;
};

}  // namespace conform::reference::test
