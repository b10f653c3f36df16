// Test helpers for the sans-I/O connection: feed a request in every split a transport
// could produce, and read back the responses it wrote.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reference/http1/connection.hpp"

namespace conform::reference::test {

struct response {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string body;
  bool complete = false;  // the framing said where it ends, and it did

  std::optional<std::string> field(std::string_view name) const;
  std::size_t count(std::string_view name) const;
};

// Splits `wire` into responses. `bodiless` says, per final response in order, that it
// answers a HEAD (so has no body whatever its fields say).
std::vector<response> parse_responses(std::string_view wire, std::vector<bool> bodiless = {});

struct run_result {
  std::string output;        // everything the connection wrote
  bool finished = false;     // it asked to be closed
  http1::violation violation = http1::violation::none;
};

// Feeds `pieces` one after the other, draining the output after each (as a transport
// that writes everything before reading again); then, if `eof`, signals the peer's EOF.
run_result run_pieces(std::vector<std::string_view> const& pieces, http1_limits const& limits = {},
                      bool eof = false);
run_result run_whole(std::string_view input, http1_limits const& limits = {});
run_result run_split(std::string_view input, std::size_t at, http1_limits const& limits = {});
run_result run_bytewise(std::string_view input, http1_limits const& limits = {});

// Calls `check` with the result of feeding `input` whole, split at every offset and
// byte by byte; `check` gets a label naming the split for its failure messages.
void for_every_split(std::string_view input, std::function<void(run_result const&, std::string const&)> check,
                     http1_limits const& limits = {});

}  // namespace conform::reference::test
