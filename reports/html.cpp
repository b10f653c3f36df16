#include "reports/html.hpp"

#include <cstdint>
#include <stdexcept>

#include "reports/embedded_files.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

// JavaScript numbers hold integers exactly up to 2^53 - 1.
constexpr std::uint64_t max_safe_integer = (std::uint64_t{1} << 53) - 1;

void seed_as_text_if_large(json& holder) {
  auto& seed = holder.at("seed");
  if (seed.is_number_unsigned() && seed.get<std::uint64_t>() > max_safe_integer) seed = seed.dump();
}

std::string_view asset(std::string_view name) {
  auto const text = embedded_file(name);
  if (text.empty()) throw std::logic_error("report template '" + std::string(name) + "' is not embedded");
  return text;
}

// The template's placeholders, {{style}}, {{script}} and {{data}}, filled in one pass
// over the template, so nothing inside the data is ever taken for a placeholder.
std::string fill(std::string_view page, std::string_view style, std::string_view script, std::string_view data) {
  std::string out;
  out.reserve(page.size() + style.size() + script.size() + data.size());
  while (!page.empty()) {
    auto const open = page.find("{{");
    out.append(page.substr(0, open));
    if (open == std::string_view::npos) break;
    auto const close = page.find("}}", open);
    if (close == std::string_view::npos) throw std::logic_error("report template: unclosed placeholder");
    auto const name = page.substr(open + 2, close - open - 2);
    if (name == "style") out.append(style);
    else if (name == "script") out.append(script);
    else if (name == "data") out.append(data);
    else throw std::logic_error("report template: unknown placeholder '" + std::string(name) + "'");
    page.remove_prefix(close + 2);
  }
  return out;
}

// Every '<' as \u003c ('<' occurs only inside JSON strings, where it means the same),
// so no text in the data can close the script element.
std::string script_safe_text(json const& document) {
  auto const text = document.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char ch : text) {
    if (ch == '<') out += "\\u003c";  // '<' occurs only inside JSON strings, where \u003c means the same
    else out += ch;
  }
  return out;
}

}  // namespace

std::string script_safe_json(json const& report) {
  json copy = report;
  seed_as_text_if_large(copy);
  for (auto& c : copy.at("cases")) seed_as_text_if_large(c);
  return script_safe_text(copy);
}

// decode.js (the per-protocol transcript decoders) comes first: report.js uses it.
std::string render_html(json const& report) {
  auto const script = std::string(asset("decode.js")) + "\n" + std::string(asset("report.js"));
  return fill(asset("report.html"), asset("report.css"), script, script_safe_json(report));
}

std::string render_matrix_html(json const& matrix) {
  return fill(asset("matrix.html"), asset("report.css"), asset("matrix.js"), script_safe_text(matrix));
}

}  // namespace conform::reports
