// Properties of the reference's HTTP/2 frame writers (RFC 9113 §4.1, §6): what they write
// the harness's independent frame reader reads back field for field, however the bytes
// are split; a header block is cut into HEADERS plus CONTINUATION frames within the
// peer's SETTINGS_MAX_FRAME_SIZE with END_HEADERS on the last only (§6.10); and the
// reference's frame-header parser agrees with the harness's on any nine octets.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "harness/http2/frame.hpp"
#include "harness/http2/frame_reader.hpp"
#include "reference/http2/rfc9113_frame.hpp"

namespace conform {
namespace {

namespace ref = reference::http2;

std::vector<h2::frame> read_split(std::string const& bytes, std::uint32_t max_frame_size) {
  auto cuts = *rc::gen::container<std::vector<std::size_t>>(*rc::gen::inRange<std::size_t>(0, 17),
                                                            rc::gen::inRange<std::size_t>(0, bytes.size() + 1));
  cuts.push_back(0);
  cuts.push_back(bytes.size());
  std::sort(cuts.begin(), cuts.end());
  h2::frame_reader reader(max_frame_size);
  std::vector<h2::frame> got;
  for (std::size_t i = 1; i < cuts.size(); ++i) {
    reader.feed(std::string_view(bytes).substr(cuts[i - 1], cuts[i] - cuts[i - 1]));
    h2::frame f;
    while (reader.next(f) == h2::frame_reader::status::frame) got.push_back(f);
  }
  RC_ASSERT(reader.error().empty());
  RC_ASSERT(reader.buffered() == 0u);
  return got;
}

RC_GTEST_PROP(ReferenceFrameProperties, HeaderBlocksFitTheMaxFrameSize, ()) {
  auto const max = *rc::gen::inRange<std::uint32_t>(ref::min_max_frame_size, ref::min_max_frame_size + 200);
  auto const size = *rc::gen::oneOf(rc::gen::inRange<std::size_t>(0, 300), rc::gen::inRange<std::size_t>(max - 2, 3 * max + 3));
  std::mt19937 fill(*rc::gen::arbitrary<std::uint32_t>());  // cheap octets for blocks of up to 48 KiB
  std::string block(size, '\0');
  for (auto& c : block) c = static_cast<char>(fill());
  auto const stream = *rc::gen::inRange<std::uint32_t>(1, 0x7fffffff);
  auto const end_stream = *rc::gen::arbitrary<bool>();
  std::string bytes;
  ref::write_header_block(bytes, stream, block, end_stream, max);
  auto const got = read_split(bytes, max);
  RC_ASSERT(!got.empty());
  RC_ASSERT(got.size() == std::max<std::size_t>(1, (block.size() + max - 1) / max));
  std::string joined;
  for (std::size_t i = 0; i < got.size(); ++i) {
    RC_ASSERT(got[i].type == (i == 0 ? h2::frame_type::headers : h2::frame_type::continuation));
    RC_ASSERT(got[i].stream_id == stream);
    RC_ASSERT(got[i].payload.size() <= max);
    bool const last = i + 1 == got.size();
    RC_ASSERT(((got[i].flags & h2::flag::end_headers) != 0) == last);
    if (i == 0) RC_ASSERT(((got[i].flags & h2::flag::end_stream) != 0) == end_stream);
    joined += got[i].payload;
  }
  RC_ASSERT(joined == block);
}

RC_GTEST_PROP(ReferenceFrameProperties, WrittenFramesReadBack, ()) {
  // A mix of every frame the reference writes besides header blocks.
  std::string bytes;
  std::vector<h2::frame> expected;
  auto const count = *rc::gen::inRange(1, 8);
  for (int n = 0; n < count; ++n) {
    auto const stream = *rc::gen::inRange<std::uint32_t>(1, 0x7fffffff);
    auto const value = *rc::gen::inRange<std::uint32_t>(1, 0x7fffffff);
    auto const text = *rc::gen::container<std::string>(*rc::gen::inRange<std::size_t>(0, 200), rc::gen::arbitrary<char>());
    auto const code = *rc::gen::inRange<std::uint32_t>(0, 14);
    auto const u32 = [](std::uint32_t v) {
      return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
    };
    auto const expect = [](std::uint8_t type, std::uint8_t flags, std::uint32_t stream_id, std::string payload) {
      h2::frame e;
      e.type = type;
      e.flags = flags;
      e.stream_id = stream_id;
      e.payload = std::move(payload);
      return e;
    };
    h2::frame f;
    switch (*rc::gen::inRange(0, 6)) {
      case 0: {
        bool const end = *rc::gen::arbitrary<bool>();
        ref::write_data(bytes, stream, text, end);
        f = expect(h2::frame_type::data, std::uint8_t(end ? h2::flag::end_stream : 0), stream, text);
        break;
      }
      case 1:
        ref::write_window_update(bytes, stream, value);
        f = expect(h2::frame_type::window_update, 0, stream, u32(value));
        break;
      case 2:
        ref::write_rst_stream(bytes, stream, static_cast<ref::error_code>(code));
        f = expect(h2::frame_type::rst_stream, 0, stream, u32(code));
        break;
      case 3:
        ref::write_goaway(bytes, value, static_cast<ref::error_code>(code), text);
        f = expect(h2::frame_type::goaway, 0, 0, u32(value) + u32(code) + text);
        break;
      case 4: {
        auto const opaque = text.substr(0, 8) + std::string(8 - std::min<std::size_t>(8, text.size()), 'x');
        ref::write_ping_ack(bytes, opaque);
        f = expect(h2::frame_type::ping, h2::flag::ack, 0, opaque);
        break;
      }
      default:
        ref::write_settings(bytes, {{ref::settings_id::initial_window_size, value}, {ref::settings_id::max_frame_size, 16384}});
        f = expect(h2::frame_type::settings, 0, 0, std::string("\0\x04", 2) + u32(value) + std::string("\0\x05", 2) + u32(16384));
    }
    expected.push_back(f);
  }
  auto const got = read_split(bytes, ref::min_max_frame_size);
  RC_ASSERT(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    RC_ASSERT(got[i].type == expected[i].type);
    RC_ASSERT(got[i].flags == expected[i].flags);
    RC_ASSERT(got[i].stream_id == expected[i].stream_id);
    RC_ASSERT(got[i].payload == expected[i].payload);
  }
}

RC_GTEST_PROP(ReferenceFrameProperties, FrameHeaderParsersAgree, ()) {
  // Any nine octets, a length within the reader's limit and no PADDED/PRIORITY flag to
  // strip, then that many payload octets: both sides name the same header.
  auto header = *rc::gen::container<std::string>(9, rc::gen::arbitrary<char>());
  header[0] = 0;
  header[1] = static_cast<char>(header[1] & 0x3f);
  header[4] = static_cast<char>(header[4] & ~(h2::flag::padded | h2::flag::priority));
  auto const theirs = ref::parse_frame_header(header);
  std::string bytes = header + std::string(theirs.length, 'p');
  h2::frame_reader reader;
  reader.feed(bytes);
  h2::frame ours;
  RC_ASSERT(reader.next(ours) == h2::frame_reader::status::frame);
  RC_ASSERT(ours.payload.size() == theirs.length);
  RC_ASSERT(ours.type == theirs.type);
  RC_ASSERT(ours.flags == theirs.flags);
  RC_ASSERT(ours.stream_id == theirs.stream_id);
  RC_ASSERT(ours.reserved_bit == ((static_cast<std::uint8_t>(header[5]) & 0x80) != 0));
}

}  // namespace
}  // namespace conform
