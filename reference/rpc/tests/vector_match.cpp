#include "reference/rpc/tests/vector_match.hpp"

namespace conform::reference::rpc::testing {
namespace {

bool bind_name(std::string const& name, json const& value, bindings& bound) {
  auto it = bound.find(name);
  if (it == bound.end()) {
    bound[name] = value;
    return true;
  }
  return number_of(it->second) == number_of(value);
}

bool tagged_id(json const& message, char const* tag, std::string const& name, bindings& bound) {
  return message.is_array() && message.size() == 2 && message[0] == tag && message[1].is_number() &&
         number_of(message[1]) < 0 && bind_name(name, message[1], bound);
}

bool error_matches(json const& pattern, json const& message) {
  if (!message.is_array() || message.size() < 3 || message[0] != "error") return false;
  if (pattern["$error"] != "*" && message[1] != pattern["$error"]) return false;
  if (!message[2].is_string()) return false;
  auto const& text = message[2].get_ref<std::string const&>();
  if (pattern.contains("message")) return text == pattern["message"];
  if (pattern.contains("message_prefix")) return text.rfind(pattern["message_prefix"].get<std::string>(), 0) == 0;
  return true;
}

}  // namespace

bool matches(json const& pattern, json const& message, bindings& bound) {
  if (pattern.is_object() && pattern.size() >= 1) {
    auto const& key = pattern.begin().key();
    if (key == "$any") return true;
    if (key == "$export") return tagged_id(message, "export", pattern[key].get<std::string>(), bound);
    if (key == "$promise") return tagged_id(message, "promise", pattern[key].get<std::string>(), bound);
    if (key == "$bind") return message.is_number() && bind_name(pattern[key].get<std::string>(), message, bound);
    if (key == "$ref") {
      auto it = bound.find(pattern[key].get<std::string>());
      return it != bound.end() && message.is_number() && number_of(message) == number_of(it->second);
    }
    if (key == "$error") return error_matches(pattern, message);
  }
  if (pattern.is_number()) return message.is_number() && number_of(pattern) == number_of(message);
  if (pattern.is_array()) {
    if (!message.is_array() || message.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (!matches(pattern[i], message[i], bound)) return false;
    }
    return true;
  }
  if (pattern.is_object()) {
    if (!message.is_object() || message.size() != pattern.size()) return false;
    for (auto const& [k, v] : pattern.items()) {
      if (!message.contains(k) || !matches(v, message[k], bound)) return false;
    }
    return true;
  }
  return pattern == message;
}

json substitute(json const& pattern, bindings const& bound) {
  if (pattern.is_object() && pattern.size() == 1 && pattern.contains("$ref")) {
    auto it = bound.find(pattern["$ref"].get<std::string>());
    return it == bound.end() ? pattern : it->second;
  }
  if (pattern.is_array() || pattern.is_object()) {
    json out = pattern;
    for (auto& item : out) item = substitute(item, bound);
    return out;
  }
  return pattern;
}

}  // namespace conform::reference::rpc::testing
