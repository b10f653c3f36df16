// `conform fuzz --suite h2`: after the client preface, frames mutated field by field
// (type, flags, stream identifier and its reserved bit, length, padding, SETTINGS values,
// window increments, HPACK bytes) and sequence by sequence (CONTINUATION runs, frames on
// closed or idle streams), always followed by a PING and our half-close; the target's
// frames read by the harness's frame reader and its header blocks by nghttp2's inflater.
#pragma once

#include "conformance/fuzz/protocol.hpp"

namespace conform::fuzz {

std::string mutate_h2(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng);
// One unit per frame while the bytes frame, then the rest as one unit.
std::vector<std::string> h2_units(std::string_view input);

std::unique_ptr<protocol> make_h2_protocol();

}  // namespace conform::fuzz
