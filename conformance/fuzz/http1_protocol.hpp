// `conform fuzz --suite http1`: requests mutated at the grammar's joints (request line,
// field lines, line endings, Content-Length and Transfer-Encoding values, chunk sizes,
// pipelining), seeded with every HTTP/1.1 request vector; responses read by the
// harness's own tolerant reader.
#pragma once

#include "conformance/fuzz/protocol.hpp"

namespace conform::fuzz {

// The mutator alone (http1_mutator.cpp), for the protocol and its tests.
std::string mutate_http1(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng);
// Lines with their terminators, then the body as one unit per chunk line.
std::vector<std::string> http1_units(std::string_view input);

std::unique_ptr<protocol> make_http1_protocol();

}  // namespace conform::fuzz
