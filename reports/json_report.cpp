#include "reports/json_report.hpp"

#include <fstream>
#include <iterator>

#include "reports/byte_text.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

std::string_view direction(transcript_event::kind k) {
  switch (k) {
    case transcript_event::kind::sent: return "send";
    case transcript_event::kind::received: return "recv";
    case transcript_event::kind::note: return "note";
  }
  return "note";
}

json capability_names(capabilities set) {
  auto names = json::array();
  for (auto c : all_capabilities)
    if (set.has(c)) names.push_back(to_string(c));
  return names;
}

json target_json(target_report const& t) {
  auto probes = json::array();
  for (auto const& p : t.probes) probes.push_back(valid_utf8(p));
  return {
      {"url", valid_utf8(t.value.url)},
      {"scheme", t.value.scheme},
      {"embedded", t.value.embedded},
      {"capabilities", capability_names(t.value.offers)},
      {"probes", std::move(probes)},
  };
}

json summary_json(verdict_counts const& counts) {
  json summary = {{"total", counts.total}};
  for (auto v : all_verdicts) summary[std::string(to_string(v))] = counts[v];
  return summary;
}

json close_json(close_report const& c) {
  return {
      {"verdict", to_string(c.verdict)},
      {"expected", c.expected},
      {"received", c.received ? json(*c.received) : json(nullptr)},
      {"reason", valid_utf8(c.reason)},
      {"clean", c.clean},
      {"closed_by", to_string(c.closed_by)},
  };
}

json case_json(case_result const& r) {
  auto out = case_metadata(r.which);
  // Facts keep their first value if a case records a key twice.
  auto facts = json::object();
  for (auto const& [key, value] : r.facts) facts.emplace(valid_utf8(key), valid_utf8(value));
  out["target"] = r.target_index;
  out["verdict"] = to_string(r.status);
  out["message"] = valid_utf8(r.message);
  out["duration_ms"] = static_cast<double>(r.duration.count()) / 1000.0;
  out["seed"] = r.seed;
  out["facts"] = std::move(facts);
  if (r.close) out["close"] = close_json(*r.close);
  out["transcript"] = transcript_json(r.log);
  out["transcript_dropped_bytes"] = r.log.dropped_bytes();
  return out;
}

}  // namespace

// Wire bytes travel as ISO-8859-1 code points (lossless); notes are the harness's own
// words, already text, but may quote a target, so they are made valid UTF-8.
json transcript_json(transcript const& log) {
  auto events = json::array();
  for (auto const& e : log.events()) {
    bool const is_note = e.what == transcript_event::kind::note;
    events.push_back({
        {"t_us", e.at.count()},
        {"conn", e.connection},
        {"dir", direction(e.what)},
        {"data", is_note ? valid_utf8(e.data) : bytes_to_latin1(e.data)},
    });
  }
  return events;
}

json case_metadata(registered_case const& which) {
  auto const& d = *which.def;
  auto see_also = json::array();
  for (auto s : d.see_also) see_also.push_back(s);
  return {
      {"id", d.id},
      {"suite", which.owner->name},
      {"section", d.section},
      {"level", to_string(d.level)},
      {"title", d.title},
      {"requirement", d.requirement},
      {"see_also", std::move(see_also)},
      {"needs", capability_names(d.needs)},
      {"exclusive", d.exclusive},
      {"heavy", d.heavy},
  };
}

json to_json(run_result const& run) {
  auto const& info = run.info;
  auto targets = json::array();
  for (auto const& t : info.targets) targets.push_back(target_json(t));
  auto cases = json::array();
  for (auto const& r : run.cases) cases.push_back(case_json(r));
  return {
      {"schema", report_schema},
      {"conform_version", info.conform_version},
      {"seed", info.seed},
      {"started", info.started},
      {"duration_ms", run.wall.count()},
      {"settings",
       {{"jobs", info.jobs},
        {"case_timeout_ms", info.times.case_timeout.count()},
        {"read_timeout_ms", info.times.read_timeout.count()}}},
      {"targets", std::move(targets)},
      {"summary", summary_json(run.counts())},
      {"cases", std::move(cases)},
  };
}

json load_report(std::filesystem::path const& file) {
  auto const name = "'" + file.string() + "'";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw report_error("report " + name + " does not exist");
  if (std::filesystem::is_directory(file, ec)) throw report_error("report " + name + " is a directory, not a file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw report_error("cannot read report " + name);
  json report;
  try {
    report = json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (json::parse_error const& e) {
    throw report_error("report " + name + " is not JSON: " + e.what());
  }
  if (auto problem = check_report(report); !problem.empty())
    throw report_error("report " + name + " is not a usable conform report: " + problem);
  return report;
}

}  // namespace conform::reports
