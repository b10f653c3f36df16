#include "reference/tests/blocking_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "reference/tests/wire.hpp"

namespace conform::reference::test {

struct blocking_client::tls_state {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  ~tls_state() {
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
  }
};

namespace {

int connect_to(std::uint16_t port) {
  int const fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

// Waits until `fd` is ready for `events` or the deadline passes.
bool wait_for(int fd, short events, std::chrono::steady_clock::time_point deadline) {
  auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd, events, 0};
  return ::poll(&p, 1, static_cast<int>(left.count())) > 0;
}

std::string openssl_error() {
  char buf[256];
  ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
  return buf;
}

}  // namespace

blocking_client::blocking_client(std::uint16_t port) : fd_(connect_to(port)) {}

blocking_client::blocking_client(std::uint16_t port, tls_options const& o)
    : fd_(connect_to(port)), tls_(std::make_unique<tls_state>()) {
  tls_->ctx = SSL_CTX_new(TLS_client_method());
  if (o.max_version) SSL_CTX_set_max_proto_version(tls_->ctx, o.max_version);
  SSL_CTX_set_verify(tls_->ctx, SSL_VERIFY_PEER, nullptr);
  BIO* bio = BIO_new_mem_buf(o.ca_pem.data(), static_cast<int>(o.ca_pem.size()));
  X509* ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!ca) throw std::runtime_error("bad CA PEM");
  X509_STORE_add_cert(SSL_CTX_get_cert_store(tls_->ctx), ca);
  X509_free(ca);
  tls_->ssl = SSL_new(tls_->ctx);
  SSL_set_fd(tls_->ssl, fd_);
  SSL_set_tlsext_host_name(tls_->ssl, o.verify_host.c_str());
  X509_VERIFY_PARAM* param = SSL_get0_param(tls_->ssl);
  if (o.verify_host.find_first_not_of("0123456789.:") == std::string::npos) {
    X509_VERIFY_PARAM_set1_ip_asc(param, o.verify_host.c_str());
  } else {
    X509_VERIFY_PARAM_set1_host(param, o.verify_host.c_str(), 0);
  }
  std::string wire;
  for (auto const& p : o.alpn) wire += static_cast<char>(p.size()) + p;
  if (!wire.empty()) {
    SSL_set_alpn_protos(tls_->ssl, reinterpret_cast<unsigned char const*>(wire.data()), static_cast<unsigned>(wire.size()));
  }
  auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (true) {
    int const rc = SSL_connect(tls_->ssl);
    if (rc == 1) break;
    int const err = SSL_get_error(tls_->ssl, rc);
    short const events = err == SSL_ERROR_WANT_READ ? POLLIN : err == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
    if (events == 0) throw std::runtime_error("TLS handshake failed: " + openssl_error());
    if (!wait_for(fd_, events, deadline)) throw std::runtime_error("TLS handshake timed out");
  }
}

blocking_client::~blocking_client() {
  tls_.reset();
  if (fd_ >= 0) ::close(fd_);
}

void blocking_client::send(std::string_view bytes) {
  auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!bytes.empty()) {
    long n = 0;
    if (tls_) {
      int const rc = SSL_write(tls_->ssl, bytes.data(), static_cast<int>(bytes.size()));
      n = rc > 0 ? rc : (SSL_get_error(tls_->ssl, rc) == SSL_ERROR_WANT_WRITE ? 0 : -1);
    } else {
      n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0 && errno == EAGAIN) n = 0;
    }
    if (n < 0) throw std::runtime_error("send failed");
    bytes.remove_prefix(static_cast<std::size_t>(n));
    if (!bytes.empty() && !wait_for(fd_, POLLOUT, deadline)) throw std::runtime_error("send timed out");
  }
}

long blocking_client::read_some(char* data, std::size_t size, std::chrono::steady_clock::time_point deadline) {
  while (true) {
    if (tls_) {
      int const rc = SSL_read(tls_->ssl, data, static_cast<int>(size));
      if (rc > 0) return rc;
      int const err = SSL_get_error(tls_->ssl, rc);
      if (err == SSL_ERROR_ZERO_RETURN) return 0;
      if (err != SSL_ERROR_WANT_READ) return err == SSL_ERROR_SYSCALL ? 0 : -1;
    } else {
      long const n = ::recv(fd_, data, size, 0);
      if (n >= 0) return n;
      if (errno == ECONNRESET) return 0;
      if (errno != EAGAIN) return -1;
    }
    if (!wait_for(fd_, POLLIN, deadline)) return -1;
  }
}

std::string blocking_client::read_responses(std::size_t responses, std::chrono::milliseconds limit) {
  auto const deadline = std::chrono::steady_clock::now() + limit;
  std::string out;
  char buf[65536];
  while (true) {
    auto const parsed = parse_responses(out);
    std::size_t complete = 0;
    for (auto const& r : parsed) complete += (r.complete && r.status >= 200) ? 1 : 0;
    if (complete >= responses) return out;
    long const n = read_some(buf, sizeof buf, deadline);
    if (n <= 0) return out;
    out.append(buf, static_cast<std::size_t>(n));
  }
}

bool blocking_client::read_until_close(std::string& out, std::chrono::milliseconds limit) {
  auto const deadline = std::chrono::steady_clock::now() + limit;
  char buf[65536];
  while (true) {
    long const n = read_some(buf, sizeof buf, deadline);
    if (n == 0) return true;
    if (n < 0) return false;
    out.append(buf, static_cast<std::size_t>(n));
  }
}

std::string blocking_client::alpn() const {
  unsigned char const* p = nullptr;
  unsigned int n = 0;
  if (tls_) SSL_get0_alpn_selected(tls_->ssl, &p, &n);
  return p ? std::string(reinterpret_cast<char const*>(p), n) : std::string();
}

}  // namespace conform::reference::test
