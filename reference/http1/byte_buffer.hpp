// A flat, growable byte buffer: readable bytes at the front, writable space behind them.
// The transport reads straight into prepare(), the parser reads readable(); the storage
// is kept between requests so a keep-alive connection stops allocating.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

namespace conform::reference::http1 {

class byte_buffer {
 public:
  std::string_view readable() const { return {data_.get() + begin_, end_ - begin_}; }
  char* readable_data() { return data_.get() + begin_; }
  std::size_t size() const { return end_ - begin_; }
  bool empty() const { return begin_ == end_; }

  void consume(std::size_t n);
  // At least `n` writable bytes after the readable ones; commit() what was written.
  std::span<char> prepare(std::size_t n);
  void commit(std::size_t n) { end_ += n; }
  void append(std::string_view bytes);
  void clear() { begin_ = end_ = 0; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace conform::reference::http1
