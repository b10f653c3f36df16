// Standard base64 (RFC 4648 §4) as capnweb's "bytes" tag uses it: padding stripped on
// encode; on decode padding is optional, as Node's lenient decoder allows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform::reference::rpc {

std::string base64_encode(std::vector<std::uint8_t> const& bytes);

// Decodes like Node's Buffer.from(text, "base64"): URL-safe letters are accepted too,
// whitespace is skipped, and decoding stops at the first '=' or at any other character.
std::vector<std::uint8_t> base64_decode(std::string_view text);

}  // namespace conform::reference::rpc
