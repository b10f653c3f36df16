// Fuzz target: the reference HTTP/2 server connection (RFC 9113), sans-I/O, fed frames
// after the client preface. The first two bytes choose the settings it runs with (small
// limits make the flood and flow-control paths reachable) and the size of each read.
// Whatever it writes must read back as well-formed frames in the harness's reader.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "harness/http2/frame_reader.hpp"
#include "reference/http2/connection.hpp"
#include "reference/http2/rfc9113_frame.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  namespace ref = conform::reference::http2;
  if (size < 2) return 0;
  ref::limits l;
  l.max_concurrent_streams = 1 + (data[0] & 0x07);
  l.initial_window_size = (data[0] & 0x08) ? 100 : l.initial_window_size;
  l.max_header_block = (data[0] & 0x10) ? 512 : l.max_header_block;
  l.max_empty_frames = (data[0] & 0x20) ? 4 : l.max_empty_frames;
  l.max_resets = (data[0] & 0x40) ? 2 : l.max_resets;
  l.max_pending_output = 64 * 1024;
  std::size_t const step = 1 + data[1] % 128;
  std::string input(ref::connection_preface);
  input.append(reinterpret_cast<char const*>(data) + 2, size - 2);

  ref::connection c(l);
  c.set_date("Sun, 06 Nov 1994 08:49:37 GMT");
  // Our frames may be as large as the client allows, up to the protocol maximum.
  conform::h2::frame_reader out(ref::max_max_frame_size);
  std::string_view in(input);
  while (!in.empty() && c.wants_input()) {
    c.feed(in.substr(0, step));
    in.remove_prefix(std::min(step, in.size()));
    out.feed(c.output());
    c.consume_output(c.output().size());
    conform::h2::frame f;
    for (auto st = out.next(f); st != conform::h2::frame_reader::status::need_more; st = out.next(f))
      if (st == conform::h2::frame_reader::status::error) std::abort();  // the server wrote a broken frame
  }
  if (!c.finished()) c.on_idle_timeout();
  out.feed(c.output());
  conform::h2::frame f;
  for (auto st = out.next(f); st != conform::h2::frame_reader::status::need_more; st = out.next(f))
    if (st == conform::h2::frame_reader::status::error) std::abort();
  return 0;
}
