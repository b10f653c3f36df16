// The JSON type of the Cap'n Web reference peer: nlohmann's ordered_json, so object keys
// keep the order they arrived in, as JavaScript's JSON.parse/JSON.stringify do.
#pragma once

#include <nlohmann/json.hpp>

namespace conform::reference::rpc {

using json = nlohmann::ordered_json;

// JSON.stringify's form of a message: no whitespace; integral doubles print without a
// fraction ("25", not "25.0").
std::string to_wire(json const& value);

// A JavaScript number from a JSON number (every number is a double in JavaScript).
double number_of(json const& value);

// A message's ID (or count) as the tables hold it. A number no table can hold (beyond
// 2^53, infinite, NaN) maps to one no table ever uses, so a lookup fails as it would
// in JavaScript instead of a conversion C++ leaves undefined (found by conform fuzz).
std::int64_t wire_id(json const& value);

// The JSON number JavaScript would print for x (finite x only): integral values in the
// 64-bit range become integers so they print without ".0"; -0 becomes 0.
json number_json(double x);

}  // namespace conform::reference::rpc
