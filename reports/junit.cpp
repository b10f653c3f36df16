#include "reports/junit.hpp"

#include <cstdio>
#include <string_view>

#include "reports/byte_text.hpp"
#include "reports/tally.hpp"
#include "reports/transcript_text.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

// XML 1.0 cannot carry most control characters even as references, so they are
// spelt out first; then the five markup characters. Escaping every '>' also keeps
// "]]>" out of character data. In attributes, tab and LF become references so a
// parser keeps them.
std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  for (char c : escape_controls(text, true)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: out += c;
    }
  }
  return out;
}

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + xml_escape(value, true) + "\"";
}

std::string seconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", ms / 1000.0);
  return buf;
}

std::string const& text(json const& c, std::string_view key) { return c.at(key).get_ref<std::string const&>(); }

// "http1/host/missing" -> "conform.http1.host": the suite and the id's middle
// segments. Dots inside a segment ("6.5.3") become '_' so tools that split classnames
// into packages at dots keep an RFC section together.
std::string classname(std::string_view id) {
  std::string out = "conform";
  auto const last = id.rfind('/');
  auto const middle = last == std::string_view::npos ? id : id.substr(0, last);
  for (auto part = middle; !part.empty();) {
    auto const slash = part.find('/');
    std::string segment(part.substr(0, slash));
    for (auto& ch : segment)
      if (ch == '.') ch = '_';
    out += "." + segment;
    part = slash == std::string_view::npos ? std::string_view{} : part.substr(slash + 1);
  }
  return out;
}

std::string failure_body(json const& c) {
  return text(c, "section") + " (" + text(c, "level") + "): " + text(c, "title") + "\nRequirement: " +
         text(c, "requirement") + "\n" + text(c, "message");
}

std::string system_out(json const& c, bool with_message) {
  std::string out;
  if (with_message) out += text(c, "message") + "\n\n";
  out += transcript_text(c.at("transcript"), c.at("transcript_dropped_bytes").get<std::uint64_t>());
  if (out.empty()) return {};
  return "      <system-out>" + xml_escape(out, false) + "</system-out>\n";
}

// What goes inside <testcase> for each verdict. Pass cases carry no transcript here
// (report.json and report.html keep it), so junit.xml stays small for CI parsers.
std::string testcase_body(json const& c) {
  auto const& message = text(c, "message");
  switch (verdict_of(c)) {
    case verdict::pass: return {};
    case verdict::fail:
    case verdict::warn: {
      auto const type = verdict_of(c) == verdict::fail ? "FAIL" : "WARN";
      return "      <failure" + attr("message", message) + attr("type", type) + ">" + xml_escape(failure_body(c), false) +
             "</failure>\n" + system_out(c, false);
    }
    case verdict::error:
      return "      <error" + attr("message", message) + attr("type", "ERROR") + ">" + xml_escape(failure_body(c), false) +
             "</error>\n" + system_out(c, false);
    case verdict::skip: return "      <skipped" + attr("message", message) + "/>\n";
    case verdict::info: return system_out(c, true);
  }
  return {};
}

std::string testcase(json const& c) {
  auto const& id = text(c, "id");
  auto const head = "    <testcase" + attr("name", id) + attr("classname", classname(id)) +
                    attr("time", seconds(c.at("duration_ms").get<double>()));
  auto const body = testcase_body(c);
  return body.empty() ? head + "/>\n" : head + ">\n" + body + "    </testcase>\n";
}

std::string counts_attributes(verdict_counts const& n, double duration_ms) {
  return attr("tests", std::to_string(n.total)) +
         attr("failures", std::to_string(n[verdict::fail] + n[verdict::warn])) +
         attr("errors", std::to_string(n[verdict::error])) + attr("skipped", std::to_string(n[verdict::skip])) +
         attr("time", seconds(duration_ms));
}

std::string testsuite(json const& report, suite_group const& g) {
  auto const& targets = report.at("targets");
  auto const& url = text(targets.at(g.target), "url");
  auto const name = targets.size() > 1 ? g.suite + " @ " + url : g.suite;
  std::string out = "  <testsuite" + attr("name", name) + counts_attributes(g.counts, g.duration_ms) +
                    attr("timestamp", text(report, "started")) + ">\n";
  out += "    <properties>\n";
  out += "      <property" + attr("name", "target") + attr("value", url) + "/>\n";
  out += "      <property" + attr("name", "seed") + attr("value", report.at("seed").dump()) + "/>\n";
  out += "      <property" + attr("name", "conform_version") + attr("value", text(report, "conform_version")) + "/>\n";
  out += "    </properties>\n";
  for (auto const* c : g.cases) out += testcase(*c);
  return out + "  </testsuite>\n";
}

}  // namespace

std::string render_junit(json const& report) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + attr("name", "conform") +
         counts_attributes(counts_of(report.at("summary")), report.at("duration_ms").get<double>()) + ">\n";
  for (auto const& g : group_by_suite(report)) out += testsuite(report, g);
  return out + "</testsuites>\n";
}

}  // namespace conform::reports
