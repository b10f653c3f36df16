// The server: listeners, worker threads, TLS setup and graceful shutdown. Connections
// themselves are served by session.cpp.
#include "reference/server/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstdio>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "reference/server/self_signed.hpp"
#include "reference/server/session.hpp"
#include "reference/server/tls_context.hpp"
#include "reference/server/worker.hpp"

namespace conform::reference {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct server::impl {
  server_options options;
  std::optional<asio::ssl::context> tls;
  std::string certificate_pem;
  std::vector<std::unique_ptr<worker>> workers;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;  // all on workers[0]
  std::vector<std::uint16_t> ports;
  std::size_t next_worker = 0;  // touched only on workers[0]'s thread

  std::mutex mutex;
  bool started = false;
  bool stopped = false;
  asio::io_context* signal_context = nullptr;

  void setup_tls();
  void listen(listener_options const& l);
  asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, bool tls_listener);
};

namespace {

std::string read_file(std::string const& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot read " + path);
  std::string content;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) content.append(buf, n);
  std::fclose(f);
  return content;
}

}  // namespace

void server::impl::setup_tls() {
  if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
    throw std::runtime_error("TLS needs both a certificate file and a key file, or neither");
  }
  pem_pair pems;
  if (options.tls_cert_file.empty()) {
    pems = make_self_signed_certificate();
  } else {
    pems = {read_file(options.tls_cert_file), read_file(options.tls_key_file)};
  }
  tls.emplace(make_tls_context(pems.certificate, pems.private_key));
  certificate_pem = std::move(pems.certificate);
}

void server::impl::listen(listener_options const& l) {
  std::string const where = l.address + ":" + std::to_string(l.port);
  boost::system::error_code ec;
  auto const address = asio::ip::make_address(l.address, ec);
  if (ec) throw std::runtime_error("cannot listen on " + where + ": not an IP address");
  auto acceptor = std::make_unique<tcp::acceptor>(workers[0]->context());
  tcp::endpoint const endpoint(address, l.port);
  acceptor->open(endpoint.protocol(), ec);
  if (!ec) acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor->bind(endpoint, ec);
  if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
  ports.push_back(acceptor->local_endpoint().port());
  acceptors.push_back(std::move(acceptor));
}

// Accepts into each worker's io_context in turn; the session then lives on that worker.
asio::awaitable<void> server::impl::accept_loop(tcp::acceptor& acceptor, bool tls_listener) {
  for (;;) {
    worker& w = *workers[next_worker];
    next_worker = (next_worker + 1) % workers.size();
    auto [ec, socket] = co_await acceptor.async_accept(w.context(), asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (!acceptor.is_open()) co_return;
      // E.g. out of descriptors: pause briefly rather than spin, then try again.
      asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    start_session(w, std::move(socket), tls_listener ? &*tls : nullptr);
  }
}

server::server(server_options options) : impl_(std::make_unique<impl>()) {
  impl_->options = std::move(options);
  if (impl_->options.threads == 0) impl_->options.threads = 1;
}

server::~server() { stop(); }

void server::start() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->started) throw std::logic_error("server::start called twice");
  auto& o = impl_->options;
  for (auto const& l : o.listeners) {
    if (l.tls && !impl_->tls) impl_->setup_tls();
  }
  for (unsigned i = 0; i < o.threads; ++i) impl_->workers.push_back(std::make_unique<worker>(o.limits, o.timeouts, o.websocket));
  for (auto const& l : o.listeners) impl_->listen(l);
  for (std::size_t i = 0; i < impl_->acceptors.size(); ++i) {
    asio::co_spawn(impl_->workers[0]->context(), impl_->accept_loop(*impl_->acceptors[i], o.listeners[i].tls),
                   asio::detached);
  }
  for (auto& w : impl_->workers) w->start();
  impl_->started = true;
}

std::vector<std::uint16_t> server::ports() const { return impl_->ports; }

std::string server::url(std::size_t listener) const {
  auto const& l = impl_->options.listeners.at(listener);
  bool const v6 = l.address.find(':') != std::string::npos;
  std::string const host = v6 ? "[" + l.address + "]" : l.address;
  return std::string(l.tls ? "https" : "http") + "://" + host + ":" + std::to_string(impl_->ports.at(listener)) + "/";
}

std::string const& server::certificate_pem() const { return impl_->certificate_pem; }

void server::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->signal_context) impl_->signal_context->stop();
    if (!impl_->started || impl_->stopped) return;
    impl_->stopped = true;
  }
  asio::post(impl_->workers[0]->context(), [this] {
    for (auto& a : impl_->acceptors) {
      boost::system::error_code ignored;
      a->close(ignored);
    }
  });
  for (auto& w : impl_->workers) {
    asio::post(w->context(), [&w = *w] { w.begin_shutdown(); });
  }
  for (auto& w : impl_->workers) w->join();
}

void server::wait_for_signal() {
  asio::io_context context;
  asio::signal_set signals(context, SIGINT, SIGTERM);
  signals.async_wait([](boost::system::error_code, int) {});
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopped) return;
    impl_->signal_context = &context;
  }
  context.run();
  {
    std::lock_guard lock(impl_->mutex);
    impl_->signal_context = nullptr;
  }
  stop();
}

}  // namespace conform::reference
