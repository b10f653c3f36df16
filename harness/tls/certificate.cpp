#include "harness/tls/certificate.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>


namespace conform::tls {
namespace {

std::string name_text(X509_NAME const* name) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  long const n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::string time_text(ASN1_TIME const* t) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  ASN1_TIME_print(bio.get(), t);
  char* data = nullptr;
  long const n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::vector<std::string> alt_names(X509* cert) {
  std::vector<std::string> names;
  auto* list = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (list == nullptr) return names;
  for (int i = 0; i < sk_GENERAL_NAME_num(list); ++i) {
    auto const* n = sk_GENERAL_NAME_value(list, i);
    if (n->type == GEN_DNS) {
      names.emplace_back(reinterpret_cast<char const*>(ASN1_STRING_get0_data(n->d.dNSName)),
                         static_cast<std::size_t>(ASN1_STRING_length(n->d.dNSName)));
    } else if (n->type == GEN_IPADD && n->d.iPAddress->length == 4) {
      auto const* b = n->d.iPAddress->data;
      names.push_back(std::to_string(b[0]) + "." + std::to_string(b[1]) + "." + std::to_string(b[2]) + "." +
                      std::to_string(b[3]));
    } else if (n->type == GEN_IPADD) {
      names.emplace_back("an IPv6 address");
    }
  }
  GENERAL_NAMES_free(list);
  return names;
}

}  // namespace

certificate_facts describe_certificate(X509* cert, std::string_view host) {
  certificate_facts f;
  f.subject = name_text(X509_get_subject_name(cert));
  f.issuer = name_text(X509_get_issuer_name(cert));
  f.not_after = time_text(X509_get0_notAfter(cert));
  int days = 0, seconds = 0;
  if (ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(cert)) == 1)
    f.seconds_left = static_cast<long>(days) * 86400 + seconds;
  f.not_yet_valid = X509_cmp_current_time(X509_get0_notBefore(cert)) > 0;
  f.self_signed = X509_check_issued(cert, cert) == X509_V_OK;
  if (EVP_PKEY* key = X509_get0_pubkey(cert)) {
    f.key_bits = EVP_PKEY_get_bits(key);
    char const* type = EVP_PKEY_get0_type_name(key);
    f.key_type = type ? type : "unknown";
  }
  f.names = alt_names(cert);
  std::string const h(host);
  bool const ip_literal = h.find(':') != std::string::npos || h.find_first_not_of("0123456789.") == std::string::npos;
  f.matches_host = ip_literal ? X509_check_ip_asc(cert, h.c_str(), 0) == 1
                              : X509_check_host(cert, h.data(), h.size(), 0, nullptr) == 1;
  return f;
}

}  // namespace conform::tls
