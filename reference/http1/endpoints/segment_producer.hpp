// The body of a /bytes response as a list of segments: literal text (multipart
// boundaries and part headers) and runs of the deterministic pattern. Written out in
// pieces as the output drains; the length is known up front for Content-Length.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reference/http1/body_producer.hpp"

namespace conform::reference::http1 {

// Byte i of every /bytes/{n} body: 'a' + i % 26.
constexpr char pattern_byte(std::uint64_t i) { return static_cast<char>('a' + i % 26); }

class segment_producer final : public body_producer {
 public:
  void add_text(std::string text);
  void add_pattern(std::uint64_t offset, std::uint64_t size);
  std::uint64_t length() const { return length_; }

  bool produce(std::string& out, std::size_t budget) override;

 private:
  struct segment {
    std::string text;      // literal bytes, when pattern_size is 0
    std::uint64_t pattern_offset = 0;
    std::uint64_t pattern_size = 0;
  };
  std::vector<segment> segments_;
  std::size_t current_ = 0;
  std::uint64_t done_in_current_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace conform::reference::http1
