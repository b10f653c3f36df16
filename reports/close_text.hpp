// The WebSocket close verdict a case may carry in report.json ("close": {verdict,
// expected, received, reason, clean, closed_by}), as one line for JUnit, Markdown and
// the terminal: "close: wrong_code, expected 1000, got 1002 \"bad frame\" (closed by
// target, clean)".
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform::reports {

// Empty when the case has no "close" object.
std::string close_text(nlohmann::json const& report_case);

// The first way a "close" object departs from its shape, or empty.
std::string check_close(nlohmann::json const& close, std::string const& where);

}  // namespace conform::reports
