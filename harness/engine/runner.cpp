#include "harness/engine/runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "harness/net/connection.hpp"
#include "harness/net/dial.hpp"

namespace conform {
namespace {

using clock = std::chrono::steady_clock;

std::string utc_now_iso8601() {
  auto const now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool suite_applies(suite const& s, target const& t) { return s.applies_to == nullptr || s.applies_to(t); }

// The probe's own case, so probes run through the same context as cases do.
case_def const probe_case{
    .id = "probe",
    .section = "-",
    .level = requirement_level::info,
    .title = "capability probe",
    .requirement = "-",
};

std::string missing_reason(capability c, target_report const& t) {
  std::string reason = "target does not offer " + std::string(to_string(c));
  auto const prefix = std::string(to_string(c)) + ": ";
  for (auto const& note : t.probes)
    if (note.starts_with(prefix)) return reason + " (" + note.substr(prefix.size()) + ")";
  return reason;
}

}  // namespace

verdict_counts run_result::counts() const {
  verdict_counts c;
  for (auto const& r : cases) c.add(r.status);
  return c;
}

runner::runner(run_settings settings, connector connect)
    : settings_(std::move(settings)), connect_(std::move(connect)) {}

void runner::probe(target_report& t, std::vector<registered_case> const& cases) {
  std::vector<suite const*> probed;
  for (auto const& rc : cases) {
    auto const* s = rc.owner;
    if (s->probe == nullptr || !suite_applies(*s, t.value)) continue;
    if (std::find(probed.begin(), probed.end(), s) != probed.end()) continue;
    probed.push_back(s);
    transcript log;
    context cx(t.value, probe_case, log, connect_, settings_.times, settings_.seed);
    try {
      auto report = s->probe(cx);
      for (auto c : all_capabilities)
        if (report.found.has(c)) t.value.offers.add(c);
      t.probes.insert(t.probes.end(), report.notes.begin(), report.notes.end());
    } catch (std::exception const& e) {
      t.probes.push_back(std::string(s->name) + " probe failed: " + e.what());
    }
  }
}

case_result run_one(registered_case const& which, target_report const& t, std::size_t target_index,
                    connector const& connect, timing times, std::uint64_t run_seed) {
  auto const& def = *which.def;
  case_result r;
  r.which = which;
  r.target_index = target_index;
  r.seed = case_seed(run_seed, def.id, target_index);
  auto const started = clock::now();
  context cx(t.value, def, r.log, connect, times, r.seed);

  outcome o;
  if (auto missing = t.value.offers.first_missing(def.needs)) {
    o = skip(missing_reason(*missing, t));
  } else {
    try {
      o = def.run(cx);
    } catch (net::connect_error const& e) {
      o = error(std::string("could not connect: ") + e.what());
    } catch (std::exception const& e) {
      o = error(std::string("internal error in the harness: ") + e.what());
    }
  }
  r.status = resolve(o, def.level);
  r.message = std::move(o.message);
  r.facts = std::move(o.facts);
  r.close = std::move(o.close);
  r.duration = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - started);
  return r;
}

case_result runner::execute(task const& job, run_info const& info) {
  return run_one(job.which, info.targets[job.target_index], job.target_index, connect_, settings_.times, settings_.seed);
}

run_result runner::run(std::vector<target> targets, std::vector<registered_case> const& cases) {
  auto const wall_start = clock::now();
  run_result result;
  auto& info = result.info;
  info.conform_version = settings_.conform_version;
  info.seed = settings_.seed;
  info.started = utc_now_iso8601();
  info.jobs = std::max(1u, settings_.jobs);
  info.times = settings_.times;
  for (auto& t : targets) info.targets.push_back({std::move(t), {}});
  for (auto& t : info.targets) probe(t, cases);

  // Tasks in catalogue order, target by target; results land in slots by task index so
  // the report keeps that order whatever finishes first.
  std::vector<task> tasks;
  for (std::size_t ti = 0; ti < info.targets.size(); ++ti)
    for (auto const& rc : cases)
      if (suite_applies(*rc.owner, info.targets[ti].value)) tasks.push_back({rc, ti});
  std::vector<std::size_t> parallel, exclusive;
  for (std::size_t i = 0; i < tasks.size(); ++i) (tasks[i].which.def->exclusive ? exclusive : parallel).push_back(i);

  for (auto* rep : reporters_) rep->run_started(info, tasks.size());

  std::mutex report_mutex;
  std::vector<std::optional<case_result>> slots(tasks.size());
  auto run_one = [&](std::size_t i) {
    {
      std::lock_guard lock(report_mutex);
      for (auto* rep : reporters_) rep->case_started(tasks[i].which, tasks[i].target_index);
    }
    auto r = execute(tasks[i], info);
    std::lock_guard lock(report_mutex);
    for (auto* rep : reporters_) rep->case_finished(r);
    slots[i] = std::move(r);
  };

  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < parallel.size();) run_one(parallel[k]);
  };
  std::vector<std::thread> pool;
  auto const workers = std::min<std::size_t>(info.jobs, parallel.size());
  for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(worker);
  for (auto& th : pool) th.join();
  for (auto i : exclusive) run_one(i);  // alone: limits and large payloads skew everything else

  for (auto& slot : slots) result.cases.push_back(std::move(*slot));
  result.wall = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - wall_start);
  for (auto* rep : reporters_) rep->run_finished(result);
  return result;
}

std::string check_reachable(target const& t, connector const& connect, std::chrono::milliseconds timeout) {
  transcript log;
  try {
    auto c = connect(t, {}, log, clock::now() + timeout);
    c->close();
    return {};
  } catch (net::connect_error const& e) {
    return e.what();
  }
}

}  // namespace conform
