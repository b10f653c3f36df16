// What a case body returns: a judgement and the words that explain it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/engine/close_report.hpp"
#include "harness/engine/verdict.hpp"

namespace conform {

// A case body says *what happened*; the runner turns it into a verdict. `violation`
// means "the rule this case enforces was broken" and becomes FAIL, WARN or INFO from
// the case's requirement level, so one body serves MUST and SHOULD cases alike.
struct outcome {
  enum class kind { pass, violation, fail, warn, info, skip, error };

  kind what = kind::pass;
  std::string message;  // "expected …, got …" for anything but a plain pass
  // Measured or observed facts worth a column in a report ("close_code": "1002").
  std::vector<std::pair<std::string, std::string>> facts = {};
  // WebSocket cases: how the connection ended, graded on its own.
  std::optional<close_report> close = {};

  outcome&& with(std::string key, std::string value) &&;
};

outcome pass(std::string note = {});
outcome violation(std::string_view expected, std::string_view got);
outcome fail(std::string_view expected, std::string_view got);
outcome warn(std::string_view expected, std::string_view got);
outcome info(std::string message);
outcome skip(std::string reason);
outcome error(std::string message);

// The verdict an outcome reaches for a case of the given level.
verdict resolve(outcome const&, requirement_level);

}  // namespace conform
