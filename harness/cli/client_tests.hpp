// `conform serve --client-tests`: Autobahn|Testsuite's fuzzingserver, for WebSocket
// clients. The ws suite's Autobahn-numbered cases run with the roles swapped (conform
// is the server; the client echoes), driven by the URLs clients already use:
//   /getCaseCount   /getCaseInfo?case=N   /runCase?case=N&agent=A
//   /getCaseStatus?case=N&agent=A   /updateReports?agent=A
// Reports per agent in OUT/<agent>/, and OUT/index.html with one column per agent.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "harness/engine/registry.hpp"

namespace conform::cli {

struct client_tests_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 9001;
  std::string out = "conform-client-reports";
  bool heavy = false;
  std::chrono::milliseconds case_timeout{10'000};
  std::chrono::milliseconds read_timeout{2'000};
  std::string port_file;  // where to write the port (port 0: ephemeral)
  std::uint64_t seed = 1;
};

// The cases a client is tested with, in Autobahn's order (1.1.1, 1.1.2, …, 10.1.1).
std::vector<registered_case> client_case_table(bool heavy);
// The Autobahn number of a case ("1.1.1"), from its see_also.
std::string autobahn_number(registered_case const&);

// Serves until SIGINT or SIGTERM.
int serve_client_tests(client_tests_options const&);

}  // namespace conform::cli
