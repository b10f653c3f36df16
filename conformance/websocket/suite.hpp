// The WebSocket server suite (RFC 6455, RFC 7692): its index of per-topic case tables
// and its capability probe. Case ids are stable slugs; the Autobahn|Testsuite number
// of each case is in its see_also.
#pragma once

#include <cstddef>
#include <span>

#include "harness/engine/case.hpp"

namespace conform::websocket {

suite make_suite();

// One table per topic file, named after the file that holds it.
std::span<case_def const> handshake_cases();            // rfc6455_4_opening_handshake.cpp
std::span<case_def const> framing_cases();              // rfc6455_5_2_framing.cpp
std::span<case_def const> ping_pong_cases();            // rfc6455_5_5_2_ping_pong.cpp
std::span<case_def const> reserved_bits_opcode_cases(); // rfc6455_5_2_reserved_bits_opcodes.cpp
std::span<case_def const> fragmentation_cases();        // rfc6455_5_4_fragmentation.cpp
std::span<case_def const> utf8_cases();                 // rfc6455_8_1_utf8.cpp
std::span<case_def const> utf8_sequence_cases();        // rfc6455_8_1_utf8.cpp (utf8_sequences.cpp)
std::span<case_def const> close_cases();                // rfc6455_7_close.cpp
std::span<case_def const> limits_cases();               // autobahn_9_limits_performance.cpp
std::span<case_def const> deflate_stream_cases();       // rfc7692_7_permessage_deflate.cpp
// The messages per permessage-deflate stream case (Autobahn's 1000); the self-tests
// lower it so that 216 cases run twice in seconds on the in-memory model.
void set_deflate_stream_messages(std::size_t n);

// Whether the target completes an opening handshake (and negotiates permessage-deflate)
// on its WebSocket endpoint: the ws(s) URL's path, or /ws of an http(s) target.
probe_report probe(context& cx);

}  // namespace conform::websocket
