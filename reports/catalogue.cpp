#include "reports/catalogue.hpp"

#include <algorithm>
#include <array>

#include "reports/json_report.hpp"
#include "reports/markdown.hpp"

namespace conform::reports {
namespace {

// Columns as a terminal shows them: a UTF-8 continuation byte takes none ("§").
std::size_t columns(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(std::string_view s, std::size_t width) {
  std::string out(s);
  out.append(width - std::min(width, columns(s)), ' ');
  return out;
}

// id  level  section  title, each column as wide as its widest entry.
std::string as_text(std::vector<registered_case> const& cases) {
  std::array<std::size_t, 3> width{2, 5, 7};
  for (auto const& rc : cases) {
    width[0] = std::max(width[0], columns(rc.def->id));
    width[1] = std::max(width[1], columns(to_string(rc.def->level)));
    width[2] = std::max(width[2], columns(rc.def->section));
  }
  auto const row = [&](std::string_view id, std::string_view level, std::string_view section, std::string_view title) {
    return padded(id, width[0]) + "  " + padded(level, width[1]) + "  " + padded(section, width[2]) + "  " +
           std::string(title) + "\n";
  };
  std::string out = row("id", "level", "section", "title");
  for (auto const& rc : cases) out += row(rc.def->id, to_string(rc.def->level), rc.def->section, rc.def->title);
  return out;
}

std::string as_json(std::vector<registered_case> const& cases) {
  auto out = nlohmann::json::array();
  for (auto const& rc : cases) out.push_back(case_metadata(rc));
  return out.dump(2) + "\n";
}

std::string see_also_cell(case_def const& d) {
  std::string out;
  for (auto s : d.see_also) out += (out.empty() ? "" : ", ") + markdown_cell(s);
  return out;
}

// A title, then one section per suite, in catalogue order: docs/cases.md is this output.
std::string as_markdown(std::vector<registered_case> const& cases) {
  std::size_t suites = 0;
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (i == 0 || cases[i].owner != cases[i - 1].owner) ++suites;
  std::string out = "# Case catalogue\n\n" + std::to_string(cases.size()) + " cases in " + std::to_string(suites) +
                    (suites == 1 ? " suite" : " suites") +
                    ". Generated from the registry by `conform list --format md`: do not edit by hand\n"
                    "(regenerate with `tools/regen-docs`). Levels are the RFC's own words; see also names the\n"
                    "equivalent case of another tool (h2spec, Autobahn|Testsuite).\n";
  suite const* current = nullptr;
  for (auto const& rc : cases) {
    if (rc.owner != current) {
      current = rc.owner;
      auto const count = std::count_if(cases.begin(), cases.end(), [&](auto const& c) { return c.owner == current; });
      out += "\n## " + markdown_cell(current->name) + "\n\n";
      if (!current->description.empty()) out += markdown_cell(current->description) + "\n\n";
      out += std::to_string(count) + " cases.\n\n| id | level | section | title | see also |\n|---|---|---|---|---|\n";
    }
    auto const& d = *rc.def;
    out += "| " + markdown_cell(d.id) + " | " + std::string(to_string(d.level)) + " | " + markdown_cell(d.section) +
           " | " + markdown_cell(d.title) + " | " + see_also_cell(d) + " |\n";
  }
  return out;
}

}  // namespace

std::optional<catalogue_format> parse_catalogue_format(std::string_view name) {
  if (name == "text") return catalogue_format::text;
  if (name == "json") return catalogue_format::json;
  if (name == "md") return catalogue_format::md;
  return std::nullopt;
}

std::string render_catalogue(std::vector<registered_case> const& cases, catalogue_format format) {
  switch (format) {
    case catalogue_format::text: return as_text(cases);
    case catalogue_format::json: return as_json(cases);
    case catalogue_format::md: return as_markdown(cases);
  }
  return {};
}

}  // namespace conform::reports
