// Paths whose requests switch protocols after an HTTP/1.1 Upgrade (RFC 9110 §7.8), each
// with the check that decides whether a request may switch. A request to such a path
// is not routed: it is refused by its check (with that check's status) or the
// connection is handed over, whole, to the protocol's transport.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "reference/http1/request.hpp"

namespace conform::reference::http1 {

struct upgrade_refusal {
  int status = 0;           // 0: the request may switch
  std::string_view key;     // stable violation key: "ws_key_malformed"
  std::string_view clause;  // "RFC 6455 §4.2.1 item 5"
  std::string_view reason;  // one sentence
  std::array<std::pair<std::string_view, std::string_view>, 2> fields{};  // extra response fields
  explicit operator bool() const { return status != 0; }
};

using upgrade_check = upgrade_refusal (*)(request const&);

// The check for requests to `path`, or null when `path` is not an upgrade endpoint.
upgrade_check find_upgrade(std::string_view path);

}  // namespace conform::reference::http1
