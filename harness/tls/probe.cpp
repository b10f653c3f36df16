// The I/O side of the TLS probes. OpenSSL runs on memory BIOs: it never sees the socket,
// we carry its records over the case's connection, so deadlines and the transcript work
// exactly as for any other case.
#include "harness/tls/probe.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>

#include "harness/engine/context.hpp"
#include "harness/net/connection.hpp"

namespace conform::tls {
namespace {

std::unique_ptr<net::connection> open_tcp(context& cx) {
  connect_request r;
  r.raw_tcp = true;
  return cx.connect(r);
}

bool is_name(std::string const& host) {
  return host.find(':') == std::string::npos && host.find_first_not_of("0123456789.") != std::string::npos;
}

std::string openssl_errors() {
  std::string text;
  while (unsigned long e = ERR_get_error()) {
    char line[256];
    ERR_error_string_n(e, line, sizeof line);
    if (!text.empty()) text += "; ";
    text += line;
  }
  return text;
}

struct ssl_deleter {
  void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
  void operator()(SSL* s) const { SSL_free(s); }
};

// Sessions arrive here when the server gives them: at the end of a TLS 1.2 handshake,
// with each NewSessionTicket in TLS 1.3.
int on_new_session(SSL* ssl, SSL_SESSION* session) {
  auto* r = static_cast<handshake_result*>(SSL_get_app_data(ssl));
  if (r == nullptr) return 0;
  r->session = session_ptr(session, SSL_SESSION_free);
  return 1;  // we keep the reference
}

// A client context that will offer whatever the case asks for: security level 0, so
// OpenSSL 3 does not silently drop TLS 1.0/1.1, SHA-1 signatures or small keys.
std::unique_ptr<SSL_CTX, ssl_deleter> client_context(std::uint16_t min, std::uint16_t max, std::string const& ciphers) {
  std::unique_ptr<SSL_CTX, ssl_deleter> ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx) return ctx;
  SSL_CTX_set_security_level(ctx.get(), 0);
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);  // facts are judged by the cases, not here
  SSL_CTX_set_session_cache_mode(ctx.get(), SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
  SSL_CTX_sess_set_new_cb(ctx.get(), on_new_session);
  if (!SSL_CTX_set_min_proto_version(ctx.get(), min) || !SSL_CTX_set_max_proto_version(ctx.get(), max) ||
      !SSL_CTX_set_cipher_list(ctx.get(), ((ciphers.empty() ? std::string("ALL:COMPLEMENTOFALL") : ciphers) + ":@SECLEVEL=0").c_str()))
    ctx.reset();
  return ctx;
}

void on_info(SSL const* ssl, int where, int value) {
  if ((where & SSL_CB_READ_ALERT) == 0) return;
  auto* r = static_cast<handshake_result*>(SSL_get_app_data(ssl));
  r->alerts_received.push_back({static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value & 0xff)});
}

// Moves what OpenSSL wrote to the wire; false when the write failed.
bool flush(BIO* out, net::connection& c, context& cx) {
  char buffer[16384];
  while (BIO_ctrl_pending(out) > 0) {
    int const n = BIO_read(out, buffer, sizeof buffer);
    if (n <= 0) break;
    if (c.write({buffer, static_cast<std::size_t>(n)}, cx.read_deadline()) != net::io_status::ok) return false;
  }
  return true;
}

// Drives the handshake to its end; empty string when established, else why not.
std::string drive(SSL* ssl, BIO* in, BIO* out, net::connection& c, context& cx) {
  for (;;) {
    int const r = SSL_do_handshake(ssl);
    bool const written = flush(out, c, cx);
    if (r == 1) return {};
    int const e = SSL_get_error(ssl, r);
    if (e != SSL_ERROR_WANT_READ) {
      auto const why = openssl_errors();
      return "the handshake failed" + (why.empty() ? std::string() : ": " + why);
    }
    if (!written) return "the server stopped reading (" + c.last_error() + ")";
    auto const got = c.read_some(cx.read_deadline());
    if (got.status != net::io_status::ok)
      return std::string("the server ") + (got.status == net::io_status::eof ? "closed the connection"
                                            : got.status == net::io_status::timeout ? "went quiet"
                                                                                     : std::string(net::to_string(got.status)));
    BIO_write(in, got.bytes.data(), static_cast<int>(got.bytes.size()));
  }
}

// TLS 1.3 sends its session tickets after the handshake: read briefly to collect one.
void collect_tickets(SSL* ssl, BIO* in, net::connection& c, context& cx, handshake_result const& r) {
  auto const until = cx.deadline_in(std::chrono::milliseconds(300));
  char sink[1024];
  while (net::clock::now() < until && !r.session) {
    auto const got = c.read_some(until);
    if (got.status != net::io_status::ok) return;
    BIO_write(in, got.bytes.data(), static_cast<int>(got.bytes.size()));
    while (SSL_read(ssl, sink, sizeof sink) > 0) {
    }
  }
}

void record_certificates(SSL* ssl, handshake_result& r, std::string const& host) {
  STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl);
  int const n = chain ? sk_X509_num(chain) : 0;
  for (int i = 0; i < n; ++i) {
    auto facts = describe_certificate(sk_X509_value(chain, i), host);
    if (i + 1 < n) facts.issued_by_next = X509_check_issued(sk_X509_value(chain, i + 1), sk_X509_value(chain, i)) == X509_V_OK;
    r.chain.push_back(std::move(facts));
  }
  if (n == 0) return;
  // Trust as the system store sees it: a fact for the report, not a judgement here.
  std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), X509_STORE_free);
  X509_STORE_set_default_paths(store.get());
  std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> verify(X509_STORE_CTX_new(), X509_STORE_CTX_free);
  X509_STORE_CTX_init(verify.get(), store.get(), sk_X509_value(chain, 0), chain);
  r.chain_verification = X509_verify_cert(verify.get()) == 1
                             ? "ok"
                             : X509_verify_cert_error_string(X509_STORE_CTX_get_error(verify.get()));
}

}  // namespace

hello_result send_hello(context& cx, client_hello_spec spec) {
  for (auto& b : spec.random) b = static_cast<std::uint8_t>(cx.rng()());
  auto c = open_tcp(cx);
  hello_result result;
  if (c->write(encode_client_hello(spec), cx.read_deadline()) != net::io_status::ok) {
    result.io = "the server did not take the ClientHello (" + c->last_error() + ")";
    return result;
  }
  std::string received;
  while (received.size() < (1u << 20)) {
    auto const got = c->read_some(cx.read_deadline());
    if (got.status != net::io_status::ok) {
      result.io = std::string("the connection ended without an answer: ") + std::string(net::to_string(got.status));
      break;
    }
    received.append(got.bytes);
    result.answer = parse_server_answer(received);
    if (result.answer.what != server_answer::kind::incomplete) break;
  }
  cx.note("server answered " + (result.answer.what == server_answer::kind::incomplete ? result.io : describe(result.answer)));
  return result;
}

bool local_openssl_offers(std::uint16_t version) {
  auto ctx = client_context(version, version, {});
  if (!ctx) return false;
  std::unique_ptr<SSL, ssl_deleter> ssl(SSL_new(ctx.get()));
  // OpenSSL decides what it can offer when it builds a ClientHello: build one.
  BIO* in = BIO_new(BIO_s_mem());
  BIO* out = BIO_new(BIO_s_mem());
  SSL_set_bio(ssl.get(), in, out);
  int const r = SSL_connect(ssl.get());
  bool const offered = r <= 0 && SSL_get_error(ssl.get(), r) == SSL_ERROR_WANT_READ && BIO_ctrl_pending(out) > 0;
  ERR_clear_error();
  return offered;
}

handshake_result handshake(context& cx, handshake_spec const& spec) {
  handshake_result r;
  auto ctx = client_context(spec.min_version, spec.max_version, spec.cipher_list);
  if (!ctx) {
    r.failure = "the local OpenSSL refused this configuration: " + openssl_errors();
    return r;
  }
  std::unique_ptr<SSL, ssl_deleter> ssl(SSL_new(ctx.get()));
  BIO* in = BIO_new(BIO_s_mem());
  BIO* out = BIO_new(BIO_s_mem());
  SSL_set_bio(ssl.get(), in, out);
  SSL_set_app_data(ssl.get(), &r);
  SSL_set_info_callback(ssl.get(), on_info);
  auto const& host = cx.target_info().host;
  std::string const sni = spec.server_name.value_or(is_name(host) ? host : "");
  if (!sni.empty()) SSL_set_tlsext_host_name(ssl.get(), sni.c_str());
  if (!spec.alpn.empty()) {
    std::string wire;
    for (auto const& p : spec.alpn) wire += static_cast<char>(p.size()), wire += p;
    SSL_set_alpn_protos(ssl.get(), reinterpret_cast<unsigned char const*>(wire.data()), static_cast<unsigned>(wire.size()));
  }
  if (spec.resume) SSL_set_session(ssl.get(), spec.resume.get());
  SSL_set_connect_state(ssl.get());

  auto c = open_tcp(cx);
  r.failure = drive(ssl.get(), in, out, *c, cx);
  r.established = r.failure.empty();
  if (r.established) {
    r.version = static_cast<std::uint16_t>(SSL_version(ssl.get()));
    r.cipher = SSL_get_cipher_name(ssl.get());
    unsigned char const* proto = nullptr;
    unsigned length = 0;
    SSL_get0_alpn_selected(ssl.get(), &proto, &length);
    if (proto) r.alpn.assign(reinterpret_cast<char const*>(proto), length);
    r.session_reused = SSL_session_reused(ssl.get()) == 1;
    record_certificates(ssl.get(), r, host);
    if (r.version == TLS1_3_VERSION) collect_tickets(ssl.get(), in, *c, cx, r);
    // A close without close_notify would make OpenSSL mark the session not resumable.
    SSL_shutdown(ssl.get());
    flush(out, *c, cx);
  }
  SSL_set_app_data(ssl.get(), nullptr);
  cx.note("TLS handshake: " + r.summary());
  c->close();
  return r;
}

std::optional<alert> handshake_result::fatal_alert() const {
  for (auto const& a : alerts_received)
    if (a.level == 2) return a;
  return std::nullopt;
}

std::string handshake_result::summary() const {
  if (!established) {
    auto const fatal = fatal_alert();
    return "refused" + (fatal ? " with a fatal " + alert_name(fatal->description) + " alert" : "") + " (" + failure + ")";
  }
  return version_name(version) + ", " + cipher + (alpn.empty() ? ", no ALPN" : ", ALPN " + alpn) +
         (session_reused ? ", session resumed" : "");
}

}  // namespace conform::tls
