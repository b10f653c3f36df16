// Properties of the harness's frame codecs (WebSocket RFC 6455 §5.2, HTTP/2 RFC 9113
// §4.1): whatever the builder writes, valid or not, the reader gives back field for field,
// however the bytes are split across reads; and the UTF-8 validator agrees with a
// decoder written here from RFC 3629's table.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "harness/http2/frame_builder.hpp"
#include "harness/http2/frame_reader.hpp"
#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/utf8.hpp"

namespace conform {
namespace {

// The bytes cut at up to 16 random points (a header or a length split included), so a
// reader sees many splits without a generator call per byte.
std::vector<std::string> pieces(std::string const& bytes) {
  auto cuts = *rc::gen::container<std::vector<std::size_t>>(*rc::gen::inRange<std::size_t>(0, 17),
                                                            rc::gen::inRange<std::size_t>(0, bytes.size() + 1));
  cuts.push_back(0);
  cuts.push_back(bytes.size());
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::string> out;
  for (std::size_t i = 1; i < cuts.size(); ++i)
    if (cuts[i] > cuts[i - 1]) out.push_back(bytes.substr(cuts[i - 1], cuts[i] - cuts[i - 1]));
  return out;
}

rc::Gen<ws::frame_spec> ws_frame_gen() {
  return rc::gen::exec([] {
    ws::frame_spec f;
    f.fin = *rc::gen::arbitrary<bool>();
    f.rsv = *rc::gen::inRange<std::uint8_t>(0, 8);
    f.op = *rc::gen::inRange<std::uint8_t>(0, 16);
    f.masked = *rc::gen::arbitrary<bool>();
    f.mask_key = {*rc::gen::arbitrary<std::uint8_t>(), *rc::gen::arbitrary<std::uint8_t>(), *rc::gen::arbitrary<std::uint8_t>(),
                  *rc::gen::arbitrary<std::uint8_t>()};
    auto const size = *rc::gen::oneOf(rc::gen::inRange<std::size_t>(0, 130), rc::gen::inRange<std::size_t>(65530, 65540));
    if (size < 200) {
      f.payload = *rc::gen::container<std::string>(size, rc::gen::arbitrary<char>());
    } else {  // 64 KiB around the 16-bit boundary: octets from a seeded generator, cheap to make
      std::mt19937 fill(*rc::gen::arbitrary<std::uint32_t>());
      for (std::size_t i = 0; i < size; ++i) f.payload += static_cast<char>(fill());
    }
    f.form = *rc::gen::element(ws::length_form::minimal, ws::length_form::bits7, ws::length_form::bits16, ws::length_form::bits64);
    if (f.form == ws::length_form::bits7 && f.payload.size() > 125) f.form = ws::length_form::minimal;
    if (f.form == ws::length_form::bits16 && f.payload.size() > 65535) f.form = ws::length_form::bits64;
    return f;
  });
}

RC_GTEST_PROP(FrameProperties, WebSocketFramesReadBackWhateverTheSplit, ()) {
  auto const frames = *rc::gen::container<std::vector<ws::frame_spec>>(*rc::gen::inRange<std::size_t>(1, 4), ws_frame_gen());
  std::string bytes;
  for (auto const& f : frames) bytes += ws::encode(f);
  ws::frame_reader reader;
  std::vector<ws::frame> got;
  for (auto const& p : pieces(bytes)) {
    reader.feed(p);
    ws::frame f;
    while (reader.next(f) == ws::frame_reader::state::frame) got.push_back(f);
  }
  RC_ASSERT(got.size() == frames.size());
  RC_ASSERT(reader.buffered() == 0u);
  for (std::size_t i = 0; i < frames.size(); ++i) {
    RC_ASSERT(got[i].fin == frames[i].fin);
    RC_ASSERT(got[i].rsv == frames[i].rsv);
    RC_ASSERT(got[i].op == frames[i].op);
    RC_ASSERT(got[i].masked == frames[i].masked);
    RC_ASSERT(got[i].payload == frames[i].payload);  // unmasked again
    auto const size = frames[i].payload.size();
    bool const minimal = frames[i].form == ws::length_form::minimal ||
                         (frames[i].form == ws::length_form::bits7 && size <= 125) ||
                         (frames[i].form == ws::length_form::bits16 && size > 125 && size <= 65535) ||
                         (frames[i].form == ws::length_form::bits64 && size > 65535);
    RC_ASSERT(got[i].minimal_length == minimal);
  }
}

RC_GTEST_PROP(FrameProperties, Http2FramesReadBackWhateverTheSplit, ()) {
  // Types whose payload the reader passes through as it is: DATA and HEADERS without
  // PADDED or PRIORITY, and extension types.
  auto const frames = *rc::gen::container<std::vector<h2::raw_frame>>(*rc::gen::inRange<std::size_t>(1, 5), rc::gen::exec([] {
    h2::raw_frame f;
    f.type = *rc::gen::oneOf(rc::gen::element(std::uint8_t{h2::frame_type::data}, std::uint8_t{h2::frame_type::headers}),
                             rc::gen::inRange<std::uint8_t>(10, 255));
    f.flags = *rc::gen::arbitrary<std::uint8_t>() & static_cast<std::uint8_t>(~(h2::flag::padded | h2::flag::priority));
    f.stream_id = *rc::gen::inRange<std::uint32_t>(1, 0x7fffffff);
    f.payload = *rc::gen::container<std::string>(*rc::gen::inRange<std::size_t>(0, 300), rc::gen::arbitrary<char>());
    return f;
  }));
  std::string bytes;
  for (auto const& f : frames) bytes += f.bytes();
  h2::frame_reader reader;
  std::vector<h2::frame> got;
  for (auto const& p : pieces(bytes)) {
    reader.feed(p);
    h2::frame f;
    for (auto st = reader.next(f); st == h2::frame_reader::status::frame; st = reader.next(f)) got.push_back(f);
  }
  RC_ASSERT(reader.error().empty());
  RC_ASSERT(got.size() == frames.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    RC_ASSERT(got[i].type == frames[i].type);
    RC_ASSERT(got[i].flags == frames[i].flags);
    RC_ASSERT(got[i].stream_id == frames[i].stream_id);
    RC_ASSERT(!got[i].reserved_bit);
    RC_ASSERT(got[i].payload == frames[i].payload);
  }
}

// RFC 3629 §4, read literally: the shortest form, no surrogates, nothing above U+10FFFF.
bool utf8_by_the_table(std::string_view s) {
  std::size_t i = 0;
  auto const at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto const tail = [&](std::size_t k) { return k < s.size() && (at(k) & 0xc0) == 0x80; };
  while (i < s.size()) {
    unsigned const c = at(i);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xc2 && c <= 0xdf) { n = 1; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; cp = c & 0x07; }
    else return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if (!tail(i + k)) return false;
      cp = (cp << 6) | (at(i + k) & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

RC_GTEST_PROP(FrameProperties, Utf8ValidatorAgreesWithTheTableOnAnyOctets, ()) {
  // Octets drawn mostly from the interesting ranges, so invalid and valid both occur.
  auto const text = *rc::gen::container<std::string>(rc::gen::oneOf(
      rc::gen::inRange<char>(0x20, 0x7f), rc::gen::map(rc::gen::inRange(0x80, 0x100), [](int c) { return static_cast<char>(c); })));
  RC_ASSERT(ws::is_valid_utf8(text) == utf8_by_the_table(text));
}

RC_GTEST_PROP(FrameProperties, Utf8ValidatorAcceptsEveryScalarValue, ()) {
  auto const cps = *rc::gen::container<std::vector<std::uint32_t>>(rc::gen::suchThat(
      rc::gen::inRange<std::uint32_t>(0, 0x110000), [](std::uint32_t cp) { return cp < 0xd800 || cp > 0xdfff; }));
  std::string text;
  for (auto cp : cps) {
    if (cp < 0x80) text += static_cast<char>(cp);
    else if (cp < 0x800) text += {static_cast<char>(0xc0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3f))};
    else if (cp < 0x10000)
      text += {static_cast<char>(0xe0 | cp >> 12), static_cast<char>(0x80 | ((cp >> 6) & 0x3f)), static_cast<char>(0x80 | (cp & 0x3f))};
    else
      text += {static_cast<char>(0xf0 | cp >> 18), static_cast<char>(0x80 | ((cp >> 12) & 0x3f)),
               static_cast<char>(0x80 | ((cp >> 6) & 0x3f)), static_cast<char>(0x80 | (cp & 0x3f))};
  }
  RC_ASSERT(ws::is_valid_utf8(text));
}

}  // namespace
}  // namespace conform
