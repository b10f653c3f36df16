// Fuzz target: the harness's HTTP/1 response reader, which reads whatever a target
// sends — a hostile target is input too. The first byte picks the request method the
// response answers and the size of each read; the rest is the wire.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "harness/http1/response_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  using conform::h1::response_reader;
  if (size == 0) return 0;
  std::string_view in(reinterpret_cast<char const*>(data) + 1, size - 1);
  std::string_view const methods[] = {"GET", "HEAD", "CONNECT", "POST"};
  std::size_t const step = 1 + (data[0] >> 2);

  response_reader reader({.max_head = 4096, .max_line = 256, .max_body = 1 << 16});
  reader.answering(methods[data[0] & 3]);
  while (!in.empty()) {
    auto const piece = in.substr(0, step);
    auto const used = reader.feed(piece);
    if (used > piece.size()) std::abort();
    in.remove_prefix(used);
    auto const state = reader.current();
    if (state == response_reader::state::failed) return 0;
    if (state == response_reader::state::done) {
      auto const r = reader.take();
      if (r.status < 0 || r.status > 999) std::abort();  // three digits, whatever they say
      if ((r.status < 100 || r.status > 599) && r.violations.empty()) std::abort();  // and noted when invalid
      continue;
    }
    if (used != piece.size()) std::abort();  // wanting more, it must take all it was given
  }
  reader.end_of_input();
  if (reader.current() == response_reader::state::done) reader.take();
  return 0;
}
