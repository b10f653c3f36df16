// Fuzz target, differential: the reference HPACK decoder against nghttp2's inflater on
// the same header blocks. Where both accept a block, they must decode the same fields;
// each may refuse what the other takes (their limits differ), never disagree on meaning.
// The first byte splits the input into two blocks on one connection (dynamic table).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "harness/http2/hpack_inflater.hpp"
#include "reference/hpack/decoder.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  namespace ref = conform::reference::hpack;
  if (size == 0) return 0;
  std::string_view in(reinterpret_cast<char const*>(data) + 1, size - 1);
  std::size_t const cut = std::min<std::size_t>(data[0], in.size());
  ref::decoder ours;
  conform::h2::hpack_inflater theirs;
  for (auto block : {in.substr(0, cut), in.substr(cut)}) {
    std::vector<ref::header_field> mine;
    auto const error = ours.decode(block, mine);
    auto const other = theirs.inflate(block);
    if (error || !other.ok()) return 0;  // one refused: the connection ends there
    if (mine.size() != other.fields.size()) std::abort();
    for (std::size_t i = 0; i < mine.size(); ++i)
      if (mine[i].name != other.fields[i].name || mine[i].value != other.fields[i].value) std::abort();
  }
  return 0;
}
