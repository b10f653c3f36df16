// Request methods the reference server recognizes (RFC 9110 §9), and sets of them for
// the Allow field of 405 and OPTIONS responses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace conform::reference::http1 {

enum class method : std::uint8_t { get, head, post, put, delete_, options, patch, trace, connect, unknown };

// The method named exactly `text` (methods are case-sensitive, RFC 9110 §9.1).
method parse_method(std::string_view text);
std::string_view method_name(method m);

// A small set of methods, one bit each.
class method_set {
 public:
  constexpr method_set() = default;
  constexpr method_set(std::initializer_list<method> methods) {
    for (method m : methods) bits_ |= bit(m);
  }
  static constexpr method_set all_known() {
    return {method::get, method::head, method::post, method::put, method::delete_,
            method::options, method::patch, method::trace};
  }
  constexpr bool contains(method m) const { return (bits_ & bit(m)) != 0; }
  // "GET, HEAD, OPTIONS": the Allow field value (RFC 9110 §10.2.1).
  std::string allow_value() const;

 private:
  static constexpr std::uint16_t bit(method m) {
    return static_cast<std::uint16_t>(1U << static_cast<unsigned>(m));
  }
  std::uint16_t bits_ = 0;
};

}  // namespace conform::reference::http1
