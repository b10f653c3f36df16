#include "reports/markdown.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "harness/engine/duration.hpp"
#include "reports/byte_text.hpp"
#include "reports/close_text.hpp"
#include "reports/tally.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

// GitHub caps a step summary at 1 MiB; a run that breaks everything still fits.
constexpr std::size_t max_listed_cases = 500;
constexpr std::size_t max_message_chars = 300;

std::string const& text(json const& v, std::string_view key) { return v.at(key).get_ref<std::string const&>(); }

std::string truncated(std::string const& s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  auto cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return s.substr(0, cut) + "…";
}

std::string headline(json const& report) {
  auto const counts = counts_of(report.at("summary"));
  auto const g = report.find("gate");  // judged for CI: the gate's decision, else FAIL and ERROR
  bool const clean = g != report.end() ? g->at("passed").get<bool>() : counts[verdict::fail] == 0 && counts[verdict::error] == 0;
  auto const wall = std::chrono::milliseconds(std::llround(report.at("duration_ms").get<double>()));
  return "### conform: " + std::string(clean ? "✅ " : "❌ ") + std::to_string(counts.total) + " cases, " +
         counts_phrase(counts) + " in " + format_duration(wall) + " (seed " + report.at("seed").dump() + ")\n\n";
}

std::string id_list(json const& ids, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < max; ++i) out += (i ? ", " : "") + markdown_cell(ids[i].get<std::string>());
  if (ids.size() > max) out += ", … (" + std::to_string(ids.size() - max) + " more)";
  return out;
}

// The CI decision (report "gate"), when the run was judged for one.
std::string gate_lines(json const& report) {
  auto const g = report.find("gate");
  if (g == report.end()) return {};
  auto const& baseline = g->at("baseline").get_ref<std::string const&>();
  std::string out = g->at("passed").get<bool>() ? "**Gate passed**" : "**Gate failed**";
  out += " (fail on " + std::string(g->at("fail_on") == "should" ? "SHOULD" : "MUST") +
         (baseline.empty() ? "" : ", baseline " + markdown_cell(baseline)) + ")";
  if (!g->at("new_failures").empty()) out += ": new failures " + id_list(g->at("new_failures"), 20);
  out += ".\n\n";
  if (!g->at("now_passing").empty())
    out += "Baseline entries whose case passes now (remove them): " + id_list(g->at("now_passing"), 20) + ".\n\n";
  return out;
}

// The message cell: the message, the close verdict, and the baseline's reason.
std::string message_cell(json const& c) {
  auto text_out = truncated(text(c, "message"), max_message_chars);
  if (auto const close = close_text(c); !close.empty()) text_out += "\n" + close;
  if (auto const b = c.find("baseline"); b != c.end())
    text_out += std::string("\n") + (b->value("expired", false) ? "baseline entry expired: " : "known (baseline): ") +
                truncated(b->value("reason", std::string()), 200);
  return markdown_cell(text_out);
}

// `label` is Markdown already.
std::string counts_row(std::string const& label, verdict_counts const& n) {
  std::string row = "| " + label + " | " + std::to_string(n.total);
  for (auto v : all_verdicts) row += " | " + (n[v] ? std::to_string(n[v]) : std::string("·"));
  return row + " |\n";
}

std::string target_table(json const& report, std::size_t target, std::vector<suite_group> const& groups) {
  auto const& t = report.at("targets").at(target);
  std::string out = "#### " + markdown_cell(text(t, "url")) + (t.at("embedded").get<bool>() ? " (embedded reference)" : "") + "\n\n";
  out += "| suite | total | pass | fail | warn | info | skip | error |\n";
  out += "|---|--:|--:|--:|--:|--:|--:|--:|\n";
  verdict_counts all;
  for (auto const& g : groups) {
    if (g.target != target) continue;
    out += counts_row(markdown_cell(g.suite), g.counts);
    for (auto v : all_verdicts)
      for (std::size_t i = 0; i < g.counts[v]; ++i) all.add(v);
  }
  return out + counts_row("**all**", all) + "\n";
}

std::string not_passing(json const& report) {
  bool const several_targets = report.at("targets").size() > 1;
  std::string out = "#### Not passing\n\n";
  out += several_targets ? "| id | target | level | verdict | message |\n|---|---|---|---|---|\n"
                         : "| id | level | verdict | message |\n|---|---|---|---|\n";
  std::size_t listed = 0, left = 0;
  for (auto const& c : report.at("cases")) {
    if (verdict_of(c) == verdict::pass) continue;
    if (listed == max_listed_cases) {
      ++left;
      continue;
    }
    ++listed;
    out += "| " + markdown_cell(text(c, "id"));
    if (several_targets) out += " | " + markdown_cell(text(report.at("targets").at(c.at("target").get<std::size_t>()), "url"));
    out += " | " + text(c, "level") + " | **" + text(c, "verdict") + "** | " +
           message_cell(c) + " |\n";
  }
  if (listed == 0) return "Every case passed.\n";
  if (left > 0) out += "\n… and " + std::to_string(left) + " more; report.html lists them all.\n";
  return out;
}

}  // namespace

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : escape_controls(text, true)) {
    switch (c) {
      case '\n': out += "<br>"; break;
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '~': case '#':
      case '!': case '&':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string render_markdown(json const& report) {
  auto const groups = group_by_suite(report);
  std::string out = headline(report) + gate_lines(report);
  for (std::size_t t = 0; t < report.at("targets").size(); ++t) out += target_table(report, t, groups);
  return out + not_passing(report);
}

}  // namespace conform::reports
