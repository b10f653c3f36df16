// report.html: one self-contained page (no network) that embeds report.json and draws
// it with a small inline script. The template lives in reports/html/ and is compiled
// into the binary, so the CLI renders it from any directory.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace conform::reports {

std::string render_html(nlohmann::json const& report);

// matrix.html: the page for matrix_json's output (reports/matrix.hpp), same style.
std::string render_matrix_html(nlohmann::json const& matrix);

// `report` as JSON text that is safe inside <script type="application/json">: every
// '<' is written as \u003c, so neither "</script>" nor "<!--" can appear in it.
// Seeds above 2^53 - 1 are written as strings, because the page's JavaScript would
// round them.
std::string script_safe_json(nlohmann::json const& report);

}  // namespace conform::reports
