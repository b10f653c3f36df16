// The Transfer-Encoding of a request, accumulated over all its field lines, and the
// verdict RFC 9112 §6 gives on it. We implement no coding but chunked.
#pragma once

#include <string_view>

#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

class transfer_coding_list {
 public:
  // One Transfer-Encoding field line: a list of transfer-codings (RFC 9112 §6.1).
  void add(std::string_view field_value);

  bool present() const { return present_; }
  // none when the codings are exactly "chunked" once; otherwise why not, in this order:
  // unparsable (400), chunked twice (400, RFC 9112 §7), chunked not final (400, RFC 9112
  // §6.3), another coding before a final chunked (501, RFC 9112 §6.1).
  violation verdict() const;

 private:
  bool present_ = false;
  bool malformed_ = false;
  bool last_is_chunked_ = false;
  bool other_ = false;
  int chunked_ = 0;
};

}  // namespace conform::reference::http1
