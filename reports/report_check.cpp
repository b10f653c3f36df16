// check_report: whether a JSON document keeps the conform-report/1 contract, so
// `conform report` can refuse a hand-edited or foreign file with one clear line
// instead of failing somewhere inside a renderer.
#include <algorithm>
#include <span>

#include "reports/close_text.hpp"
#include "reports/json_report.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

enum class kind { string, count, number, boolean, strings, object, array };

struct field {
  std::string_view name;
  kind type;
};

constexpr field report_fields[] = {
    {"schema", kind::string},   {"conform_version", kind::string}, {"seed", kind::count},
    {"started", kind::string},  {"duration_ms", kind::number},     {"settings", kind::object},
    {"targets", kind::array},   {"summary", kind::object},         {"cases", kind::array},
};
constexpr field settings_fields[] = {
    {"jobs", kind::count}, {"case_timeout_ms", kind::count}, {"read_timeout_ms", kind::count}};
constexpr field target_fields[] = {
    {"url", kind::string},         {"scheme", kind::string},  {"embedded", kind::boolean},
    {"capabilities", kind::strings}, {"probes", kind::strings},
};
constexpr field summary_fields[] = {
    {"total", kind::count}, {"pass", kind::count}, {"fail", kind::count}, {"warn", kind::count},
    {"info", kind::count},  {"skip", kind::count}, {"error", kind::count},
};
constexpr field case_fields[] = {
    {"id", kind::string},         {"suite", kind::string},      {"section", kind::string},
    {"level", kind::string},      {"title", kind::string},      {"requirement", kind::string},
    {"see_also", kind::strings},  {"needs", kind::strings},     {"exclusive", kind::boolean},
    {"target", kind::count},      {"verdict", kind::string},    {"message", kind::string},
    {"duration_ms", kind::number}, {"seed", kind::count},       {"facts", kind::object},
    {"transcript", kind::array},  {"transcript_dropped_bytes", kind::count},
};
constexpr field event_fields[] = {
    {"t_us", kind::count}, {"conn", kind::count}, {"dir", kind::string}, {"data", kind::string}};

constexpr std::string_view levels[] = {"MUST", "SHOULD", "MAY", "INFO"};
constexpr std::string_view verdicts[] = {"pass", "fail", "warn", "info", "skip", "error"};
constexpr std::string_view directions[] = {"send", "recv", "note"};

bool has_type(json const& v, kind type) {
  switch (type) {
    case kind::string: return v.is_string();
    case kind::count: return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
    case kind::number: return v.is_number();
    case kind::boolean: return v.is_boolean();
    case kind::object: return v.is_object();
    case kind::array: return v.is_array();
    case kind::strings:
      return v.is_array() && std::all_of(v.begin(), v.end(), [](json const& e) { return e.is_string(); });
  }
  return false;
}

std::string_view type_name(kind type) {
  switch (type) {
    case kind::string: return "a string";
    case kind::count: return "a whole number >= 0";
    case kind::number: return "a number";
    case kind::boolean: return "true or false";
    case kind::object: return "an object";
    case kind::array: return "an array";
    case kind::strings: return "an array of strings";
  }
  return "?";
}

std::string check_fields(json const& v, std::span<field const> fields, std::string const& where) {
  if (!v.is_object()) return where + ": expected an object";
  for (auto const& f : fields) {
    auto const path = where.empty() ? std::string(f.name) : where + "." + std::string(f.name);
    auto it = v.find(f.name);
    if (it == v.end()) return path + ": missing";
    if (!has_type(*it, f.type)) return path + ": expected " + std::string(type_name(f.type));
  }
  return {};
}

std::string check_one_of(json const& v, std::string_view key, std::span<std::string_view const> allowed,
                         std::string const& where) {
  auto const& value = v.at(key).get_ref<std::string const&>();
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return {};
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return where + "." + std::string(key) + ": '" + value + "' is not one of " + list;
}

std::string check_case(json const& c, std::size_t target_count, std::string const& where) {
  if (auto p = check_fields(c, case_fields, where); !p.empty()) return p;
  if (auto p = check_one_of(c, "level", levels, where); !p.empty()) return p;
  if (auto p = check_one_of(c, "verdict", verdicts, where); !p.empty()) return p;
  if (c.at("target").get<std::uint64_t>() >= target_count) return where + ".target: no such target";
  // Optional: the WebSocket close verdict, for cases whose protocol has one.
  if (auto const close = c.find("close"); close != c.end())
    if (auto p = check_close(*close, where + ".close"); !p.empty()) return p;
  auto const& log = c.at("transcript");
  for (std::size_t i = 0; i < log.size(); ++i) {
    auto const at = where + ".transcript[" + std::to_string(i) + "]";
    if (auto p = check_fields(log[i], event_fields, at); !p.empty()) return p;
    if (auto p = check_one_of(log[i], "dir", directions, at); !p.empty()) return p;
  }
  return {};
}

}  // namespace

std::string check_report(json const& report) {
  if (!report.is_object()) return "expected a JSON object at the top";
  auto const schema = report.find("schema");
  if (schema == report.end() || !schema->is_string()) return "no \"schema\" field (expected \"" + std::string(report_schema) + "\")";
  if (*schema != report_schema)
    return "schema is \"" + schema->get<std::string>() + "\"; this conform reads \"" + std::string(report_schema) + "\"";
  if (auto p = check_fields(report, report_fields, ""); !p.empty()) return p;
  if (auto p = check_fields(report.at("settings"), settings_fields, "settings"); !p.empty()) return p;
  if (auto p = check_fields(report.at("summary"), summary_fields, "summary"); !p.empty()) return p;
  auto const& targets = report.at("targets");
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (auto p = check_fields(targets[i], target_fields, "targets[" + std::to_string(i) + "]"); !p.empty()) return p;
  auto const& cases = report.at("cases");
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (auto p = check_case(cases[i], targets.size(), "cases[" + std::to_string(i) + "]"); !p.empty()) return p;
  return {};
}

}  // namespace conform::reports
