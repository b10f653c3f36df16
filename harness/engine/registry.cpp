#include "harness/engine/registry.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

namespace conform {
namespace {

bool glob(std::string_view p, std::string_view s) {
  // Iterative wildcard match with backtracking to the last '*'.
  std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++pi, ++si;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++, mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1, si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool any_match(std::vector<std::string> const& patterns, std::string_view id) {
  return std::any_of(patterns.begin(), patterns.end(), [&](auto const& p) { return id_matches(p, id); });
}

}  // namespace

bool id_matches(std::string_view pattern, std::string_view id) {
  if (pattern.find_first_of("*?") != std::string_view::npos) return glob(pattern, id);
  if (!id.starts_with(pattern)) return false;
  return id.size() == pattern.size() || pattern.ends_with('/') || id[pattern.size()] == '/';
}

registry::registry(std::vector<suite> suites) : suites_(std::move(suites)) {
  std::unordered_set<std::string_view> ids;
  for (auto const& s : suites_) {
    for (auto table : s.tables) {
      for (auto const& c : table) {
        auto const where = "case '" + std::string(c.id) + "': ";
        if (!c.id.starts_with(std::string(s.name) + "/")) throw std::logic_error(where + "id must start with its suite '" + std::string(s.name) + "/'");
        if (c.section.empty() || c.title.empty() || c.requirement.empty()) throw std::logic_error(where + "section, title and requirement are required");
        if (c.run == nullptr) throw std::logic_error(where + "has no body");
        if (!ids.insert(c.id).second) throw std::logic_error(where + "id is not unique");
      }
    }
  }
  // Registered order is table order; cases_ points into suites_, which no longer moves.
  for (auto const& s : suites_)
    for (auto table : s.tables)
      for (auto const& c : table) cases_.push_back({&s, &c});
}

std::vector<registered_case> registry::all() const { return cases_; }

std::vector<registered_case> registry::select(selection const& sel) const {
  std::vector<registered_case> out;
  for (auto const& rc : cases_) {
    if (!sel.suites.empty() && std::find(sel.suites.begin(), sel.suites.end(), rc.owner->name) == sel.suites.end()) continue;
    if (!sel.cases.empty() && !any_match(sel.cases, rc.def->id)) continue;
    if (any_match(sel.skips, rc.def->id)) continue;
    // Heavy cases need --heavy unless named explicitly.
    if (rc.def->heavy && !sel.heavy && sel.cases.empty()) continue;
    out.push_back(rc);
  }
  return out;
}

registered_case const* registry::find(std::string_view id) const {
  auto it = std::find_if(cases_.begin(), cases_.end(), [&](auto const& rc) { return rc.def->id == id; });
  return it == cases_.end() ? nullptr : &*it;
}

suite const* registry::find_suite(std::string_view name) const {
  auto it = std::find_if(suites_.begin(), suites_.end(), [&](auto const& s) { return s.name == name; });
  return it == suites_.end() ? nullptr : &*it;
}

}  // namespace conform
