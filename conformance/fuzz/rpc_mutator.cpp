// The Cap'n Web mutator: each message parsed as JSON, one node replaced, removed,
// doubled or wrapped, or the sequence of messages changed; what does not parse gets
// byte-level changes instead.
#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "conformance/fuzz/rpc_protocol.hpp"

namespace conform::fuzz {
namespace {

using json = nlohmann::json;
using rng_t = std::mt19937_64;

std::vector<std::string> lines_of(std::string_view input) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= input.size()) {
    auto const nl = input.find('\n', pos);
    out.emplace_back(input.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

json interesting(rng_t& rng) {
  static std::array<char const*, 18> const tags = {"push", "pull", "resolve", "reject", "release", "abort", "pipeline",
                                                  "import", "export", "promise", "remap", "error", "bigint", "date",
                                                  "bytes", "undefined", "__proto__", "stream"};
  switch (rng() % 9) {
    case 0: return tags[rng() % tags.size()];
    case 1: {
      static std::array<double, 6> const odd = {-0.0, 0.5, 1e308, -1e308, 9007199254740993.0, 4294967296.0};
      return odd[rng() % odd.size()];
    }
    case 2: return static_cast<std::int64_t>(rng() % 7) - 3;  // IDs around 0: main, ours, theirs
    case 3: return nullptr;
    case 4: return json::array();
    case 5: return json::object({{"__proto__", 1}});
    case 6: {
      json deep = 1;
      for (int i = 0; i < 200; ++i) deep = json::array({deep});
      return deep;
    }
    case 7: return std::string(rng() % 2 ? 70000 : 3, 'x');
    default: return json::array({tags[rng() % tags.size()], static_cast<std::int64_t>(rng() % 3)});
  }
}

void nodes_of(json& j, std::vector<json*>& out) {
  out.push_back(&j);
  if (j.is_array() || j.is_object())
    for (auto& child : j) nodes_of(child, out);
}

void change_node(json& message, rng_t& rng) {
  std::vector<json*> nodes;
  nodes_of(message, nodes);
  auto& node = *nodes[rng() % nodes.size()];
  switch (rng() % 5) {
    case 0:
    case 1: node = interesting(rng); break;
    case 2: if (node.is_array() && !node.empty()) node.erase(node.begin() + static_cast<std::ptrdiff_t>(rng() % node.size())); break;
    case 3: if (node.is_array() && !node.empty()) node.push_back(node[rng() % node.size()]); break;
    default: node = json::array({node});  // an array that now looks escaped, or a tag that no longer does
  }
}

std::string const& dictionary_message(rng_t& rng) {
  static std::array<std::string, 10> const messages = {
      R"(["release",1,1])", R"(["release",-1,1000])", R"(["pull",99])", R"(["pull",-1])",
      R"(["abort",["error","Error","fuzz"]])", R"(["resolve",-1,1])", R"(["reject",1,["error","Error","x"]])",
      R"(["push",["pipeline",7,["square"],[1]]])", R"(["push",["remap",0,[],[],[["pipeline",-1,["square"],[2]]]]])",
      R"(["stream",1])"};
  return messages[rng() % messages.size()];
}

}  // namespace

std::string mutate_rpc(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) {
  auto lines = lines_of(input);
  auto const rounds = 1 + rng() % 3;
  for (std::size_t r = 0; r < rounds; ++r) {
    auto const at = rng() % lines.size();
    switch (rng() % 6) {
      case 0: lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), dictionary_message(rng)); break;
      case 1: lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), lines[at]); break;
      case 2: if (lines.size() > 1) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(at)); break;
      case 3: {
        auto const more = lines_of(seeds[rng() % seeds.size()]);
        lines.insert(lines.end(), more.begin(), more.end());
        break;
      }
      default: {
        // Past a thousand brackets the message has made its point about depth; keep the
        // recursion of parsing and walking it small.
        bool const too_deep = std::count(lines[at].begin(), lines[at].end(), '[') > 1000;
        auto message = too_deep ? json(json::value_t::discarded) : json::parse(lines[at], nullptr, false);
        if (message.is_discarded()) {
          if (!lines[at].empty()) lines[at][rng() % lines[at].size()] = static_cast<char>(rng());
          break;
        }
        change_node(message, rng);
        lines[at] = message.dump(-1, ' ', false, json::error_handler_t::replace);
      }
    }
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  if (rng() % 20 == 0 && !out.empty()) out[rng() % out.size()] = static_cast<char>(rng());
  return out;
}

std::vector<std::string> rpc_units(std::string_view input) {
  auto lines = lines_of(input);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) lines[i] += '\n';
  return lines;
}

std::string judge_rpc_message(std::string_view text) {
  auto const j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return "a message that is not JSON";
  if (!j.is_array() || j.empty() || !j[0].is_string()) return "a message that is not an array starting with its type";
  static std::array<std::string_view, 8> const types = {"push", "pull", "resolve", "reject", "release", "abort", "stream", "pipe"};
  auto const type = j[0].get<std::string>();
  for (auto t : types)
    if (t == type) return {};
  return "a message of unknown type \"" + type + "\"";
}

}  // namespace conform::fuzz
