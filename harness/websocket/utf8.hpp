// An incremental UTF-8 validator (RFC 3629 §4, as RFC 6455 §8.1 requires of text
// messages): fed a message piece by piece, it says as soon as a byte makes the text
// invalid (fail-fast), and at the end whether a sequence was left incomplete.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace conform::ws {

class utf8_validator {
 public:
  enum class state { valid, incomplete, invalid };

  // Consumes `bytes`; after `invalid` further input is ignored.
  state feed(std::string_view bytes);
  // valid: every sequence complete; incomplete: a sequence is still open.
  state current() const;
  // Octets consumed before the first invalid one (meaningful once invalid).
  std::uint64_t valid_prefix() const { return offset_; }
  void reset() { *this = utf8_validator{}; }

 private:
  int needed_ = 0;          // continuation octets still expected
  std::uint8_t low_ = 0x80;   // bounds of the next continuation octet (overlongs,
  std::uint8_t high_ = 0xBF;  // surrogates and code points above U+10FFFF excluded)
  bool bad_ = false;
  std::uint64_t offset_ = 0;
};

// The whole text at once.
bool is_valid_utf8(std::string_view text);

}  // namespace conform::ws
