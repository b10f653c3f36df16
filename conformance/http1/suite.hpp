// The HTTP/1.1 suite: its index of per-topic case tables and its capability probe.
#pragma once

#include <span>
#include <vector>

#include "harness/engine/case.hpp"

namespace conform::http1 {

suite make_suite();

// One table per topic file, named after the file that holds it.
std::span<case_def const> request_line_cases();     // rfc9112_3_request_line.cpp
std::span<case_def const> request_target_cases();   // rfc9112_3_2_host.cpp
std::span<case_def const> field_cases();            // rfc9112_5_fields.cpp
std::span<case_def const> content_length_cases();   // rfc9112_6_content_length.cpp
std::span<case_def const> transfer_encoding_cases();  // rfc9112_6_1_transfer_encoding.cpp
std::span<case_def const> chunked_cases();          // rfc9112_7_chunked.cpp
std::span<case_def const> persistence_cases();      // rfc9112_9_persistence.cpp
std::span<case_def const> head_cases();             // rfc9110_9_3_2_head.cpp
std::span<case_def const> no_content_cases();       // rfc9110_no_content_statuses.cpp
std::span<case_def const> response_cases();         // rfc9110_response.cpp
std::span<case_def const> expect_cases();           // rfc9110_10_1_1_expect.cpp
std::span<case_def const> conditional_cases();      // rfc9110_13_conditionals.cpp
std::span<case_def const> range_cases();            // rfc9110_14_ranges.cpp
std::span<case_def const> upgrade_cases();          // rfc9110_7_8_upgrade.cpp
std::span<case_def const> options_cases();          // rfc9110_9_3_7_options.cpp
std::span<case_def const> limits_cases();           // rfc9110_5_4_limits.cpp
std::span<case_def const> representation_cases();   // rfc9110_8_representation.cpp
// One table per request-vector file, conformance/vectors/http1/*.md (vector_cases.cpp).
std::vector<std::span<case_def const>> vector_tables();

// Which endpoints of the target profile the target offers (DESIGN.md).
probe_report probe(context& cx);

}  // namespace conform::http1
