// Reason phrases for the status line (RFC 9110 §15). Clients ignore them; they make
// transcripts readable.
#pragma once

#include <string_view>

namespace conform::reference::http1 {

// The RFC's reason phrase for `status`, or "Unknown" for a code it does not define.
std::string_view reason_phrase(int status);

}  // namespace conform::reference::http1
