// The HPACK suite (RFC 7541) run over HTTP/2: every representation accepted, every
// decoding error a connection error COMPRESSION_ERROR (RFC 9113 §4.3).
#pragma once

#include <span>

#include "harness/engine/case.hpp"

namespace conform::hpack {

suite make_suite();

std::span<case_def const> representation_cases();  // rfc7541_6_representations.cpp
std::span<case_def const> decoding_error_cases();  // rfc7541_decoding_errors.cpp
std::span<case_def const> dynamic_table_cases();   // rfc7541_4_dynamic_table.cpp

}  // namespace conform::hpack
