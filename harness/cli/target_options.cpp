#include "harness/cli/target_options.hpp"

#include <CLI/CLI.hpp>

#include "harness/cli/commands.hpp"
#include "harness/engine/duration.hpp"
#include "harness/net/dial.hpp"

namespace conform::cli {

void add_target_options(CLI::App& cmd, target_options& o) {
  cmd.add_option("--target", o.urls, "URL to test: http://HOST:PORT, https://…, ws://…; repeat for several")->type_name("URL");
  cmd.add_flag("--insecure,-k", o.insecure, "Do not verify the target's TLS certificate");
  cmd.add_option("--ca", o.ca, "Trust the CA certificates in FILE (PEM)")->check(CLI::ExistingFile)->type_name("FILE");
  cmd.add_flag("--allow-remote", o.allow_remote, "Allow targets that are not loopback addresses");
}

std::vector<target> resolve_targets(target_options const& o, std::string const& embedded_url) {
  std::vector<target> out;
  auto const urls = o.urls.empty() ? std::vector<std::string>{embedded_url} : o.urls;
  for (auto const& url : urls) {
    auto parsed = parse_target(url);
    if (!parsed.value) throw usage_error{parsed.error};
    auto t = std::move(*parsed.value);
    if (!o.allow_remote && !is_loopback_host(t.host))
      throw usage_error{"refusing to test " + t.url + ": conform sends hostile traffic, so targets must be loopback "
                        "addresses unless you pass --allow-remote"};
    t.embedded = o.urls.empty();
    out.push_back(std::move(t));
  }
  return out;
}

connector target_connector(target_options const& o, bool embedded) {
  return net::network_connector(net::tls_options{.insecure = o.insecure || embedded, .ca_file = o.ca});
}

std::chrono::milliseconds duration_flag(std::string const& text, std::string_view flag) {
  auto d = parse_duration(text);
  if (!d || d->count() == 0) throw usage_error{std::string(flag) + ": '" + text + "' is not a duration (try 500ms, 2s, 1m)"};
  return *d;
}

}  // namespace conform::cli
