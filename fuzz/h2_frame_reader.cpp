// Fuzz target: the harness's HTTP/2 frame reader (padding, priority fields, size cap)
// and nghttp2's inflater on the header blocks it delivers, as a hostile target would
// send them. The first byte sets the size of each read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "harness/http2/frame_reader.hpp"
#include "harness/http2/hpack_inflater.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  namespace h2 = conform::h2;
  if (size == 0) return 0;
  std::string_view in(reinterpret_cast<char const*>(data) + 1, size - 1);
  std::size_t const step = 1 + data[0] % 64;
  h2::frame_reader reader;
  h2::hpack_inflater inflater;
  while (!in.empty()) {
    reader.feed(in.substr(0, step));
    in.remove_prefix(std::min(step, in.size()));
    h2::frame f;
    for (auto st = reader.next(f); st != h2::frame_reader::status::need_more; st = reader.next(f)) {
      if (st == h2::frame_reader::status::error) return 0;
      if (f.payload.size() > h2::default_max_frame_size) std::abort();  // the cap holds
      (void)f.rst_code(), (void)f.window_increment(), (void)f.goaway();
      if (f.type == h2::frame_type::headers) (void)inflater.inflate(f.payload);
    }
  }
  return 0;
}
