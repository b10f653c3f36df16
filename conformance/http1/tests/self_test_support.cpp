#include "conformance/http1/tests/self_test_support.hpp"

#include <memory>
#include <stdexcept>

#include "conformance/index.hpp"
#include "harness/engine/runner.hpp"
#include "harness/http1/message.hpp"

namespace conform::http1::testing {
namespace {

connector model(fault f) {
  return [f](target const&, connect_request const&, transcript& log, std::chrono::steady_clock::time_point) {
    int const id = log.open_connection("in-memory model server");
    return std::make_unique<net::memory_connection>(log, id, std::make_unique<scripted_server>(f));
  };
}

}  // namespace

std::string dump(transcript const& log) {
  std::string out;
  for (auto const& e : log.events()) {
    char const* dir = e.what == transcript_event::kind::sent ? ">>" : e.what == transcript_event::kind::received ? "<<" : "--";
    out += "  [" + std::to_string(e.connection) + "] " + dir + " " + h1::escape(e.data, 2000) + "\n";
  }
  return out;
}

case_result run_case(std::string_view id, fault f) {
  auto const* rc = catalogue().find(id);
  if (rc == nullptr) throw std::runtime_error("no case " + std::string(id));
  run_settings settings;
  settings.jobs = 1;
  settings.seed = 1;
  runner r(settings, model(f));
  auto result = r.run({*parse_target("http://127.0.0.1:8080/").value}, {*rc});
  return std::move(result.cases.at(0));
}

}  // namespace conform::http1::testing
