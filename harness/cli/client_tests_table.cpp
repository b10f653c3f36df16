// The case table of `conform serve --client-tests`: the ws suite's Autobahn-numbered
// cases in Autobahn's order, groups 1–10 (apart from the server, so self-tests link it
// alone).
#include <algorithm>
#include <cstdlib>

#include "conformance/index.hpp"
#include "harness/cli/client_tests.hpp"

namespace conform::cli {
namespace {

std::vector<int> number_parts(std::string const& n) {
  std::vector<int> parts;
  for (std::size_t at = 0; at <= n.size();) {
    auto const dot = std::min(n.find('.', at), n.size());
    parts.push_back(std::atoi(n.substr(at, dot - at).c_str()));
    at = dot + 1;
  }
  return parts;
}

}  // namespace

std::string autobahn_number(registered_case const& c) {
  for (auto s : c.def->see_also)
    if (s.starts_with("autobahn:")) return std::string(s.substr(9));
  return {};
}

std::vector<registered_case> client_case_table(bool heavy) {
  std::vector<registered_case> out;
  for (auto const& c : catalogue().select({.suites = {"ws"}, .heavy = heavy})) {
    auto const n = autobahn_number(c);
    // Groups 12 and 13 need permessage-deflate negotiated by the fuzzing server, which
    // answers every opening without extensions: they are left out until it does.
    if (!n.empty() && !n.starts_with("12.") && !n.starts_with("13.")) out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(), [](auto const& a, auto const& b) {
    return number_parts(autobahn_number(a)) < number_parts(autobahn_number(b));
  });
  return out;
}

}  // namespace conform::cli
