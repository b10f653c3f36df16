#include "reports/transcript_text.hpp"

#include <cstdio>
#include <string_view>

#include "reports/byte_text.hpp"

namespace conform::reports {
namespace {

std::string event_prefix(nlohmann::json const& e) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "+%8.3f ms  #%llu %-4s  ", static_cast<double>(e.at("t_us").get<std::int64_t>()) / 1000.0,
                static_cast<unsigned long long>(e.at("conn").get<std::uint64_t>()),
                e.at("dir").get_ref<std::string const&>().c_str());
  return buf;
}

// Wire bytes are stored as ISO-8859-1 code points; notes are text.
std::string readable_data(nlohmann::json const& e) {
  auto const& data = e.at("data").get_ref<std::string const&>();
  if (e.at("dir") == "note") return escape_controls(data, false);
  auto const bytes = latin1_to_bytes(data);
  return escape_bytes(bytes ? *bytes : data, true);
}

void append_indented(std::string& out, std::string_view prefix, std::string_view text) {
  std::string const indent(prefix.size(), ' ');
  out += prefix;
  bool first = true;
  while (!text.empty() || first) {
    auto const lf = text.find('\n');
    auto const line = text.substr(0, lf);
    if (!first) out += indent;
    out += line;
    out += '\n';
    first = false;
    if (lf == std::string_view::npos) break;
    text.remove_prefix(lf + 1);
  }
}

}  // namespace

std::string transcript_text(nlohmann::json const& events, std::uint64_t dropped_bytes) {
  std::string out;
  for (auto const& e : events) append_indented(out, event_prefix(e), readable_data(e));
  if (dropped_bytes > 0)
    out += "(" + std::to_string(dropped_bytes) + " more bytes were dropped: the transcript reached its size cap)\n";
  return out;
}

}  // namespace conform::reports
