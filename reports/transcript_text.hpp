// A case's transcript as plain text for people: one line per event with its time and
// connection, wire bytes with control bytes spelt out and a line break after each LF.
// JUnit's <system-out> and the console's verbose mode print it.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace conform::reports {

//   +   0.120 ms  #1 note  connected to 127.0.0.1:8080
//   +   0.310 ms  #1 send  GET / HTTP/1.1\r\n
//                          Host: 127.0.0.1\r\n
// `events` is a report case's "transcript" array; a final line says how many bytes the
// transcript's cap dropped, when it dropped any. The text holds no control character
// other than LF.
std::string transcript_text(nlohmann::json const& events, std::uint64_t dropped_bytes);

}  // namespace conform::reports
