#include "reference/http1/endpoints/endpoint.hpp"

#include <limits>

namespace conform::reference::http1 {

void respond_text(response_writer& out, int status, std::string_view body) {
  out.start(status);
  out.field("Content-Type", "text/plain; charset=utf-8");
  out.finish(body);
}

bool parse_decimal(std::string_view text, std::uint64_t& value) {
  if (text.empty() || text.size() > 20) return false;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    auto const digit = static_cast<std::uint64_t>(c - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return false;
    v = v * 10 + digit;
  }
  value = v;
  return true;
}

}  // namespace conform::reference::http1
