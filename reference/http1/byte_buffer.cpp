#include "reference/http1/byte_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace conform::reference::http1 {

void byte_buffer::consume(std::size_t n) {
  begin_ += std::min(n, size());
  if (begin_ == end_) begin_ = end_ = 0;  // cheap rewind keeps the next read at the front
}

std::span<char> byte_buffer::prepare(std::size_t n) {
  if (capacity_ - end_ < n) {
    std::size_t const used = size();
    if (capacity_ - used >= n && begin_ > 0) {
      std::memmove(data_.get(), data_.get() + begin_, used);  // slide unread bytes to the front
    } else {
      std::size_t const grown = std::max(capacity_ * 2, used + n);
      auto bigger = std::make_unique_for_overwrite<char[]>(grown);
      if (used > 0) std::memcpy(bigger.get(), data_.get() + begin_, used);
      data_ = std::move(bigger);
      capacity_ = grown;
    }
    begin_ = 0;
    end_ = used;
  }
  return {data_.get() + end_, capacity_ - end_};
}

void byte_buffer::append(std::string_view bytes) {
  if (bytes.empty()) return;
  auto space = prepare(bytes.size());
  std::memcpy(space.data(), bytes.data(), bytes.size());
  commit(bytes.size());
}

}  // namespace conform::reference::http1
