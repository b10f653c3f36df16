#include "reference/http1/method.hpp"

#include <array>

namespace conform::reference::http1 {
namespace {

constexpr std::array<std::string_view, 9> names{"GET",     "HEAD",  "POST",  "PUT",    "DELETE",
                                                "OPTIONS", "PATCH", "TRACE", "CONNECT"};

}  // namespace

method parse_method(std::string_view text) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<method>(i);
  }
  return method::unknown;
}

std::string_view method_name(method m) {
  auto const i = static_cast<std::size_t>(m);
  return i < names.size() ? names[i] : std::string_view{};
}

std::string method_set::allow_value() const {
  std::string value;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!contains(static_cast<method>(i))) continue;
    if (!value.empty()) value += ", ";
    value += names[i];
  }
  return value;
}

}  // namespace conform::reference::http1
