// The TLS configuration of the reference server's TLS listeners: TLS 1.2 and 1.3 only,
// ALPN "http/1.1" (a client offering only other protocols gets the
// no_application_protocol alert, RFC 7301 §3.2).
#pragma once

#include <boost/asio/ssl/context.hpp>
#include <string>

namespace conform::reference {

// From PEM text; throws std::runtime_error if OpenSSL refuses the certificate or key.
boost::asio::ssl::context make_tls_context(std::string const& certificate_pem, std::string const& key_pem);

}  // namespace conform::reference
