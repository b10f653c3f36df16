// summary.md: a run in a few lines and tables, fit for $GITHUB_STEP_SUMMARY (GitHub
// Flavored Markdown), rendered from report.json.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace conform::reports {

std::string render_markdown(nlohmann::json const& report);

// `text` made safe for one GFM table cell: '|' and other inline markup escaped, line
// breaks as <br>, control characters spelt out.
std::string markdown_cell(std::string_view text);

}  // namespace conform::reports
