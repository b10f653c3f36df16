#include "reference/http1/endpoints/segment_producer.hpp"

#include <algorithm>
#include <array>

namespace conform::reference::http1 {
namespace {

// 26 * 2520 bytes of the pattern starting at 'a': any run is memcpy'd from here.
constexpr std::size_t pattern_period = 26;
constexpr std::size_t pattern_table_size = pattern_period * 2520;

struct pattern_table {
  std::array<char, pattern_table_size> bytes;
  constexpr pattern_table() : bytes() {
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = pattern_byte(i);
  }
};
pattern_table const table;

void append_pattern(std::string& out, std::uint64_t offset, std::uint64_t size) {
  while (size > 0) {
    std::size_t const start = offset % pattern_period;
    std::size_t const n = static_cast<std::size_t>(std::min<std::uint64_t>(size, pattern_table_size - start));
    out.append(table.bytes.data() + start, n);
    offset += n;
    size -= n;
  }
}

}  // namespace

void segment_producer::add_text(std::string text) {
  length_ += text.size();
  segments_.push_back({std::move(text), 0, 0});
}

void segment_producer::add_pattern(std::uint64_t offset, std::uint64_t size) {
  if (size == 0) return;
  length_ += size;
  segments_.push_back({{}, offset, size});
}

bool segment_producer::produce(std::string& out, std::size_t budget) {
  std::size_t const start = out.size();
  while (current_ < segments_.size() && out.size() - start < budget) {
    segment const& s = segments_[current_];
    std::uint64_t const size = s.pattern_size > 0 ? s.pattern_size : s.text.size();
    std::uint64_t const n = std::min<std::uint64_t>(size - done_in_current_, budget - (out.size() - start));
    if (s.pattern_size > 0) {
      append_pattern(out, s.pattern_offset + done_in_current_, n);
    } else {
      out.append(s.text, static_cast<std::size_t>(done_in_current_), static_cast<std::size_t>(n));
    }
    done_in_current_ += n;
    if (done_in_current_ == size) {
      ++current_;
      done_in_current_ = 0;
    }
  }
  return current_ == segments_.size();
}

}  // namespace conform::reference::http1
