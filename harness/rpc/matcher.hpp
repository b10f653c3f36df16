// The matcher language of the Cap'n Web session vectors (docs/rpc-vectors.md), the
// harness's own: expected messages are JSON patterns with $any, $export, $promise,
// $bind, $ref and $error, matched against what a peer sent; numbers compare by value,
// objects with the same keys in any order. Shares nothing with reference/rpc/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform::rpc {

using json = nlohmann::json;

// Names bound by $export, $promise and $bind, to the numbers they matched.
using bindings = std::map<std::string, double, std::less<>>;

// Whether `got` matches `pattern`; on success `bound` holds any new bindings (on
// failure it may hold partial ones: match on a copy to keep them out).
bool matches(json const& pattern, json const& got, bindings& bound);

// A message to send with every {"$ref": name} replaced by the bound number (unbound
// names are left as they are, so the peer sees the mistake).
json substitute(json const& message, bindings const& bound);

// The message as it travels: compact JSON.
std::string wire(json const& message);

bool is_release(json const& message);
bool is_abort(json const& message);

// An `expect` step: the patterns must match the received messages (in order unless
// `unordered`), releases are skipped unless a pattern is a release, and nothing else
// may have arrived unless `more`. Returns nothing, or what was expected and what came.
struct expectation {
  std::vector<json> patterns;
  bool unordered = false;
  bool more = false;
};
struct mismatch {
  std::string expected;
  std::string got;
};
std::optional<mismatch> match_expectation(expectation const& want, std::vector<json> const& got, bindings& bound);

// An `expect_abort` step: {"name": …, "message"/"message_prefix": …}, name "*" for any.
// True when `error` (the second element of an abort message) matches.
bool abort_matches(json const& want, json const& error);
// The pattern an expect_abort stands for, for messages: ["abort", {"$error": …}].
json abort_pattern(json const& want);

}  // namespace conform::rpc
