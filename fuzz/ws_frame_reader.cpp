// Fuzz target: the harness's WebSocket frame reader and UTF-8 validator, which read
// whatever a target sends. The first byte sets the size of each read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  namespace ws = conform::ws;
  if (size == 0) return 0;
  std::string_view in(reinterpret_cast<char const*>(data) + 1, size - 1);
  std::size_t const step = 1 + data[0] % 32;
  ws::frame_reader reader(1 << 16);
  while (!in.empty()) {
    reader.feed(in.substr(0, step));
    in.remove_prefix(std::min(step, in.size()));
    ws::frame f;
    (void)reader.partial(f);  // the frame still arriving, as fail-fast UTF-8 reads it
    for (auto st = reader.next(f); st != ws::frame_reader::state::need_more; st = reader.next(f)) {
      if (st == ws::frame_reader::state::failed) return 0;
      if (f.payload.size() > (1u << 16)) std::abort();  // the cap holds
      if (f.op == 0x1) (void)ws::is_valid_utf8(f.payload);
      if (f.op == 0x8) (void)ws::close_code_of(f.payload), (void)ws::close_reason_of(f.payload);
      (void)f.describe();
    }
  }
  return 0;
}
