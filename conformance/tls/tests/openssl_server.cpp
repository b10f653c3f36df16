// A real OpenSSL server with one misconfiguration at a time, and the certificates it
// presents (made here: EC P-256 or RSA, valid or expired, with the names asked for).
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <stdexcept>

#include "conformance/tls/tests/test_peers.hpp"

namespace conform::tls_suite::testing {
namespace {

EVP_PKEY* make_key(key_kind k) {
  switch (k) {
    case key_kind::ec_p256: return EVP_EC_gen("P-256");
    case key_kind::rsa_2048: return EVP_RSA_gen(2048);
    case key_kind::rsa_1024: return EVP_RSA_gen(1024);
  }
  return nullptr;
}

X509* make_certificate(EVP_PKEY* key, std::string const& common_name, std::vector<std::string> const& names, bool expired) {
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), static_cast<long>(std::hash<std::string>{}(common_name) & 0x7fffffff));
  X509_gmtime_adj(X509_getm_notBefore(cert), expired ? -2 * 86400 : -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), expired ? -86400 : 30 * 86400);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<unsigned char const*>(common_name.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  std::string san;
  for (auto const& n : names) {
    bool const ip = n.find_first_not_of("0123456789.") == std::string::npos;
    san += (san.empty() ? "" : ",") + std::string(ip ? "IP:" : "DNS:") + n;
  }
  if (!san.empty()) {
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
    if (X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &v3, NID_subject_alt_name, san.c_str())) {
      X509_add_ext(cert, ext, -1);
      X509_EXTENSION_free(ext);
    }
  }
  X509_sign(cert, key, EVP_sha256());
  return cert;
}

int select_alpn(SSL*, unsigned char const** out, unsigned char* out_length, unsigned char const* in, unsigned in_length,
                void* arg) {
  auto const policy = *static_cast<alpn_policy const*>(arg);
  static unsigned char const http11[] = "\x08http/1.1";
  if (policy == alpn_policy::first_only) {
    if (in_length >= 9 && std::memcmp(in, http11, 9) == 0) {
      *out = in + 1, *out_length = 8;
      return SSL_TLSEXT_ERR_OK;
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  unsigned char* chosen = nullptr;
  if (SSL_select_next_proto(&chosen, out_length, http11, 9, in, in_length) == OPENSSL_NPN_NEGOTIATED) {
    *out = chosen;
    return SSL_TLSEXT_ERR_OK;
  }
  return policy == alpn_policy::no_ack ? SSL_TLSEXT_ERR_NOACK : SSL_TLSEXT_ERR_ALERT_FATAL;
}

int check_name(SSL* ssl, int* alert, void* arg) {
  auto const& config = *static_cast<server_config const*>(arg);
  char const* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  *alert = SSL_AD_UNRECOGNIZED_NAME;
  if (name == nullptr) return config.require_sni ? SSL_TLSEXT_ERR_ALERT_FATAL : SSL_TLSEXT_ERR_OK;
  if (config.sni_warning && std::strcmp(name, "localhost") != 0) return SSL_TLSEXT_ERR_ALERT_WARNING;
  return SSL_TLSEXT_ERR_OK;
}

}  // namespace

struct openssl_server::state {
  server_config config;
  alpn_policy alpn;
  SSL_CTX* ctx = nullptr;
  ~state() { SSL_CTX_free(ctx); }
};

openssl_server::openssl_server(server_config config) : state_(std::make_unique<state>()) {
  state_->config = std::move(config);
  auto const& c = state_->config;
  state_->alpn = c.alpn;
  SSL_CTX* ctx = state_->ctx = SSL_CTX_new(TLS_server_method());
  if (c.security_level_0) SSL_CTX_set_security_level(ctx, 0);
  SSL_CTX_set_min_proto_version(ctx, c.min_version);
  SSL_CTX_set_max_proto_version(ctx, c.max_version);
  if (!SSL_CTX_set_cipher_list(ctx, c.cipher_list.c_str())) throw std::runtime_error("cipher list " + c.cipher_list);
  SSL_CTX_set_dh_auto(ctx, 1);
  EVP_PKEY* key = make_key(c.key);
  X509* cert = make_certificate(key, "conform test server", c.names, c.expired);
  if (SSL_CTX_use_certificate(ctx, cert) != 1 || SSL_CTX_use_PrivateKey(ctx, key) != 1)
    throw std::runtime_error("the test certificate was refused");
  X509_free(cert);
  EVP_PKEY_free(key);
  if (c.unrelated_chain_certificate) {
    EVP_PKEY* other_key = make_key(key_kind::ec_p256);
    X509* other = make_certificate(other_key, "unrelated CA", {}, false);
    SSL_CTX_add0_chain_cert(ctx, other);  // the context owns it now
    EVP_PKEY_free(other_key);
  }
  if (c.alpn != alpn_policy::ignore) SSL_CTX_set_alpn_select_cb(ctx, select_alpn, &state_->alpn);
  SSL_CTX_set_tlsext_servername_callback(ctx, check_name);
  SSL_CTX_set_tlsext_servername_arg(ctx, &state_->config);
  if (c.no_extended_master_secret) SSL_CTX_set_options(ctx, SSL_OP_NO_EXTENDED_MASTER_SECRET);
  if (c.no_resumption) {
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(ctx, 0);
  } else {
    SSL_CTX_set_session_id_context(ctx, reinterpret_cast<unsigned char const*>("conform"), 7);
  }
  start();
}

openssl_server::~openssl_server() { stop(); }

void openssl_server::serve(int fd) {
  SSL* ssl = SSL_new(state_->ctx);
  SSL_set_fd(ssl, fd);
  if (SSL_accept(ssl) == 1) {
    char sink[4096];
    SSL_read(ssl, sink, sizeof sink);  // whatever the client sends, or its close (2 s at most)
    SSL_shutdown(ssl);
  }
  SSL_free(ssl);
  ERR_clear_error();
}

}  // namespace conform::tls_suite::testing
