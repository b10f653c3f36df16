#include "harness/engine/outcome.hpp"

namespace conform {
namespace {

std::string expected_got(std::string_view expected, std::string_view got) {
  std::string m = "expected ";
  m += expected;
  m += ", got ";
  m += got;
  return m;
}

}  // namespace

outcome&& outcome::with(std::string key, std::string value) && {
  facts.emplace_back(std::move(key), std::move(value));
  return std::move(*this);
}

outcome pass(std::string note) { return {outcome::kind::pass, std::move(note), {}}; }
outcome violation(std::string_view expected, std::string_view got) {
  return {outcome::kind::violation, expected_got(expected, got), {}};
}
outcome fail(std::string_view expected, std::string_view got) {
  return {outcome::kind::fail, expected_got(expected, got), {}};
}
outcome warn(std::string_view expected, std::string_view got) {
  return {outcome::kind::warn, expected_got(expected, got), {}};
}
outcome info(std::string message) { return {outcome::kind::info, std::move(message), {}}; }
outcome skip(std::string reason) { return {outcome::kind::skip, std::move(reason), {}}; }
outcome error(std::string message) { return {outcome::kind::error, std::move(message), {}}; }

verdict resolve(outcome const& o, requirement_level level) {
  switch (o.what) {
    case outcome::kind::pass: return verdict::pass;
    case outcome::kind::fail: return verdict::fail;
    case outcome::kind::warn: return verdict::warn;
    case outcome::kind::info: return verdict::info;
    case outcome::kind::skip: return verdict::skip;
    case outcome::kind::error: return verdict::error;
    case outcome::kind::violation:
      switch (level) {
        case requirement_level::must: return verdict::fail;
        case requirement_level::should: return verdict::warn;
        case requirement_level::may:
        case requirement_level::info: return verdict::info;
      }
  }
  return verdict::error;
}

}  // namespace conform
