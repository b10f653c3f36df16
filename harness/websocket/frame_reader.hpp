// Reads frames a target sends (RFC 6455 §5.2), sans I/O and bounded. It decodes what
// is there — FIN, RSV bits, opcode, mask, payload — and leaves judging to the cases;
// it fails only where the stream cannot be framed at all: a 64-bit length with the
// top bit set, or a payload larger than the cap (never allocated, only reported).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conform::ws {

struct frame {
  bool fin = true;
  std::uint8_t rsv = 0;
  std::uint8_t op = 0;
  bool masked = false;
  std::array<std::uint8_t, 4> mask_key = {};
  std::string payload;  // unmasked
  bool minimal_length = true;  // the length used its shortest form

  std::string describe() const;  // "text fin len=5", "close 1000 \"bye\""
};

class frame_reader {
 public:
  static constexpr std::uint64_t default_max_payload = 32u << 20;

  explicit frame_reader(std::uint64_t max_payload = default_max_payload) : max_payload_(max_payload) {}

  void feed(std::string_view bytes) { buffer_.append(bytes); }
  enum class state { frame, need_more, failed };
  // Decodes the next complete frame into `out`; `failed` is final (see error()).
  state next(frame& out);
  std::string const& error() const { return error_; }
  // The frame still arriving: its header fields and the payload octets received so
  // far (unmasked), so a reader can judge a message before its frame ends (UTF-8
  // fail-fast), from payload octet `skip` on, so a reader that polls pays only for new
  // octets. False when not even its header is complete.
  bool partial(frame& out, std::size_t skip = 0) const;
  // Bytes received and not yet part of a frame.
  std::size_t buffered() const { return buffer_.size() - consumed_; }

 private:
  struct header {
    std::size_t size = 0;  // octets of header, mask key included
    std::uint64_t length = 0;
    bool minimal = true;
  };
  // need_more, failed (error_ set) or frame (the header is complete).
  state parse_header(std::string_view in, header& h, std::string& why) const;
  static void fill(std::string_view in, header const& h, std::size_t skip, std::size_t payload_octets, frame& out);

  std::uint64_t max_payload_;
  std::string buffer_;
  std::size_t consumed_ = 0;
  std::string error_;
};

// The close code of a close frame's payload, if it carries one (two octets or more).
std::optional<std::uint16_t> close_code_of(std::string_view payload);
std::string_view close_reason_of(std::string_view payload);

}  // namespace conform::ws
