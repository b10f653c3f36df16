// TCP and TLS connections over Asio, driven synchronously with deadlines: each call
// starts one asynchronous operation on the calling thread's io_context and runs it
// until it completes or the deadline passes (then it is cancelled).
#include "harness/net/dial.hpp"

#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include "harness/engine/transcript.hpp"

namespace conform::net {
namespace {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

asio::io_context& thread_io() {
  thread_local asio::io_context io;
  return io;
}

// Runs `io` until `done` or the deadline. On the deadline, `cancel` aborts the pending
// operation and the loop runs on until its handler has seen the abort.
template <class Cancel>
bool run_until(asio::io_context& io, bool const& done, clock::time_point deadline, Cancel cancel) {
  io.restart();
  while (!done && clock::now() < deadline) {
    if (io.run_one_until(deadline) == 0 && io.stopped()) io.restart();
  }
  if (done) return true;
  cancel();
  io.restart();
  while (!done) io.run_one();
  return false;
}

io_status classify(error_code const& ec, std::string& error) {
  if (!ec) return io_status::ok;
  if (ec == asio::error::eof) return io_status::eof;
  if (ec == ssl::error::stream_truncated) return io_status::eof;  // closed without TLS close_notify
  if (ec == asio::error::connection_reset || ec == asio::error::broken_pipe) return io_status::reset;
  if (ec == asio::error::operation_aborted) return io_status::timeout;
  error = ec.message();
  return io_status::failed;
}

bool is_ip_literal(std::string const& host) {
  error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

class asio_connection final : public connection {
 public:
  asio_connection(transcript& log, int id) : connection(log, id), socket_(thread_io()) {}

  void connect(dial_options const& o, clock::time_point deadline) {
    auto& io = thread_io();
    error_code ec;
    tcp::resolver resolver(io);
    auto const endpoints = resolver.resolve(o.host, std::to_string(o.port), ec);
    if (ec) throw connect_error("cannot resolve " + o.host + ": " + ec.message());

    bool done = false;
    asio::async_connect(socket_, endpoints, [&](error_code e, tcp::endpoint const&) { ec = e, done = true; });
    if (!run_until(io, done, deadline, [&] { socket_.close(); }))
      throw connect_error("connecting to " + o.host + ":" + std::to_string(o.port) + " timed out");
    if (ec) throw connect_error("cannot connect to " + o.host + ":" + std::to_string(o.port) + ": " + ec.message());
    socket_.set_option(tcp::no_delay(true), ec);
    if (o.tls) handshake(o, deadline);
  }

  // Waits for the next client on `acceptor` (same thread's io_context); false at the deadline.
  bool accept_from(tcp::acceptor& acceptor, clock::time_point deadline) {
    error_code ec;
    bool done = false;
    acceptor.async_accept(socket_, [&](error_code e) { ec = e, done = true; });
    if (!run_until(thread_io(), done, deadline, [&] { acceptor.cancel(ec); })) return false;
    if (ec) return false;
    socket_.set_option(tcp::no_delay(true), ec);
    return true;
  }

  std::string peer() const {
    error_code ec;
    auto const ep = socket_.remote_endpoint(ec);
    return ec ? std::string("?") : ep.address().to_string() + ":" + std::to_string(ep.port());
  }

  std::string_view negotiated_alpn() const override { return alpn_; }

 private:
  void handshake(dial_options const& o, clock::time_point deadline) {
    context_ = std::make_unique<ssl::context>(ssl::context::tls_client);
    auto const& t = o.tls_settings;
    if (t.insecure) {
      context_->set_verify_mode(ssl::verify_none);
    } else {
      context_->set_verify_mode(ssl::verify_peer);
      if (t.ca_file.empty()) context_->set_default_verify_paths();
      else context_->load_verify_file(t.ca_file);
    }
    tls_ = std::make_unique<ssl::stream<tcp::socket&>>(socket_, *context_);
    SSL* ssl = tls_->native_handle();

    std::string const server_name = !t.sni.empty() ? t.sni : (is_ip_literal(o.host) ? "" : o.host);
    if (!server_name.empty()) SSL_set_tlsext_host_name(ssl, server_name.c_str());
    if (!t.insecure) tls_->set_verify_callback(ssl::host_name_verification(server_name.empty() ? o.host : server_name));
    if (!t.alpn.empty()) {
      std::string wire;
      for (auto const& p : t.alpn) wire += static_cast<char>(p.size()), wire += p;
      SSL_set_alpn_protos(ssl, reinterpret_cast<unsigned char const*>(wire.data()), static_cast<unsigned>(wire.size()));
    }

    error_code ec;
    bool done = false;
    tls_->async_handshake(ssl::stream_base::client, [&](error_code e) { ec = e, done = true; });
    if (!run_until(thread_io(), done, deadline, [&] { socket_.cancel(); }))
      throw connect_error("TLS handshake with " + o.host + " timed out");
    if (ec) throw connect_error("TLS handshake with " + o.host + " failed: " + ec.message());

    unsigned char const* proto = nullptr;
    unsigned length = 0;
    SSL_get0_alpn_selected(ssl, &proto, &length);
    if (proto) alpn_.assign(reinterpret_cast<char const*>(proto), length);
    log_.note(id(), std::string("TLS established: ") + SSL_get_version(ssl) + ", " + SSL_get_cipher_name(ssl) +
                        (alpn_.empty() ? ", no ALPN" : ", ALPN " + alpn_));
  }

  io_status do_write(std::string_view bytes, clock::time_point deadline, std::string& error) override {
    error_code ec;
    bool done = false;
    auto handler = [&](error_code e, std::size_t) { ec = e, done = true; };
    if (tls_) asio::async_write(*tls_, asio::buffer(bytes.data(), bytes.size()), handler);
    else asio::async_write(socket_, asio::buffer(bytes.data(), bytes.size()), handler);
    if (!run_until(thread_io(), done, deadline, [&] { socket_.cancel(); })) return io_status::timeout;
    return classify(ec, error);
  }

  io_status do_read(char* into, std::size_t size, std::size_t& got, clock::time_point deadline,
                    std::string& error) override {
    error_code ec;
    bool done = false;
    auto handler = [&](error_code e, std::size_t n) { ec = e, got = n, done = true; };
    if (tls_) tls_->async_read_some(asio::buffer(into, size), handler);
    else socket_.async_read_some(asio::buffer(into, size), handler);
    if (!run_until(thread_io(), done, deadline, [&] { socket_.cancel(); })) return io_status::timeout;
    return classify(ec, error);
  }

  void do_shutdown_send() override {
    error_code ec;
    // Under TLS the peer sees a TCP FIN without close_notify: waiting for a close_notify
    // exchange would defeat a half-close, and RFC 8446 §6.1 lets it go unanswered anyway.
    socket_.shutdown(tcp::socket::shutdown_send, ec);
  }

  void do_close() override {
    error_code ec;
    socket_.close(ec);
  }

  tcp::socket socket_;
  std::unique_ptr<ssl::context> context_;
  std::unique_ptr<ssl::stream<tcp::socket&>> tls_;
  std::string alpn_;
};

}  // namespace

std::unique_ptr<connection> dial(dial_options const& o, transcript& log, clock::time_point deadline) {
  std::string what = (o.tls ? "TLS to " : "TCP to ") + o.host + ":" + std::to_string(o.port);
  int const id = log.open_connection("connecting: " + what);
  auto c = std::make_unique<asio_connection>(log, id);
  try {
    c->connect(o, deadline);
  } catch (connect_error const& e) {
    log.note(id, e.what());
    throw;
  }
  log.note(id, "connected");
  return c;
}

struct listener::impl {
  tcp::acceptor acceptor{thread_io()};
};

listener::listener(std::string const& host, std::uint16_t port) : impl_(std::make_unique<impl>()) {
  error_code ec;
  auto const address = asio::ip::make_address(host, ec);
  if (ec) throw connect_error("cannot listen on '" + host + "': not an IP address");
  tcp::endpoint const at(address, port);
  impl_->acceptor.open(at.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(at, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw connect_error("cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
}

listener::~listener() = default;

std::uint16_t listener::port() const { return impl_->acceptor.local_endpoint().port(); }

std::unique_ptr<connection> listener::accept(transcript& log, clock::time_point deadline) {
  int const id = log.open_connection("accepting");
  auto c = std::make_unique<asio_connection>(log, id);
  if (!c->accept_from(impl_->acceptor, deadline)) return nullptr;
  log.note(id, "accepted " + c->peer());
  return c;
}

connector network_connector(tls_options tls) {
  return [tls](target const& t, connect_request const& request, transcript& log, clock::time_point deadline) {
    dial_options o{.host = t.host, .port = t.port, .tls = t.tls && !request.raw_tcp, .tls_settings = tls};
    if (!request.alpn.empty()) o.tls_settings.alpn = request.alpn;
    return dial(o, log, deadline);
  };
}

}  // namespace conform::net
