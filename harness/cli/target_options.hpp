// The target flags `run`, `fuzz` and `replay` share: URLs (loopback only unless
// --allow-remote), TLS trust, and durations given as text.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/context.hpp"

namespace CLI {
class App;
}

namespace conform::cli {

struct target_options {
  std::vector<std::string> urls;
  bool insecure = false;
  std::string ca;
  bool allow_remote = false;
};

void add_target_options(CLI::App& cmd, target_options& o);
// The targets to use: the URLs given, or `embedded_url` when there are none. Throws
// usage_error on a bad URL or a non-loopback host without --allow-remote.
std::vector<target> resolve_targets(target_options const& o, std::string const& embedded_url);
// TCP/TLS connections; the embedded server's self-signed certificate is trusted.
connector target_connector(target_options const& o, bool embedded);
// "500ms", "2s", "1m" → a positive duration, or usage_error naming `flag`.
std::chrono::milliseconds duration_flag(std::string const& text, std::string_view flag);

}  // namespace conform::cli
