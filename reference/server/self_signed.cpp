#include "reference/server/self_signed.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace conform::reference {
namespace {

template <class T, void (*Free)(T*)>
struct openssl_deleter {
  void operator()(T* p) const { Free(p); }
};
using key_ptr = std::unique_ptr<EVP_PKEY, openssl_deleter<EVP_PKEY, EVP_PKEY_free>>;
using x509_ptr = std::unique_ptr<X509, openssl_deleter<X509, X509_free>>;
using bio_ptr = std::unique_ptr<BIO, openssl_deleter<BIO, BIO_free_all>>;
using extension_ptr = std::unique_ptr<X509_EXTENSION, openssl_deleter<X509_EXTENSION, X509_EXTENSION_free>>;

void check(bool ok, char const* what) {
  if (!ok) throw std::runtime_error(std::string("self-signed certificate: ") + what + " failed");
}

void add_extension(X509* cert, int nid, char const* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  extension_ptr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  check(ext != nullptr && X509_add_ext(cert, ext.get(), -1) == 1, "adding an extension");
}

template <class Write>
std::string to_pem(Write write) {
  bio_ptr bio(BIO_new(BIO_s_mem()));
  check(bio != nullptr && write(bio.get()) == 1, "PEM encoding");
  char* data = nullptr;
  long const size = BIO_get_mem_data(bio.get(), &data);
  return {data, static_cast<std::size_t>(size)};
}

}  // namespace

pem_pair make_self_signed_certificate() {
  key_ptr key(EVP_EC_gen("P-256"));
  check(key != nullptr, "EC P-256 key generation");
  x509_ptr cert(X509_new());
  check(cert != nullptr && X509_set_version(cert.get(), 2) == 1, "X509_new");
  unsigned char serial[8];
  check(RAND_bytes(serial, sizeof serial) == 1, "RAND_bytes");
  std::uint64_t serial_value = 0;
  for (unsigned char b : serial) serial_value = (serial_value << 8) | b;
  ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()), serial_value >> 1);  // positive
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);  // tolerate a slow clock
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
  check(X509_set_pubkey(cert.get(), key.get()) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<unsigned char const*>("localhost"),
                             -1, -1, 0);
  check(X509_set_issuer_name(cert.get(), name) == 1, "X509_set_issuer_name");
  add_extension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert.get(), NID_key_usage, "critical,digitalSignature");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "X509_sign");
  return {to_pem([&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); }),
          to_pem([&](BIO* b) {
            return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
          })};
}

}  // namespace conform::reference
