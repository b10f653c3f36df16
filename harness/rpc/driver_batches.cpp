// The HTTP batch half of the session driver (capnweb.md §2.2): the messages of the send
// steps before an expectation are one request body, joined by "\n" with no trailing
// newline; the response's lines are the peer's messages. Each batch is a new session.
#include <algorithm>
#include <stdexcept>

#include "harness/rpc/driver.hpp"

namespace conform::rpc {
namespace {

struct request {
  std::string method = "POST";
  std::string body;
  bool started = false;  // a message or a batch_body was given
};

std::string describe(batch_reply const& r) {
  if (!r.answered) return "no HTTP response (" + r.failure + ")";
  return std::to_string(r.status) + (r.body.empty() ? std::string(" with an empty body") : " with the body " + json(r.body).dump());
}

// The response's lines as messages; false (and the bad line) when one is not JSON.
bool lines_of(std::string const& body, std::vector<json>& out, std::string& bad) {
  if (body.empty()) return true;
  std::size_t at = 0;
  for (;;) {
    auto const nl = body.find('\n', at);
    auto line = body.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    auto parsed = json::parse(line, nullptr, false);
    if (parsed.is_discarded()) {
      bad = line.substr(0, 200);
      return false;
    }
    out.push_back(std::move(parsed));
    if (nl == std::string::npos) return true;
    at = nl + 1;
  }
}

std::optional<mismatch> check_status(json const& step, batch_reply const& r) {
  if (auto const it = step.find("expect_status"); it != step.end() && !(r.answered && r.status == it->get<int>()))
    return mismatch{"status " + it->dump(), describe(r)};
  if (auto const it = step.find("expect_status_not"); it != step.end() && !(r.answered && r.status != it->get<int>()))
    return mismatch{"a status other than " + it->dump(), describe(r)};
  if (auto const it = step.find("expect_body"); it != step.end() && !(r.answered && r.body == it->get<std::string>()))
    return mismatch{"the body " + it->dump(), describe(r)};
  return std::nullopt;
}

std::optional<mismatch> judge(json const& step, batch_reply const& r, bindings& bound) {
  if (auto miss = check_status(step, r)) return miss;
  std::vector<json> got;
  std::string bad;
  bool const readable = r.answered && r.status == 200 && lines_of(r.body, got, bad);
  if (step.contains("expect_abort")) {
    // A failed batch (any status but 200) or an abort line matching the expectation.
    if (r.answered && r.status != 200) return std::nullopt;
    for (auto const& m : got)
      if (is_abort(m) && m.size() == 2 && abort_matches(step["expect_abort"], m[1])) return std::nullopt;
    return mismatch{"a failed batch (a status other than 200) or " + wire(abort_pattern(step["expect_abort"])), describe(r)};
  }
  if (step.contains("expect_nothing")) {
    if (r.answered && r.status == 200 && r.body.empty()) return std::nullopt;
    bool const or_abort = step.value("or_abort", false);
    auto const quiet = [or_abort](json const& m) { return is_release(m) || (or_abort && is_abort(m)); };
    if (readable && std::all_of(got.begin(), got.end(), quiet)) return std::nullopt;
    if (or_abort && r.answered && r.status != 200) return std::nullopt;
    return mismatch{step.value("or_abort", false) ? "an empty 200 or a failed batch" : "an empty 200", describe(r)};
  }
  if (step.contains("expect")) {
    expectation want{.patterns = step["expect"].get<std::vector<json>>(),
                     .unordered = step.value("unordered", false),
                     .more = step.value("more", false)};
    if (!r.answered || r.status != 200) return mismatch{"200 with " + wire(json(want.patterns)), describe(r)};
    if (!readable) return mismatch{"200 with " + wire(json(want.patterns)), "a line that is not JSON: " + bad};
    return match_expectation(want, got, bound);
  }
  return std::nullopt;
}

bool is_expectation(json const& step) {
  for (auto const* key : {"expect", "expect_abort", "expect_nothing", "expect_status", "expect_status_not", "expect_body"})
    if (step.contains(key)) return true;
  return false;
}

}  // namespace

std::optional<mismatch> run_batches(json const& vector, batch_channel& peer, driver_settings const& s) {
  bindings bound;
  request next;
  for (auto const& step : vector.at("steps")) {
    if (step.contains("send")) {
      for (auto const& m : step["send"]) {
        next.body += (next.started ? "\n" : "") + message_text(m, bound);
        next.started = true;
      }
      continue;
    }
    if (step.contains("batch_body") || step.contains("batch_method")) {
      next.body = step.value("batch_body", std::string{});
      next.method = step.value("batch_method", std::string("POST"));
      next.started = true;
      continue;
    }
    if (!is_expectation(step)) throw std::invalid_argument("a step HTTP batch cannot carry: " + wire(step));
    if (s.note) s.note("sent " + next.method + " with the body " + json(next.body).dump());
    auto const reply = peer.post(next.method, next.body);
    if (s.note) s.note("received " + describe(reply));
    next = {};
    if (auto miss = judge(step, reply, bound)) return miss;
  }
  return std::nullopt;
}

}  // namespace conform::rpc
