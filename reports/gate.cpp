#include "reports/gate.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iterator>
#include <set>

#include "reports/byte_text.hpp"
#include "reports/json_report.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

std::string const& text(json const& v, std::string_view key) { return v.at(key).get_ref<std::string const&>(); }

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  return true;
}

baseline_entry parse_entry(json const& value, std::string const& where) {
  if (value.is_string()) return {value.get<std::string>(), {}};
  if (!value.is_object()) throw report_error(where + ": expected a reason (string) or {\"reason\": ..., \"expires\": ...}");
  baseline_entry entry;
  auto const reason = value.find("reason");
  if (reason == value.end() || !reason->is_string()) throw report_error(where + ".reason: expected a string");
  entry.reason = reason->get<std::string>();
  if (auto const expires = value.find("expires"); expires != value.end()) {
    if (!expires->is_string() || !is_date(expires->get_ref<std::string const&>()))
      throw report_error(where + ".expires: expected a date, YYYY-MM-DD");
    entry.expires = expires->get<std::string>();
  }
  return entry;
}

baseline_entry const* find_entry(baseline const& b, std::string const& id) {
  auto const it = b.entries.find(id);
  return it == b.entries.end() ? nullptr : &it->second;
}

bool expired(baseline_entry const& e, std::string_view today) { return !e.expires.empty() && e.expires < today; }

std::string one_line(std::string_view s, std::size_t max_bytes) {
  std::string out = escape_controls(s, false);
  if (out.size() <= max_bytes) return out;
  auto cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  return out.substr(0, cut) + "…";
}

}  // namespace

std::optional<fail_on> parse_fail_on(std::string_view name) {
  if (name == "must") return fail_on::must;
  if (name == "should") return fail_on::should;
  return std::nullopt;
}

std::string_view to_string(fail_on level) { return level == fail_on::must ? "must" : "should"; }

bool gates(std::string_view verdict, fail_on level) {
  return verdict == "fail" || verdict == "error" || (verdict == "warn" && level == fail_on::should);
}

baseline parse_baseline(json const& document, std::string source) {
  baseline out{.source = std::move(source), .entries = {}};
  if (!document.is_object())
    throw report_error("baseline '" + out.source + "': expected a JSON object of case id -> reason");
  for (auto const& [id, value] : document.items())
    out.entries.emplace(id, parse_entry(value, "baseline '" + out.source + "': \"" + id + "\""));
  return out;
}

baseline load_baseline(std::filesystem::path const& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw report_error("cannot read baseline '" + file.string() + "'");
  json document;
  try {
    document = json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (json::parse_error const& e) {
    throw report_error("baseline '" + file.string() + "' is not JSON: " + e.what());
  }
  return parse_baseline(document, file.string());
}

std::string write_baseline(json const& report) {
  auto out = json::object();
  for (auto const& c : report.at("cases")) {
    auto const& v = text(c, "verdict");
    if (v != "fail" && v != "warn" && v != "error") continue;
    auto const& id = text(c, "id");
    if (out.contains(id)) continue;  // the first target's reason stands for all
    out[id] = {{"reason", v + ": " + one_line(text(c, "message"), 200)}};
  }
  return out.dump(2) + "\n";
}

gate_result gate(json const& report, baseline const* known, fail_on level, std::string_view today) {
  gate_result out;
  std::set<std::string> ran, still_gating, passed;
  for (auto const& c : report.at("cases")) {
    auto const& id = text(c, "id");
    ran.insert(id);
    auto const& v = text(c, "verdict");
    if (v == "pass") passed.insert(id);
    if (!gates(v, level)) continue;
    still_gating.insert(id);
    auto const* entry = known ? find_entry(*known, id) : nullptr;
    if (!entry) out.new_failures.push_back(&c);
    else if (expired(*entry, today)) out.expired.push_back(&c);
    else out.known.push_back(&c);
  }
  if (known)
    for (auto const& [id, entry] : known->entries) {
      if (!ran.contains(id)) out.not_run.push_back(id);
      else if (!still_gating.contains(id) && passed.contains(id)) out.now_passing.push_back(id);
    }
  return out;
}

void annotate(json& report, gate_result const& result, baseline const* known, fail_on level) {
  auto ids = [](std::vector<json const*> const& cases) {
    auto out = json::array();
    for (auto const* c : cases)
      if (std::find(out.begin(), out.end(), c->at("id")) == out.end()) out.push_back(c->at("id"));
    return out;
  };
  auto new_failures = ids(result.new_failures);
  for (auto& id : ids(result.expired)) new_failures.push_back(std::move(id));
  auto const today = today_utc();
  report["gate"] = {
      {"fail_on", to_string(level)},
      {"baseline", known ? valid_utf8(known->source) : std::string()},
      {"passed", !result.failed()},
      {"new_failures", std::move(new_failures)},
      {"now_passing", result.now_passing},
  };
  if (!known) return;
  for (auto& c : report.at("cases")) {
    auto const entry = known->entries.find(text(c, "id"));
    if (entry == known->entries.end()) continue;
    c["baseline"] = {{"reason", valid_utf8(entry->second.reason)},
                     {"expires", entry->second.expires},
                     {"expired", expired(entry->second, today)}};
  }
}

std::string gate_text(gate_result const& result, baseline const* known) {
  std::string out;
  for (auto const* c : result.new_failures)
    out += "new failure: " + text(*c, "id") + " (" + text(*c, "verdict") + "): " + one_line(text(*c, "message"), 200) + "\n";
  for (auto const* c : result.expired) {
    auto const& e = known->entries.at(text(*c, "id"));
    out += "baseline entry expired on " + e.expires + ": " + text(*c, "id") + " (" + text(*c, "verdict") +
           ") gates again; it was accepted because: " + one_line(e.reason, 200) + "\n";
  }
  if (!known) return out;
  if (!result.known.empty())
    out += "baseline: " + std::to_string(result.known.size()) + " known failure(s) listed in " + known->source +
           " still fail, as expected\n";
  for (auto const& id : result.now_passing)
    out += "baseline: " + id + " passes now; its entry in " + known->source + " can go\n";
  if (!result.not_run.empty())
    out += "baseline: " + std::to_string(result.not_run.size()) + " entr" + (result.not_run.size() == 1 ? "y" : "ies") +
           " name cases this run did not include (first: " + result.not_run.front() + ")\n";
  return out;
}

std::string today_utc() {
  auto const now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace conform::reports
