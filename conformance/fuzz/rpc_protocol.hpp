// `conform fuzz --suite rpc`: Cap'n Web messages (one per line of the input) mutated
// as JSON — any node replaced by a tag, an ID, a number at a boundary, deep nesting —
// and as a sequence (releases, pulls and resolves out of place), sent over WebSocket
// (ws://…, one text frame each, then our close) or as one HTTP batch (http://…). What
// comes back must be Cap'n Web messages.
#pragma once

#include "conformance/fuzz/protocol.hpp"

namespace conform::fuzz {

std::string mutate_rpc(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng);
// One unit per message (line).
std::vector<std::string> rpc_units(std::string_view input);
// What is wrong with one message a peer sent, or empty.
std::string judge_rpc_message(std::string_view text);

std::unique_ptr<protocol> make_rpc_protocol();

}  // namespace conform::fuzz
