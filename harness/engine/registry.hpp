// The catalogue: every suite and its cases, looked up by id and selected by the CLI.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/case.hpp"

namespace conform {

struct registered_case {
  suite const* owner;
  case_def const* def;
};

struct selection {
  std::vector<std::string> suites = {};  // empty: all
  std::vector<std::string> cases = {};   // globs over ids; empty: all
  std::vector<std::string> skips = {};   // globs over ids to leave out
  bool heavy = false;               // include cases marked heavy
};

// `*` matches any run of characters (slashes included), `?` one character. A pattern
// without wildcards matches that id and everything below it ("http1/host" matches
// "http1/host/missing").
bool id_matches(std::string_view pattern, std::string_view id);

class registry {
 public:
  // Checks the tables: ids unique, in their suite, with section, title and a body.
  // Throws std::logic_error naming the first defect.
  explicit registry(std::vector<suite> suites);
  registry(registry const&) = delete;  // cases_ points into suites_
  registry& operator=(registry const&) = delete;

  std::span<suite const> suites() const { return suites_; }
  std::vector<registered_case> all() const;
  std::vector<registered_case> select(selection const&) const;
  registered_case const* find(std::string_view id) const;
  suite const* find_suite(std::string_view name) const;

 private:
  std::vector<suite> suites_;
  std::vector<registered_case> cases_;
};

}  // namespace conform
