// Running one HTTP/1.1 case against the in-memory model server, for the self-tests.
#pragma once

#include <string>
#include <string_view>

#include "conformance/http1/tests/scripted_server.hpp"
#include "harness/engine/result.hpp"

namespace conform::http1::testing {

// The case's result against the model server with fault `f`.
case_result run_case(std::string_view id, fault f);

// The transcript, one escaped line per event, for failure messages.
std::string dump(transcript const& log);

}  // namespace conform::http1::testing
