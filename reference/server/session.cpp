// The transport of one connection. All protocol decisions are the sans-I/O
// connection's; this file only moves bytes, keeps time and closes politely.
#include "reference/server/session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <array>
#include <chrono>
#include <memory>
#include <optional>

#include "reference/http1/connection.hpp"
#include "reference/server/h2_serve.hpp"
#include "reference/server/rpc_websocket.hpp"
#include "reference/server/upgrade_dispatch.hpp"
#include "reference/server/worker.hpp"

namespace conform::reference {
namespace {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
using clock_type = std::chrono::steady_clock;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
// How long a closing connection waits for the peer: reading what it still sends (so
// our last response is not destroyed by a reset) or for its TLS close_notify.
constexpr std::chrono::milliseconds linger_time{1000};

class session final : public session_handle, public std::enable_shared_from_this<session> {
 public:
  session(worker& w, tcp::socket socket, ssl::context* tls)
      : worker_(w), socket_(std::move(socket)), conn_(w.limits()), timer_(socket_.get_executor()) {
    if (tls) tls_.emplace(socket_, *tls);
    conn_.set_date(w.date().text());
    timer_.expires_at(clock_type::time_point::max());
  }

  static asio::awaitable<void> run(std::shared_ptr<session> self) {
    self->worker_.add(self.get());
    self->watch();
    if (self->tls_) {
      self->set_deadline(self->worker_.timeouts().header);
      auto [ec] = co_await self->tls_->async_handshake(ssl::stream_base::server, use_tuple);
      if (!ec) {
        if (self->alpn_is_h2()) {
          co_await serve_h2(*self->tls_, {}, self->h2_hooks_for());
        } else {
          co_await self->serve(*self->tls_);
        }
        if (!self->upgraded_) co_await self->close_tls();
      }
    } else {
      // Cap'n Web's /rpc (rpc_websocket.cpp) takes the whole connection.
      if (co_await self->starts_rpc_request()) {
        self->rpc_ = true;
        auto* raw = self.get();
        co_return co_await serve_rpc_websocket(self->socket_, [raw](auto d) { raw->set_deadline(d); });
      }
      co_await self->serve(self->socket_);
      if (!self->upgraded_) co_await self->linger_close();
    }
  }

  void finish() {
    if (closed_) return;
    closed_ = true;
    timer_.cancel();
    boost::system::error_code ignored;
    socket_.close(ignored);
    worker_.remove(this);
  }

  void begin_shutdown() override {
    // A Cap'n Web or /ws session has no HTTP/1.1 left to finish: it ends now.
    if (rpc_ || upgraded_) return force_close();
    if (speaking_h2_) {  // serve_h2 sends GOAWAY and finishes the open streams
      h2_shutdown_ = true;
      if (reading_) cancel_io();
      return;
    }
    conn_.begin_shutdown();
    // An idle connection waits for a request that must now not come.
    if (reading_ && conn_.finished()) cancel_io();
  }

  // Cancelling alone races with a session between two operations (the next read would
  // wait on); shutting the socket down makes every later read end too.
  void force_close() override {
    forced_ = true;
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    cancel_io();
  }

 private:
  // The loop: write whatever the connection produced, else read more, until it is done.
  template <class Stream>
  asio::awaitable<void> serve(Stream& stream) {
    while (!forced_) {
      std::string_view const out = conn_.output();
      if (!out.empty()) {
        set_deadline(worker_.timeouts().write);
        auto [ec, n] = co_await asio::async_write(stream, asio::buffer(out.data(), out.size()), use_tuple);
        if (ec) co_return;  // the peer is gone or too slow: nothing more can be said
        conn_.consume_output(n);
        continue;
      }
      if (conn_.upgrade_ready()) {
        // The upgraded protocol keeps its own time; the watchdog stands down.
        upgraded_ = true;
        deadline_ = clock_type::time_point::max();
        co_await serve_upgraded(stream, conn_.upgrade_request(), conn_.unread_input(), worker_);
        co_return;
      }
      if (conn_.finished()) co_return;
      arm_read_deadline();
      auto const space = conn_.input_space();
      reading_ = true;
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(space.data(), space.size()), use_tuple);
      reading_ = false;
      worker_.date().refresh();
      if (!ec && conn_.responses() == 0 && starts_like_h2_preface({space.data(), n})) {
        co_await serve_h2(stream, std::string(space.data(), n), h2_hooks_for());  // h2c, RFC 9113 §3.3
        co_return;
      }
      if (!ec) {
        conn_.commit_input(n);
      } else if (forced_) {
        co_return;
      } else if (timed_out_) {
        timed_out_ = false;
        conn_.on_read_timeout();  // 408 mid-request, silence when idle
      } else if (!conn_.finished()) {
        conn_.on_peer_eof();  // EOF, reset or TLS truncation: no more input either way
      }
    }
  }

  // Peeks at the first bytes: does the connection start with "GET /rpc"? A few short
  // waits cover a request-line that arrives in pieces.
  asio::awaitable<bool> starts_rpc_request() {
    set_deadline(worker_.timeouts().header);
    std::array<char, 16> first{};
    for (int tries = 0; tries < 50; ++tries) {
      auto [ec, n] = co_await socket_.async_receive(asio::buffer(first), tcp::socket::message_peek, use_tuple);
      if (ec && timed_out_) {
        timed_out_ = false;
        conn_.on_read_timeout();  // nothing arrived in time: as the first read would
      }
      if (ec || n == 0) co_return false;
      auto const verdict = classify_rpc_prefix({first.data(), n});
      if (verdict != rpc_prefix::undecided) co_return verdict == rpc_prefix::yes;
      asio::steady_timer pause(socket_.get_executor(), std::chrono::milliseconds(10));
      co_await pause.async_wait(use_tuple);
    }
    co_return false;
  }

  // A request's header must arrive whole within the header timeout, counted from its
  // first byte (from the accept for a connection's first request); a keep-alive
  // connection may then idle for the idle timeout; each body read gets the body timeout.
  void arm_read_deadline() {
    auto const& t = worker_.timeouts();
    switch (conn_.current_phase()) {
      case http1::connection::phase::idle:
        header_clock_ = conn_.responses() == 0;
        set_deadline(header_clock_ ? t.header : t.idle);
        break;
      case http1::connection::phase::header:
        if (!header_clock_) set_deadline(t.header);
        header_clock_ = true;
        break;
      case http1::connection::phase::body:
      case http1::connection::phase::closing:
        header_clock_ = false;
        set_deadline(t.body);
        break;
    }
  }

  // RFC 9112 §9.6: close our side first, then read and drop what the peer still sends,
  // briefly, so a reset does not destroy the response it has not read yet.
  asio::awaitable<void> linger_close() {
    boost::system::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
    if (ec || forced_) co_return;
    set_deadline(linger_time);
    for (int reads = 0; reads < 64; ++reads) {
      auto const space = conn_.input_space();
      auto [read_ec, n] = co_await socket_.async_read_some(asio::buffer(space.data(), space.size()), use_tuple);
      if (read_ec) break;
    }
  }

  // Our close_notify, then the peer's. A peer still sending a request we refused sends
  // application data instead, which ends the TLS shutdown with an error; the raw linger
  // after it keeps that unread data from turning our close into a reset that destroys
  // the response (seen with a 64 KiB header refused with 431 over TLS).
  asio::awaitable<void> close_tls() {
    if (forced_) co_return;
    set_deadline(linger_time);
    co_await tls_->async_shutdown(use_tuple);
    co_await linger_close();
  }

  h2_hooks h2_hooks_for() {
    speaking_h2_ = true;
    return {worker_, [this](std::chrono::milliseconds d) { set_deadline(d); }, forced_, timed_out_, reading_, h2_shutdown_};
  }

  bool alpn_is_h2() {
    unsigned char const* name = nullptr;
    unsigned int size = 0;
    SSL_get0_alpn_selected(tls_->native_handle(), &name, &size);
    return std::string_view(reinterpret_cast<char const*>(name), size) == "h2";
  }

  void set_deadline(std::chrono::milliseconds d) {
    timed_out_ = false;
    deadline_ = clock_type::now() + d;
    if (deadline_ < timer_.expiry()) timer_.expires_at(deadline_);  // wakes the watchdog sooner
  }

  // One timer per connection, re-armed only when a deadline moves earlier: each I/O
  // operation just stores its deadline, which keeps timeouts off the hot path.
  void watch() {
    timer_.async_wait([self = shared_from_this()](boost::system::error_code) {
      if (self->closed_) return;
      if (clock_type::now() >= self->deadline_) {
        self->timed_out_ = true;
        self->deadline_ = clock_type::time_point::max();
        self->cancel_io();
      }
      self->timer_.expires_at(self->deadline_);
      self->watch();
    });
  }

  void cancel_io() {
    boost::system::error_code ignored;
    socket_.cancel(ignored);
  }

  worker& worker_;
  tcp::socket socket_;
  std::optional<ssl::stream<tcp::socket&>> tls_;
  http1::connection conn_;
  asio::steady_timer timer_;
  clock_type::time_point deadline_ = clock_type::time_point::max();
  bool header_clock_ = false;  // the current request's header deadline is set
  bool timed_out_ = false;
  bool reading_ = false;
  bool forced_ = false;
  bool upgraded_ = false;  // the connection switched protocols (an Upgrade to /ws)
  bool closed_ = false;
  bool speaking_h2_ = false;
  bool h2_shutdown_ = false;
  bool rpc_ = false;  // the connection is a Cap'n Web WebSocket (rpc_websocket.cpp)
};

}  // namespace

void start_session(worker& w, tcp::socket socket, ssl::context* tls) {
  auto s = std::make_shared<session>(w, std::move(socket), tls);
  asio::co_spawn(w.context(), session::run(s), [s](std::exception_ptr) { s->finish(); });
}

}  // namespace conform::reference
