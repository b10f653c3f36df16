// `conform fuzz --suite ws`: after a valid opening handshake, client frames mutated at
// the fields RFC 6455 §5 constrains (FIN, RSV bits, opcode, mask, length form and
// declared length, control-frame rules, fragmentation, UTF-8, close codes), always
// followed by our own close; the target's frames read by the harness's frame reader.
#pragma once

#include "conformance/fuzz/protocol.hpp"

namespace conform::fuzz {

std::string mutate_ws(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng);
// One unit per frame while the bytes frame, then the rest as one unit.
std::vector<std::string> ws_units(std::string_view input);

std::unique_ptr<protocol> make_ws_protocol();

}  // namespace conform::fuzz
