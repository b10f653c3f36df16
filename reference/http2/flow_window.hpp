// RFC 9113 §6.9: one flow-control window. Signed, because a SETTINGS_INITIAL_WINDOW_SIZE
// change can make a send window negative (§6.9.2); bounded by 2^31 - 1.
#pragma once

#include <cstdint>

#include "reference/http2/rfc9113_frame.hpp"

namespace conform::reference::http2 {

class flow_window {
 public:
  explicit flow_window(std::int64_t initial = 65535) : size_(initial) {}

  std::int64_t size() const { return size_; }
  std::int64_t available() const { return size_ > 0 ? size_ : 0; }
  // False when the window would pass 2^31 - 1: a FLOW_CONTROL_ERROR (§6.9.1).
  [[nodiscard]] bool grow(std::int64_t by) {
    if (size_ + by > max_window_size) return false;
    size_ += by;
    return true;
  }
  // False when the peer sent more than the window allowed.
  [[nodiscard]] bool consume(std::int64_t n) {
    if (n > size_) return false;
    size_ -= n;
    return true;
  }

 private:
  std::int64_t size_;
};

}  // namespace conform::reference::http2
