#include "reference/http1/request_line.hpp"

#include "reference/http1/ascii.hpp"

namespace conform::reference::http1 {
namespace {

version_check refused(violation why) {
  version_check check;
  check.why = why;
  return check;
}

}  // namespace

version_check check_version(std::string_view line) {
  // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
  std::size_t const first_sp = line.find(' ');
  std::size_t const last_sp = line.rfind(' ');
  if (first_sp == std::string_view::npos || first_sp == last_sp) {
    return refused(violation::request_line_invalid);
  }
  // HTTP-version = HTTP-name "/" DIGIT "." DIGIT, HTTP-name = %s"HTTP" (RFC 9112 §2.3)
  std::string_view const version = line.substr(last_sp + 1);
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || !is_digit(version[5]) ||
      version[6] != '.' || !is_digit(version[7])) {
    return refused(violation::version_malformed);
  }
  if (version[5] != '1') return refused(violation::version_unsupported);
  if (version[7] > '1') return {violation::none, last_sp + 1 + 7};
  return {};
}

}  // namespace conform::reference::http1
