#include "harness/cli/client_tests.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "conformance/index.hpp"
#include "harness/cli/client_tests_http.hpp"
#include "harness/cli/commands.hpp"
#include "harness/engine/runner.hpp"
#include "harness/net/dial.hpp"
#include "harness/net/relay_connection.hpp"
#include "reports/file_reporter.hpp"
#include "reports/html.hpp"
#include "reports/json_report.hpp"
#include "reports/matrix.hpp"

namespace conform::cli {
namespace {

namespace fs = std::filesystem;
using clock = std::chrono::steady_clock;

std::atomic<bool> stop_requested{false};
extern "C" void on_stop_signal(int) { stop_requested = true; }

// Autobahn's "behavior" words for our verdicts (its fuzzingserver answers with these).
std::string_view behavior(verdict v) {
  switch (v) {
    case verdict::pass: return "OK";
    case verdict::warn: return "NON-STRICT";
    case verdict::info: return "INFORMATIONAL";
    case verdict::skip: return "UNIMPLEMENTED";
    default: return "FAILED";
  }
}

class fuzzing_server {
 public:
  explicit fuzzing_server(client_tests_options const& o) : o_(o), table_(client_case_table(o.heavy)) {}

  void handle(std::unique_ptr<net::connection> c) {
    auto const req = read_opening(*c, clock::now() + o_.read_timeout);
    if (!req.error.empty()) {
      std::cerr << "  bad request: " << req.error << "\n";
      return;
    }
    if (!answer_opening(*c, req, clock::now() + o_.read_timeout)) return;
    auto const number = std::atoi(req.param("case").c_str());
    auto const agent = req.param("agent").empty() ? std::string("unknown") : req.param("agent");
    if (req.path == "/getCaseCount") return send_and_close(std::move(c), std::to_string(table_.size()));
    if (req.path == "/getCaseInfo") return send_and_close(std::move(c), case_info(number));
    if (req.path == "/getCaseStatus") return send_and_close(std::move(c), case_status(number, agent));
    if (req.path == "/updateReports") {
      write_reports();
      return send_and_close(std::move(c), {});
    }
    if (req.path == "/runCase") return run_case(std::move(c), number, agent);
    send_and_close(std::move(c), {});
  }

  void write_reports() {
    std::vector<reports::matrix_run> runs;
    for (auto const& [agent, results] : results_) {
      run_result rr;
      rr.info = info_for(agent);
      for (auto const& [n, r] : results) rr.cases.push_back(r);
      auto report = reports::to_json(rr);
      reports::write_reports(report, fs::path(o_.out) / agent, reports::parse_formats("json,html,junit,md,badge"));
      runs.push_back({.label = agent, .link = agent + "/report.html", .report = std::move(report)});
    }
    fs::create_directories(o_.out);
    std::ofstream(fs::path(o_.out) / "index.html", std::ios::binary) << reports::render_matrix_html(reports::matrix_json(runs));
    std::cout << "reports: " << (fs::path(o_.out) / "index.html").string() << " (" << runs.size() << " agent"
              << (runs.size() == 1 ? "" : "s") << ")" << std::endl;
  }

 private:
  target_report target_for(std::string const& agent) const {
    target t;
    t.url = "ws-client://" + agent;
    t.scheme = "ws";
    t.host = o_.host;
    t.path = "/runCase";
    t.peer_is_client = true;
    t.offers.add(capability::websocket);
    return {t, {"websocket: a client under test (" + agent + ")"}};
  }

  run_info info_for(std::string const& agent) const {
    run_info info;
    info.conform_version = CONFORM_VERSION;
    info.seed = o_.seed;
    info.jobs = 1;
    info.times = {o_.case_timeout, o_.read_timeout};
    info.targets.push_back(target_for(agent));
    return info;
  }

  void run_case(std::unique_ptr<net::connection> c, int number, std::string const& agent) {
    if (number < 1 || static_cast<std::size_t>(number) > table_.size()) return send_and_close(std::move(c), {});
    auto const& which = table_[static_cast<std::size_t>(number - 1)];
    // The case's one connection is the client that asked for it, recorded in the case's
    // own transcript; a case that asks for a second one cannot run against a client.
    auto slot = std::make_shared<std::unique_ptr<net::connection>>(std::move(c));
    connector const give = [slot, number](target const&, connect_request const&, transcript& log, clock::time_point) {
      if (!*slot) throw net::connect_error("a client connects once per case; the case asked for another connection");
      int const id = log.open_connection("the client that asked for case " + std::to_string(number));
      return std::unique_ptr<net::connection>(std::make_unique<net::relay_connection>(log, id, std::move(*slot)));
    };
    auto r = run_one(which, target_for(agent), 0, give, {o_.case_timeout, o_.read_timeout}, o_.seed);
    std::cout << "  " << agent << " case " << number << " (" << autobahn_number(which) << ", " << which.def->id
              << "): " << to_string(r.status) << (r.message.empty() ? "" : ": " + r.message.substr(0, 160)) << std::endl;
    results_[agent][number] = std::move(r);
  }

  std::string case_info(int number) const {
    if (number < 1 || static_cast<std::size_t>(number) > table_.size()) return "null";
    auto const& which = table_[static_cast<std::size_t>(number - 1)];
    return "{\"id\":\"" + autobahn_number(which) + "\",\"description\":\"" + json_escape(which.def->title) + "\"}";
  }

  std::string case_status(int number, std::string const& agent) const {
    auto const a = results_.find(agent);
    if (a == results_.end() || !a->second.contains(number)) return "{\"behavior\":\"UNKNOWN\"}";
    return "{\"behavior\":\"" + std::string(behavior(a->second.at(number).status)) + "\"}";
  }

  void send_and_close(std::unique_ptr<net::connection> c, std::string const& text) {
    auto const until = clock::now() + o_.read_timeout;
    send_text_and_close(*c, text, until);
  }

  client_tests_options o_;
  std::vector<registered_case> table_;
  std::map<std::string, std::map<int, case_result>> results_;
};

}  // namespace

int serve_client_tests(client_tests_options const& o) {
  net::listener listen(o.host, o.port);
  fuzzing_server server(o);
  std::cout << "conform fuzzing server (client tests): ws://" << o.host << ":" << listen.port() << " — "
            << client_case_table(o.heavy).size() << " cases; reports into " << o.out << std::endl;
  if (!o.port_file.empty()) std::ofstream(o.port_file) << listen.port() << "\n";
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  while (!stop_requested) {
    transcript scratch(64u << 10);
    auto c = listen.accept(scratch, clock::now() + std::chrono::milliseconds(300));
    if (c) server.handle(std::move(c));
  }
  std::cout << "conform fuzzing server stopped" << std::endl;
  return ok;
}

}  // namespace conform::cli
