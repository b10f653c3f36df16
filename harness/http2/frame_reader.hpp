// Reads the frames a target sends (RFC 9113 §4.1), sans-I/O and bounded: it buffers at
// most one frame of the largest size we advertised, and names what is wrong instead of
// guessing (a frame above our SETTINGS_MAX_FRAME_SIZE, padding longer than the payload,
// an HTTP/1.1 answer to the connection preface).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "harness/http2/frame.hpp"

namespace conform::h2 {

class frame_reader {
 public:
  enum class status { frame, need_more, error };

  explicit frame_reader(std::uint32_t max_frame_size = default_max_frame_size) : max_frame_size_(max_frame_size) {}

  void feed(std::string_view bytes) { buffer_.append(bytes); }
  // Takes the next whole frame out of what was fed. After `error`, it stays in error.
  status next(frame& out);

  std::string const& error() const { return error_; }
  // The target answered the preface with HTTP/1 bytes ("HTTP/1.1 400 ...").
  bool saw_http1() const { return saw_http1_; }
  std::size_t buffered() const { return buffer_.size(); }

 private:
  status fail(std::string why);
  bool strip_padding_and_priority(frame& f);

  std::uint32_t max_frame_size_;
  std::string buffer_;
  std::string error_;
  bool started_ = false;
  bool saw_http1_ = false;
};

}  // namespace conform::h2
