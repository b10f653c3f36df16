// The literal tags of the Cap'n Web expression encoding (capnweb.md §5.2): validation
// with the errors capnweb 0.12's Evaluator raises, and normalization to the form its
// Devaluator re-sends (unpadded base64, decimal bigint, clipped dates, allowlisted
// error names, Headers' sorted lower-case names).
#pragma once

#include <optional>

#include "reference/rpc/json.hpp"
#include "reference/rpc/limits.hpp"

namespace conform::reference::rpc {

// "unknown special value: <json>", the TypeError for every malformed tag.
[[noreturn]] void throw_unknown_special(json const& value);

// Each returns the normalized form or throws rpc_error; a nullopt means "not this form",
// which the caller reports as an unknown special value.
std::optional<json> normalize_bigint(json const& value, rpc_limits const& limits);
std::optional<json> normalize_date(json const& value);
std::optional<json> normalize_bytes(json const& value);
std::optional<json> normalize_url(json const& value);
std::optional<json> normalize_headers(json const& value);
// Header pairs as Headers iteration yields them; throws a TypeError on a bad pair.
json normalize_header_list(json const& pairs);

// capnweb's error allowlist: other names become "Error".
std::string error_class(std::string const& name);

}  // namespace conform::reference::rpc
