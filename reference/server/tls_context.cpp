#include "reference/server/tls_context.hpp"

#include <openssl/ssl.h>

#include <stdexcept>
#include <string_view>

namespace conform::reference {
namespace {

// ALPN selection: h2 when offered (RFC 9113 §3.2), else http/1.1, else nothing. A
// client that sent no ALPN never gets here and speaks HTTP/1.1.
int select_alpn(SSL*, unsigned char const** out, unsigned char* out_size, unsigned char const* in,
                unsigned int in_size, void*) {
  for (std::string_view const wanted : {std::string_view("h2"), std::string_view("http/1.1")}) {
    for (unsigned int i = 0; i < in_size;) {
      unsigned int const size = in[i];
      if (i + 1 + size > in_size) break;
      if (std::string_view(reinterpret_cast<char const*>(in + i + 1), size) == wanted) {
        *out = in + i + 1;
        *out_size = static_cast<unsigned char>(size);
        return SSL_TLSEXT_ERR_OK;
      }
      i += 1 + size;
    }
  }
  return SSL_TLSEXT_ERR_ALERT_FATAL;  // OpenSSL sends no_application_protocol
}

}  // namespace

boost::asio::ssl::context make_tls_context(std::string const& certificate_pem, std::string const& key_pem) {
  namespace ssl = boost::asio::ssl;
  ssl::context ctx(ssl::context::tls_server);
  SSL_CTX* native = ctx.native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_max_proto_version(native, TLS1_3_VERSION);
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_compression);
  boost::system::error_code ec;
  ctx.use_certificate_chain(boost::asio::buffer(certificate_pem), ec);
  if (ec) throw std::runtime_error("TLS certificate not usable: " + ec.message());
  ctx.use_private_key(boost::asio::buffer(key_pem), ssl::context::pem, ec);
  if (ec) throw std::runtime_error("TLS private key not usable: " + ec.message());
  if (SSL_CTX_check_private_key(native) != 1) {
    throw std::runtime_error("TLS private key does not match the certificate");
  }
  SSL_CTX_set_alpn_select_cb(native, select_alpn, nullptr);
  return ctx;
}

}  // namespace conform::reference
