// Receiver limits of the reference Cap'n Web peer (capnweb.md §13). The first three are
// capnweb 0.12's defaults; the table and queue caps are ours (capnweb has none) so a
// hostile peer cannot grow a session without end.
#pragma once

#include <cstddef>

namespace conform::reference::rpc {

struct rpc_limits {
  std::size_t max_message_utf16 = 32u * 1024 * 1024;  // maxMessageSize, UTF-16 code units
  std::size_t max_depth = 256;                          // maxDepth of one message
  std::size_t max_bigint_digits = 16384;                // maxBigIntDigits
  std::size_t max_exports = 65536;                      // entries in our exports table
  std::size_t max_imports = 65536;                      // entries in our imports table
  std::size_t max_map_elements = 65536;                 // elements one remap may visit
};

}  // namespace conform::reference::rpc
