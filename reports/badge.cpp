#include "reports/badge.hpp"

#include <map>

#include "reports/tally.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

// Advance widths of 11px Verdana, the font such badges are drawn in, rounded; the SVG
// names fallbacks, so widths are estimates and every text gets a little air.
int text_width(std::string const& s) {
  int width = 0;
  for (unsigned char c : s) {
    if (c >= 0x80) width += (c & 0xC0) == 0x80 ? 0 : 8;
    else if (c == 'i' || c == 'l' || c == '.' || c == ':' || c == '|' || c == '!') width += 3;
    else if (c == '/' || c == 'f' || c == 'j' || c == 't' || c == 'r' || c == ' ' || c == '-') width += 5;
    else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') width += 10;
    else if (c >= 'A' && c <= 'Z') width += 8;
    else width += 7;
  }
  return width;
}

std::string xml_text(std::string const& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out;
}

std::string color_of(verdict_counts const& n) {
  auto const judged = n[verdict::pass] + n[verdict::fail] + n[verdict::warn] + n[verdict::error];
  if (judged == 0) return "#9f9f9f";
  if (n[verdict::fail] + n[verdict::error] > 0) return "#e05d44";
  if (n[verdict::warn] > 0) return "#dfb317";
  return "#4c1";
}

std::string value_of(verdict_counts const& n) {
  auto const judged = n[verdict::pass] + n[verdict::fail] + n[verdict::warn] + n[verdict::error];
  return std::to_string(n[verdict::pass]) + "/" + std::to_string(judged);
}

}  // namespace

std::string badge_svg(std::string const& label, std::string const& value, std::string const& color) {
  int const lw = text_width(label) + 10, vw = text_width(value) + 10, w = lw + vw;
  auto const n = [](int v) { return std::to_string(v); };
  auto const l = xml_text(label), v = xml_text(value);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(w) + "\" height=\"20\" role=\"img\" aria-label=\"" + l +
         ": " + v + "\">\n<title>" + l + ": " + v +
         "</title>\n<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
         "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\n<clipPath id=\"r\"><rect width=\"" + n(w) +
         "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>\n<g clip-path=\"url(#r)\"><rect width=\"" + n(lw) +
         "\" height=\"20\" fill=\"#555\"/><rect x=\"" + n(lw) + "\" width=\"" + n(vw) + "\" height=\"20\" fill=\"" + color +
         "\"/><rect width=\"" + n(w) + "\" height=\"20\" fill=\"url(#s)\"/></g>\n"
         "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
         "<text x=\"" + n(lw / 2) + "\" y=\"14\">" + l + "</text><text x=\"" + n(lw + vw / 2) + "\" y=\"14\">" + v +
         "</text></g>\n</svg>\n";
}

std::vector<badge_file> render_badges(json const& report) {
  std::vector<badge_file> out;
  auto const all = counts_of(report.at("summary"));
  out.push_back({"badge.svg", badge_svg("conform", value_of(all), color_of(all))});
  // Per suite, all targets together: a badge speaks for the project, not one target.
  std::map<std::string, verdict_counts> suites;
  std::vector<std::string> order;
  for (auto const& g : group_by_suite(report)) {
    if (!suites.contains(g.suite)) order.push_back(g.suite);
    auto& n = suites[g.suite];
    for (auto v : all_verdicts)
      for (std::size_t i = 0; i < g.counts[v]; ++i) n.add(v);
  }
  for (auto const& s : order)
    out.push_back({"badge-" + s + ".svg", badge_svg("conform-" + s, value_of(suites[s]), color_of(suites[s]))});
  return out;
}

}  // namespace conform::reports
