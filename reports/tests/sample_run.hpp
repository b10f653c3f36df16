// A run built by hand for the report tests: static cases in two suites, one result per
// verdict, and transcripts full of bytes that break naive writers (CR, LF, NUL, 0xFF,
// "]]>", "</script>").
#pragma once

#include <string>

#include "harness/engine/registry.hpp"
#include "harness/engine/result.hpp"

namespace conform::reports::testing {

registry const& sample_registry();

// Every byte value 0..255 once, in order: received by http1/host/missing.
std::string all_byte_values();

// One target, seven cases: 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error.
run_result sample_run();

// The same cases on two targets.
run_result sample_run_two_targets();

}  // namespace conform::reports::testing
