#include "harness/rpc/matcher.hpp"

#include <algorithm>

namespace conform::rpc {
namespace {

bool is_number(json const& v) { return v.is_number(); }
double number(json const& v) { return v.get<double>(); }

// Binds `name` to `value`, or checks it against an earlier binding.
bool bind_name(std::string const& name, double value, bindings& bound) {
  auto const [it, fresh] = bound.emplace(name, value);
  return fresh || it->second == value;
}

// ["export", n] / ["promise", n] with n < 0: IDs the peer chose for its own exports.
bool tagged_negative(json const& got, std::string_view tag, json const& name, bindings& bound) {
  if (!name.is_string() || !got.is_array() || got.size() != 2) return false;
  if (!got[0].is_string() || got[0].get_ref<std::string const&>() != tag || !is_number(got[1])) return false;
  return number(got[1]) < 0 && bind_name(name.get<std::string>(), number(got[1]), bound);
}

bool error_matches(json const& pattern, json const& got) {
  if (!got.is_array() || got.size() < 3 || got[0] != "error" || !got[1].is_string() || !got[2].is_string()) return false;
  auto const& name = pattern["$error"];
  if (name != "*" && got[1] != name) return false;
  auto const& text = got[2].get_ref<std::string const&>();
  if (auto m = pattern.find("message"); m != pattern.end()) return m->is_string() && text == m->get_ref<std::string const&>();
  if (auto p = pattern.find("message_prefix"); p != pattern.end())
    return p->is_string() && text.starts_with(p->get_ref<std::string const&>());
  return true;
}

// A pattern object whose key starts with '$' is a matcher, else a plain object.
bool matcher_object(json const& pattern, std::string_view key) {
  return pattern.is_object() && pattern.contains(std::string(key));
}

bool match_object(json const& pattern, json const& got, bindings& bound) {
  if (!got.is_object() || got.size() != pattern.size()) return false;
  for (auto const& [key, value] : pattern.items()) {
    auto const it = got.find(key);
    if (it == got.end() || !matches(value, *it, bound)) return false;
  }
  return true;
}

bool match_array(json const& pattern, json const& got, bindings& bound) {
  if (!got.is_array() || got.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i)
    if (!matches(pattern[i], got[i], bound)) return false;
  return true;
}

}  // namespace

bool matches(json const& pattern, json const& got, bindings& bound) {
  if (pattern.is_object()) {
    if (matcher_object(pattern, "$any")) return true;
    if (matcher_object(pattern, "$export")) return tagged_negative(got, "export", pattern["$export"], bound);
    if (matcher_object(pattern, "$promise")) return tagged_negative(got, "promise", pattern["$promise"], bound);
    if (matcher_object(pattern, "$bind"))
      return pattern["$bind"].is_string() && is_number(got) && bind_name(pattern["$bind"].get<std::string>(), number(got), bound);
    if (matcher_object(pattern, "$ref")) {
      auto const& name = pattern["$ref"];
      auto const it = name.is_string() ? bound.find(name.get_ref<std::string const&>()) : bound.end();
      return it != bound.end() && is_number(got) && number(got) == it->second;
    }
    if (matcher_object(pattern, "$error")) return error_matches(pattern, got);
    return match_object(pattern, got, bound);
  }
  if (pattern.is_array()) return match_array(pattern, got, bound);
  if (is_number(pattern)) return is_number(got) && number(pattern) == number(got);
  return pattern == got;
}

json substitute(json const& message, bindings const& bound) {
  if (message.is_object() && message.size() == 1 && message.contains("$ref") && message["$ref"].is_string()) {
    auto const it = bound.find(message["$ref"].get_ref<std::string const&>());
    if (it == bound.end()) return message;
    auto const n = it->second;
    // IDs are integers: send them as such, not as 3.0.
    if (n == static_cast<double>(static_cast<long long>(n))) return static_cast<long long>(n);
    return n;
  }
  if (!message.is_array() && !message.is_object()) return message;
  json out = message;
  for (auto& item : out) item = substitute(item, bound);
  return out;
}

std::string wire(json const& message) { return message.dump(-1, ' ', false, json::error_handler_t::replace); }

bool is_release(json const& m) { return m.is_array() && !m.empty() && m[0] == "release"; }
bool is_abort(json const& m) { return m.is_array() && !m.empty() && m[0] == "abort"; }

std::optional<mismatch> match_expectation(expectation const& want, std::vector<json> const& got, bindings& bound) {
  bool const releases_wanted =
      std::any_of(want.patterns.begin(), want.patterns.end(), [](json const& p) { return is_release(p); });
  std::vector<json const*> pending;
  for (auto const& m : got)
    if (releases_wanted || !is_release(m)) pending.push_back(&m);
  std::vector<bool> used(pending.size(), false);
  std::size_t next = 0;  // in order: where the next pattern may start
  for (auto const& p : want.patterns) {
    bool found = false;
    for (std::size_t i = want.unordered ? 0 : next; i < pending.size() && !found; ++i) {
      if (used[i]) continue;
      bindings trial = bound;
      if (matches(p, *pending[i], trial)) {
        bound = std::move(trial);
        used[i] = found = true;
        next = i + 1;
      } else if (!want.unordered) {
        break;  // in order, the next unused message must be this one
      }
    }
    if (!found) {
      json seen = json::array();
      for (auto const* m : pending) seen.push_back(*m);
      return mismatch{wire(p), pending.empty() ? std::string("no message") : wire(seen)};
    }
  }
  if (want.more) return std::nullopt;
  for (std::size_t i = 0; i < pending.size(); ++i)
    if (!used[i]) return mismatch{"no other message", wire(*pending[i])};
  return std::nullopt;
}

json abort_pattern(json const& want) {
  json error{{"$error", want.value("name", "*")}};
  if (want.contains("message")) error["message"] = want["message"];
  if (want.contains("message_prefix")) error["message_prefix"] = want["message_prefix"];
  return json::array({"abort", error});
}

bool abort_matches(json const& want, json const& error) {
  bindings none;
  return matches(abort_pattern(want)[1], error, none);
}

}  // namespace conform::rpc
