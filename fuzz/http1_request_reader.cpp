// Fuzz target: the reference server's HTTP/1 request reader (header scanner, Beast's
// parser, request checks) — what every hostile client reaches first. The first byte
// sets the size of each read; the rest is the wire, possibly several pipelined requests.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reference/http1/request_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  namespace h1 = conform::reference::http1;
  if (size == 0) return 0;
  std::string_view in(reinterpret_cast<char const*>(data) + 1, size - 1);
  std::size_t const step = 1 + data[0] % 64;
  conform::reference::http1_limits limits;
  limits.max_body = 1 << 16;
  h1::request_reader reader(limits);
  h1::byte_buffer buffer;
  while (!in.empty()) {
    buffer.append(in.substr(0, step));
    in.remove_prefix(std::min(step, in.size()));
    for (;;) {
      auto const before = buffer.size();
      auto const e = reader.read(buffer);
      if (buffer.size() > before) std::abort();  // it only ever consumes
      if (e == h1::request_reader::event::rejected) return 0;  // the connection would close
      if (e == h1::request_reader::event::need_more) break;
      if (e == h1::request_reader::event::header_done) {
        reader.keep_body(true);
        continue;
      }
      if (reader.current().body().size() > limits.max_body) std::abort();
      reader.next();
    }
  }
  return 0;
}
