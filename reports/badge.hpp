// badge.svg: a README badge in the common flat style, "conform-http1 | 146/147",
// rendered from report.json: one for the whole run and one per suite.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform::reports {

struct badge_file {
  std::string name;  // "badge.svg", "badge-http1.svg"
  std::string svg;
};

// The value is passed/judged: judged counts pass, fail, warn and error (skip and info
// say nothing about conformance). Green when all judged passed, amber when only WARNs
// are left, red otherwise; grey when nothing was judged.
std::vector<badge_file> render_badges(nlohmann::json const& report);

// One badge: `label` on grey, `value` on `color` (#rrggbb).
std::string badge_svg(std::string const& label, std::string const& value, std::string const& color);

}  // namespace conform::reports
