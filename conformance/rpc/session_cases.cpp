// Every session vector of conformance/vectors/rpc/sessions.json becomes a case
// rpc/<vector id>, its section, level, title and requirement taken from the vector.
// The harness's own driver (harness/rpc/) plays it over the target's transport; a
// vector written for the other transport is SKIP, with the reason.
#include <algorithm>
#include <deque>
#include <map>
#include <stdexcept>

#include "conformance/rpc/suite.hpp"
#include "harness/engine/context.hpp"
#include "harness/rpc/channels.hpp"

namespace conform::rpc_suite {

// Generated from conformance/vectors/rpc/sessions.json by cmake/embed_text.cmake.
std::vector<std::pair<std::string_view, std::string>> const& embedded_session_files();

namespace {

using rpc::json;

// A vector and the strings its case_def points into.
struct session_case {
  json vector;
  std::string id;       // "rpc/push-pull-square"
  std::string section;  // "capnweb 0.12 §4 Top-level messages"
  std::string title;
  std::string requirement;
};

requirement_level level_of(json const& v) {
  auto const level = v.at("level").get<std::string>();
  if (level == "MUST") return requirement_level::must;
  if (level == "SHOULD") return requirement_level::should;
  if (level == "MAY") return requirement_level::may;
  if (level == "INFO") return requirement_level::info;
  throw std::logic_error("sessions.json: vector " + v.value("id", std::string("?")) + " has the level " + level);
}

// "4. Top-level messages" -> "capnweb 0.12 §4 Top-level messages" (the heading of
// shared/protocols/capnweb.md the rule comes from).
std::string section_of(std::string const& heading, std::string const& version) {
  auto const space = heading.find(' ');
  auto number = heading.substr(0, space);
  if (number.ends_with('.')) number.pop_back();
  return "capnweb " + version + " §" + number + (space == std::string::npos ? "" : heading.substr(space));
}

// Parsed once; a deque, so the strings case_defs point into never move.
std::deque<session_case> const& all_sessions() {
  static auto const sessions = [] {
    std::deque<session_case> out;
    auto const& files = embedded_session_files();
    if (files.empty()) throw std::logic_error("sessions.json is not embedded");
    auto const doc = json::parse(files.front().second);
    auto const version = doc.value("reference_version", std::string("0.12.0"));
    auto const short_version = version.substr(0, version.rfind('.'));
    for (auto const& v : doc.at("vectors")) {
      out.push_back({.vector = v,
                     .id = "rpc/" + v.at("id").get<std::string>(),
                     .section = section_of(v.at("section").get<std::string>(), short_version),
                     .title = v.at("title").get<std::string>(),
                     .requirement = v.at("requirement").get<std::string>()});
    }
    return out;
  }();
  return sessions;
}

session_case const* session_for(std::string_view id) {
  static auto const index = [] {
    std::map<std::string, session_case const*, std::less<>> m;
    for (auto const& s : all_sessions()) m.emplace(s.id, &s);
    return m;
  }();
  auto const it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

std::string transports_of(json const& v) {
  std::string out;
  for (auto const& t : v.at("transports")) out += (out.empty() ? "" : " and ") + t.get<std::string>();
  return out;
}

std::optional<rpc::mismatch> play(context& cx, json const& v, rpc::driver_settings const& s) {
  if (transport_of(cx.target_info()) == "batch") {
    rpc::http_batch_channel batch(cx);
    return rpc::run_batches(v, batch, s);
  }
  rpc::websocket_channel ws(cx);
  if (auto const why = ws.open(); !why.empty())
    return rpc::mismatch{"a WebSocket opened at " + rpc::endpoint_path(cx), why};
  auto miss = rpc::run_messages(v, ws, s);
  ws.close();
  return miss;
}

outcome run_session(context& cx) {
  auto const* sc = session_for(cx.current_case().id);
  if (sc == nullptr) return error("no session vector has the id " + std::string(cx.current_case().id));
  auto const& v = sc->vector;
  auto const transport = transport_of(cx.target_info());
  if (!rpc::vector_runs_over(v, transport))
    return skip("the vector runs over " + transports_of(v) + " only; a " + cx.target_info().scheme +
                ":// target is played over " + std::string(transport));
  if (v.contains("note")) cx.note("vector note: " + v["note"].get<std::string>());
  rpc::driver_settings s{.answer_wait = cx.read_timeout(),
                         .quiet_wait = std::min(cx.read_timeout(), std::chrono::milliseconds(500)),
                         .note = [&cx](std::string const& line) { cx.note(line); }};
  try {
    auto const miss = play(cx, v, s);
    if (!miss) return pass();
    return violation(miss->expected, miss->got);
  } catch (std::invalid_argument const& e) {
    return error(std::string("the vector cannot be played: ") + e.what());
  }
}

}  // namespace

std::vector<std::span<case_def const>> session_tables() {
  static auto const tables = [] {
    // One table per section, in the order sections first appear in the file.
    std::vector<std::string> order;
    std::map<std::string, std::vector<case_def>> by_section;
    for (auto const& sc : all_sessions()) {
      if (!by_section.contains(sc.section)) order.push_back(sc.section);
      by_section[sc.section].push_back({.id = sc.id,
                                        .section = sc.section,
                                        .level = level_of(sc.vector),
                                        .title = sc.title,
                                        .requirement = sc.requirement,
                                        .needs = {capability::rpc},
                                        .run = run_session});
    }
    std::vector<std::vector<case_def>> out;
    for (auto const& section : order) out.push_back(std::move(by_section[section]));
    return out;
  }();
  std::vector<std::span<case_def const>> spans;
  for (auto const& t : tables) spans.emplace_back(t);
  return spans;
}

}  // namespace conform::rpc_suite
