// `conform serve`: the reference server on its own, for other tools or for conform run
// in another process.
#include <CLI/CLI.hpp>

#include <charconv>
#include <fstream>
#include <iostream>
#include <memory>

#include "harness/cli/client_tests.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/target_options.hpp"
#include "reference/server/server.hpp"

namespace conform::cli {
namespace {

struct serve_options {
  std::vector<std::string> listen;
  std::vector<std::string> tls_listen;
  std::string cert, key;
  unsigned threads = 1;
  std::size_t max_body = 0, max_header_bytes = 0, max_request_line = 0;
  std::uint64_t ws_max_message = 0;
  bool ws_no_deflate = false;
  std::string port_file;
  bool client_tests = false;
  std::string out = "conform-client-reports";
  bool heavy = false;
  std::string timeout = "10s", read_timeout = "2s";
};

reference::listener_options parse_listen(std::string const& text, bool tls) {
  auto const colon = text.rfind(':');
  if (colon == std::string::npos) throw usage_error{"listen address '" + text + "': expected HOST:PORT"};
  auto host = text.substr(0, colon);
  if (host.size() > 1 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto const p = text.substr(colon + 1);
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), port);
  if (ec != std::errc{} || end != p.data() + p.size() || port > 65535) throw usage_error{"listen address '" + text + "': bad port"};
  return {.address = host, .port = static_cast<std::uint16_t>(port), .tls = tls};
}

int serve_clients(serve_options const& o) {
  if (!o.tls_listen.empty()) throw usage_error{"--client-tests listens on plain TCP only (--listen HOST:PORT)"};
  if (o.listen.size() > 1) throw usage_error{"--client-tests listens on one address"};
  auto const at = parse_listen(o.listen.empty() ? "127.0.0.1:9001" : o.listen.front(), false);
  client_tests_options c;
  c.host = at.address;
  c.port = at.port;
  c.out = o.out;
  c.heavy = o.heavy;
  c.case_timeout = duration_flag(o.timeout, "--timeout");
  c.read_timeout = duration_flag(o.read_timeout, "--read-timeout");
  c.port_file = o.port_file;
  return serve_client_tests(c);
}

int serve(serve_options const& o) {
  if (o.client_tests) return serve_clients(o);
  reference::server_options options;
  options.listeners.clear();
  for (auto const& l : o.listen) options.listeners.push_back(parse_listen(l, false));
  for (auto const& l : o.tls_listen) options.listeners.push_back(parse_listen(l, true));
  if (options.listeners.empty()) options.listeners.push_back(parse_listen("127.0.0.1:8080", false));
  if ((o.cert.empty()) != (o.key.empty())) throw usage_error{"--tls-cert and --tls-key go together"};
  options.tls_cert_file = o.cert;
  options.tls_key_file = o.key;
  options.threads = std::max(1u, o.threads);
  if (o.max_body) options.limits.max_body = o.max_body;
  if (o.max_header_bytes) options.limits.max_header_bytes = o.max_header_bytes;
  if (o.max_request_line) options.limits.max_request_line = o.max_request_line;
  if (o.ws_max_message) options.websocket.max_message = o.ws_max_message;
  options.websocket.permessage_deflate = !o.ws_no_deflate;

  reference::server server(options);
  server.start();
  for (std::size_t i = 0; i < options.listeners.size(); ++i)
    std::cout << "conform reference server listening on " << server.url(i) << std::endl;
  if (!o.port_file.empty()) {
    std::ofstream f(o.port_file);
    for (auto port : server.ports()) f << port << "\n";
  }
  server.wait_for_signal();
  std::cout << "conform reference server stopped" << std::endl;
  return ok;
}

}  // namespace

command add_serve_command(CLI::App& app) {
  auto o = std::make_shared<serve_options>();
  auto* cmd = app.add_subcommand("serve", "Run the reference server (HTTP/1.1, HTTP/2, WebSocket on /ws and Cap'n Web on /rpc, plain and TLS) until SIGINT or SIGTERM");
  cmd->add_option("--listen", o->listen, "Plain HTTP on HOST:PORT (port 0: ephemeral; default 127.0.0.1:8080)")->type_name("ADDR");
  cmd->add_option("--tls-listen", o->tls_listen, "HTTPS on HOST:PORT")->type_name("ADDR");
  cmd->add_option("--tls-cert", o->cert, "Certificate chain (PEM); default: a self-signed one made at start")->check(CLI::ExistingFile)->type_name("FILE");
  cmd->add_option("--tls-key", o->key, "Private key (PEM) of --tls-cert")->check(CLI::ExistingFile)->type_name("FILE");
  cmd->add_option("--threads", o->threads, "Worker threads (default 1)")->check(CLI::Range(1u, 256u));
  cmd->add_option("--max-body", o->max_body, "Largest request body in bytes (413 beyond)");
  cmd->add_option("--max-header-bytes", o->max_header_bytes, "Largest header section in bytes (431 beyond)");
  cmd->add_option("--max-request-line", o->max_request_line, "Longest request line in bytes (414 beyond)");
  cmd->add_option("--ws-max-message", o->ws_max_message, "Largest WebSocket message on /ws in bytes (close 1009 beyond)");
  cmd->add_flag("--ws-no-deflate", o->ws_no_deflate, "Do not negotiate permessage-deflate on /ws");
  cmd->add_option("--port-file", o->port_file, "Write the bound ports, one per line, to FILE")->type_name("FILE");
  cmd->add_flag("--client-tests", o->client_tests,
                "Test WebSocket CLIENTS instead: Autobahn's fuzzingserver URLs (/getCaseCount, /runCase?case=N&agent=A, "
                "/updateReports?agent=A) on --listen (default 127.0.0.1:9001)");
  cmd->add_option("--out", o->out, "With --client-tests: reports per agent into DIR (default conform-client-reports)")->type_name("DIR");
  cmd->add_flag("--heavy", o->heavy, "With --client-tests: include the 9.x limits cases");
  cmd->add_option("--timeout", o->timeout, "With --client-tests: time limit of one case (default 10s)")->type_name("DUR");
  cmd->add_option("--read-timeout", o->read_timeout, "With --client-tests: how long to wait for any one answer (default 2s)")->type_name("DUR");
  cmd->footer(
      "Examples:\n"
      "  conform serve --listen 127.0.0.1:8080\n"
      "  conform serve --client-tests --listen 127.0.0.1:9001 --out client-reports\n"
      "  conform serve --listen 127.0.0.1:0 --tls-listen 127.0.0.1:0 --port-file ports.txt\n"
      "  conform serve --tls-listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem");
  return [o] { return serve(*o); };
}

}  // namespace conform::cli
