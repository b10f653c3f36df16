#include "harness/websocket/utf8.hpp"

namespace conform::ws {
namespace {

// RFC 3629 §4 table: a lead octet gives the count of continuation octets and the
// allowed range of the first one.
struct lead {
  int count;
  std::uint8_t low, high;
};

bool classify(std::uint8_t b, lead& out) {
  if (b < 0x80) return out = {0, 0x80, 0xBF}, true;
  if (b >= 0xC2 && b <= 0xDF) return out = {1, 0x80, 0xBF}, true;
  if (b == 0xE0) return out = {2, 0xA0, 0xBF}, true;
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return out = {2, 0x80, 0xBF}, true;
  if (b == 0xED) return out = {2, 0x80, 0x9F}, true;  // no UTF-16 surrogates
  if (b == 0xF0) return out = {3, 0x90, 0xBF}, true;
  if (b >= 0xF1 && b <= 0xF3) return out = {3, 0x80, 0xBF}, true;
  if (b == 0xF4) return out = {3, 0x80, 0x8F}, true;  // nothing above U+10FFFF
  return false;
}

}  // namespace

utf8_validator::state utf8_validator::feed(std::string_view bytes) {
  for (char c : bytes) {
    if (bad_) break;
    auto const b = static_cast<std::uint8_t>(c);
    if (needed_ == 0) {
      lead l{};
      if (!classify(b, l)) {
        bad_ = true;
        break;
      }
      needed_ = l.count;
      low_ = l.low;
      high_ = l.high;
    } else {
      if (b < low_ || b > high_) {
        bad_ = true;
        break;
      }
      --needed_;
      low_ = 0x80;
      high_ = 0xBF;
    }
    ++offset_;
  }
  return current();
}

utf8_validator::state utf8_validator::current() const {
  if (bad_) return state::invalid;
  return needed_ == 0 ? state::valid : state::incomplete;
}

bool is_valid_utf8(std::string_view text) {
  utf8_validator v;
  return v.feed(text) == utf8_validator::state::valid;
}

}  // namespace conform::ws
