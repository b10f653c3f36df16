#include "reports/close_text.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "reports/byte_text.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> close_verdicts = {"ok", "wrong_code", "unclean", "failed"};
constexpr std::array<std::string_view, 3> closers = {"target", "harness", "none"};

bool one_of(json const& v, auto const& allowed) {
  return v.is_string() && std::find(allowed.begin(), allowed.end(), v.get_ref<std::string const&>()) != allowed.end();
}

bool is_code(json const& v) { return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0); }

}  // namespace

std::string check_close(json const& close, std::string const& where) {
  if (!close.is_object()) return where + ": expected an object";
  if (!close.contains("verdict") || !one_of(close.at("verdict"), close_verdicts))
    return where + ".verdict: expected one of ok, wrong_code, unclean, failed";
  auto const expected = close.find("expected");
  if (expected == close.end() || !expected->is_array() || !std::all_of(expected->begin(), expected->end(), is_code))
    return where + ".expected: expected an array of close codes";
  auto const received = close.find("received");
  if (received == close.end() || !(received->is_null() || is_code(*received)))
    return where + ".received: expected a close code or null";
  if (!close.contains("reason") || !close.at("reason").is_string()) return where + ".reason: expected a string";
  if (!close.contains("clean") || !close.at("clean").is_boolean()) return where + ".clean: expected true or false";
  if (!close.contains("closed_by") || !one_of(close.at("closed_by"), closers))
    return where + ".closed_by: expected one of target, harness, none";
  return {};
}

std::string close_text(json const& report_case) {
  auto const it = report_case.find("close");
  if (it == report_case.end() || !it->is_object() || !check_close(*it, "close").empty()) return {};
  auto const& c = *it;
  std::string expected;
  for (auto const& code : c.at("expected")) expected += (expected.empty() ? "" : " or ") + code.dump();
  std::string out = "close: " + c.at("verdict").get<std::string>() + ", expected " + (expected.empty() ? "any code" : expected);
  out += ", got " + (c.at("received").is_null() ? std::string("no close code") : c.at("received").dump());
  auto const& reason = c.at("reason").get_ref<std::string const&>();
  if (!reason.empty()) out += " \"" + escape_controls(reason, false) + "\"";
  out += " (closed by " + c.at("closed_by").get<std::string>() + ", " + (c.at("clean").get<bool>() ? "clean" : "unclean") + ")";
  return out;
}

}  // namespace conform::reports
