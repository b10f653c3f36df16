// A target is one URL under test: http(s) for HTTP/1.1 and HTTP/2, ws(s) for WebSocket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/engine/capability.hpp"
#include "harness/engine/params.hpp"

namespace conform {

struct target {
  std::string url;     // as the user gave it, normalised ("http://127.0.0.1:8080/")
  std::string scheme;  // "http", "https", "ws", "wss"
  std::string host;    // without IPv6 brackets
  std::uint16_t port = 0;
  std::string path;    // "/" unless the URL names one
  bool tls = false;
  bool embedded = false;  // the in-process reference server
  // The target is a WebSocket client that connected to us (conform serve
  // --client-tests): cases speak as the server, unmasked, and require masked frames.
  bool peer_is_client = false;
  capabilities offers;    // filled by the suites' probes before cases run
  // Fields added to every well-formed request a case builds (--header "Authorization: …").
  std::vector<std::pair<std::string, std::string>> extra_headers;
  // Thresholds of the limit cases (--param http1.big_field_bytes=131072).
  param_values params;

  // host[:port] as a Host header or :authority carries it (brackets for IPv6, port
  // omitted when it is the scheme's default).
  std::string authority() const;
};

struct target_parse {
  std::optional<target> value;
  std::string error;  // one line, when value is empty
};

target_parse parse_target(std::string_view url);

// True for 127.0.0.0/8, ::1 and "localhost": conform only sends its hostile traffic to
// machines the user owns unless told otherwise (--allow-remote).
bool is_loopback_host(std::string_view host);

}  // namespace conform
