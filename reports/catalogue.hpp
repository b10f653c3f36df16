// The case catalogue for `conform list`: as aligned text for people, as JSON with the
// same case metadata report.json carries (without verdicts), or as Markdown tables per
// suite for docs/cases.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/registry.hpp"

namespace conform::reports {

enum class catalogue_format { text, json, md };

std::optional<catalogue_format> parse_catalogue_format(std::string_view name);  // "text", "json", "md"

std::string render_catalogue(std::vector<registered_case> const& cases, catalogue_format format);

}  // namespace conform::reports
