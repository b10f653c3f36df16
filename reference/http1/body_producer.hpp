// A response body written in pieces as the output drains, so a 64 MiB /bytes body or
// a long /stream never sits in memory whole.
#pragma once

#include <cstddef>
#include <string>

namespace conform::reference::http1 {

class body_producer {
 public:
  virtual ~body_producer() = default;
  // Appends the next bytes of the body, on the wire already (chunk framing included
  // where the body is chunked), about `budget` of them and at least one; returns true
  // once the body is complete.
  virtual bool produce(std::string& out, std::size_t budget) = 0;
};

}  // namespace conform::reference::http1
