#include "conformance/tls/offers.hpp"

#include <algorithm>

#include "harness/engine/context.hpp"

namespace conform::tls_suite {

namespace suites {
std::vector<std::uint16_t> const modern = {0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0x009e, 0x009f,
                                           0xc009, 0xc013, 0xc00a, 0xc014, 0x0033, 0x0039, 0x009c, 0x009d,
                                           0x002f, 0x0035};
std::vector<std::uint16_t> const rc4 = {0xc011, 0xc007, 0x0005, 0x0004, 0x0018, 0xc016, 0x008a};
std::vector<std::uint16_t> const null_cipher = {0xc010, 0xc006, 0x003b, 0x0002, 0x0001, 0xc015, 0x002c};
std::vector<std::uint16_t> const anonymous = {0x00a6, 0x00a7, 0x006c, 0x006d, 0x0034, 0x003a,
                                              0xc018, 0xc019, 0x001b, 0x0018};
std::vector<std::uint16_t> const export_grade = {0x0003, 0x0006, 0x0008, 0x000b, 0x000e, 0x0011,
                                                 0x0014, 0x0017, 0x0019, 0x0062, 0x0063, 0x0064, 0x0065};
std::vector<std::uint16_t> const single_des = {0x0009, 0x000c, 0x000f, 0x0012, 0x0015, 0x001a};
std::vector<std::uint16_t> const triple_des = {0xc012, 0xc008, 0x0016, 0x0013, 0x000a, 0x001b};
std::vector<std::uint16_t> const static_rsa = {0x009c, 0x009d, 0x003c, 0x003d, 0x002f, 0x0035};
}  // namespace suites

tls::client_hello_spec modern_hello(context& cx) {
  tls::client_hello_spec spec;
  spec.cipher_suites = suites::modern;
  auto const& host = cx.target_info().host;
  if (host.find(':') == std::string::npos && host.find_first_not_of("0123456789.") != std::string::npos)
    spec.server_name = host;
  return spec;
}

outcome expect_suites_refused(context& cx, std::vector<std::uint16_t> const& offered, std::string_view family) {
  auto spec = modern_hello(cx);
  spec.cipher_suites = offered;
  auto const r = tls::send_hello(cx, spec);
  auto const& a = r.answer;
  if (a.what == tls::server_answer::kind::alert || a.what == tls::server_answer::kind::incomplete)
    return pass("refused " + std::string(family) + ": " + (a.what == tls::server_answer::kind::alert ? describe(a) : r.io));
  if (a.what == tls::server_answer::kind::malformed) return error("the server answered " + describe(a));
  bool const chosen = std::find(offered.begin(), offered.end(), a.hello.cipher_suite) != offered.end();
  if (!chosen)
    return fail("a refusal or one of the offered suites", describe(a) + ", a suite that was never offered");
  return violation("the server to refuse a ClientHello offering only " + std::string(family) + " cipher suites",
                   describe(a))
      .with("cipher_suite", tls::suite_name(a.hello.cipher_suite));
}

tls13_support probe_tls13(context& cx) {
  auto spec = modern_hello(cx);
  spec.offer_tls13 = true;
  spec.cipher_suites.insert(spec.cipher_suites.begin(), {0x1301, 0x1302, 0x1303});
  auto const r = tls::send_hello(cx, spec);
  if (r.answer.what == tls::server_answer::kind::server_hello) {
    bool const v13 = r.answer.hello.version() == tls::tls1_3;
    return {true, v13, "offered TLS 1.3 and got " + describe(r.answer)};
  }
  return {false, false, "offered TLS 1.3 and TLS 1.2 and got " + (r.answer.what == tls::server_answer::kind::incomplete ? r.io : describe(r.answer))};
}

}  // namespace conform::tls_suite
