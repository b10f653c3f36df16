#include "reports/junit.hpp"

#include <cstdio>
#include <string_view>

#include "reports/byte_text.hpp"
#include "reports/close_text.hpp"
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
  auto const close = close_text(c);
  return text(c, "section") + " (" + text(c, "level") + "): " + text(c, "title") + "\nRequirement: " +
         text(c, "requirement") + "\n" + text(c, "message") + (close.empty() ? "" : "\n" + close);
}

std::string system_out(json const& c, bool with_message) {
  std::string out;
  if (with_message) out += text(c, "message") + "\n\n";
  out += transcript_text(c.at("transcript"), c.at("transcript_dropped_bytes").get<std::uint64_t>());
  if (out.empty()) return {};
  return "      <system-out>" + xml_escape(out, false) + "</system-out>\n";
}

// The gate the run was judged by (report "gate", written by annotate): whether WARN
// fails, and which failures a baseline excuses. A report without one was judged as
// `conform run` does by default: FAIL and ERROR gate, WARN does not.
bool warn_gates(json const& report) {
  auto const g = report.find("gate");
  return g != report.end() && g->value("fail_on", std::string("must")) == "should";
}

// A gating verdict a live baseline entry excuses: shown as skipped, so the test tab
// agrees with the exit status, with the entry's reason and the verdict in the message.
std::string known_failure(json const& c) {
  auto const b = c.find("baseline");
  if (b == c.end() || b->value("expired", false)) return {};
  auto const message = "known failure (baseline: " + b->value("reason", std::string()) + "); " + text(c, "verdict") +
                       ": " + text(c, "message");
  auto out = failure_body(c) + "\n\n" + transcript_text(c.at("transcript"), c.at("transcript_dropped_bytes").get<std::uint64_t>());
  return "      <skipped" + attr("message", message) + "/>\n      <system-out>" + xml_escape(out, false) + "</system-out>\n";
}

// What goes inside <testcase> for each verdict. Pass cases carry no transcript here
// (report.json and report.html keep it), so junit.xml stays small for CI parsers.
std::string testcase_body(json const& c, bool warn_is_failure) {
  auto const& message = text(c, "message");
  auto const v = verdict_of(c);
  if (v == verdict::fail || v == verdict::error || (v == verdict::warn && warn_is_failure))
    if (auto known = known_failure(c); !known.empty()) return known;
  switch (v) {
    case verdict::pass: return {};
    case verdict::warn:
      if (!warn_is_failure) return system_out(c, true);
      [[fallthrough]];
    case verdict::fail: {
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

std::string testcase(json const& c, bool warn_is_failure) {
  auto const& id = text(c, "id");
  auto const head = "    <testcase" + attr("name", id) + attr("classname", classname(id)) +
                    attr("time", seconds(c.at("duration_ms").get<double>()));
  auto const body = testcase_body(c, warn_is_failure);
  return body.empty() ? head + "/>\n" : head + ">\n" + body + "    </testcase>\n";
}

// Counts as the testcases below show them: failures and errors that a baseline
// excuses count as skipped; WARN counts as a failure only when it gates.
std::string counts_attributes(std::vector<json const*> const& cases, bool warn_is_failure, double duration_ms) {
  std::size_t failures = 0, errors = 0, skipped = 0;
  for (auto const* c : cases) {
    auto const v = verdict_of(*c);
    bool const gating = v == verdict::fail || v == verdict::error || (v == verdict::warn && warn_is_failure);
    bool const excused = gating && c->contains("baseline") && !c->at("baseline").value("expired", false);
    if (v == verdict::skip || excused) ++skipped;
    else if (v == verdict::error) ++errors;
    else if (gating) ++failures;
  }
  return attr("tests", std::to_string(cases.size())) + attr("failures", std::to_string(failures)) +
         attr("errors", std::to_string(errors)) + attr("skipped", std::to_string(skipped)) +
         attr("time", seconds(duration_ms));
}

std::string testsuite(json const& report, suite_group const& g) {
  auto const& targets = report.at("targets");
  auto const& url = text(targets.at(g.target), "url");
  auto const name = targets.size() > 1 ? g.suite + " @ " + url : g.suite;
  std::string out = "  <testsuite" + attr("name", name) + counts_attributes(g.cases, warn_gates(report), g.duration_ms) +
                    attr("timestamp", text(report, "started")) + ">\n";
  out += "    <properties>\n";
  out += "      <property" + attr("name", "target") + attr("value", url) + "/>\n";
  out += "      <property" + attr("name", "seed") + attr("value", report.at("seed").dump()) + "/>\n";
  out += "      <property" + attr("name", "conform_version") + attr("value", text(report, "conform_version")) + "/>\n";
  out += "    </properties>\n";
  for (auto const* c : g.cases) out += testcase(*c, warn_gates(report));
  return out + "  </testsuite>\n";
}

}  // namespace

std::string render_junit(json const& report) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::vector<json const*> all;
  for (auto const& c : report.at("cases")) all.push_back(&c);
  out += "<testsuites" + attr("name", "conform") +
         counts_attributes(all, warn_gates(report), report.at("duration_ms").get<double>()) + ">\n";
  for (auto const& g : group_by_suite(report)) out += testsuite(report, g);
  return out + "</testsuites>\n";
}

}  // namespace conform::reports
