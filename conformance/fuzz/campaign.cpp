#include "conformance/fuzz/campaign.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

#include "conformance/fuzz/minimise.hpp"
#include "harness/net/dial.hpp"

namespace conform::fuzz {
namespace {

using clock = std::chrono::steady_clock;

std::string seconds_text(std::chrono::milliseconds d) { return std::to_string(d.count() / 1000.0).substr(0, 4) + " s"; }

struct single {
  std::optional<finding_kind> kind;
  std::string detail;
  observation seen;
};

single judge_one(protocol const& p, std::string_view input, target const& t, connector const& connect,
                 judge_options const& o, bool closes_half_closed, transcript& log) {
  single r;
  try {
    r.seen = p.exchange(input, t, connect, log, o.deadline);
  } catch (net::connect_error const& e) {
    return {finding_kind::crash, "connection refused: " + std::string(e.what()), {.end = observation::ending::refused}};
  }
  if (r.seen.violation) {
    r.kind = finding_kind::violation;
    r.detail = *r.seen.violation;
    return r;
  }
  // Answered but still open is the target's way of closing, not a hang.
  if (r.seen.end == observation::ending::open && !r.seen.answered && closes_half_closed) {
    r.kind = finding_kind::hang;
    r.detail = "no answer and no close within " + seconds_text(o.deadline) + " of the input and our half-close";
    return r;
  }
  bool const suspicious = r.seen.end != observation::ending::closed || !r.seen.answered;
  if (suspicious || o.check_health) {
    auto const why = p.health(t, connect, log, o.deadline);
    if (!why.empty()) {
      r.kind = why.find("refused") != std::string::npos ? finding_kind::crash : finding_kind::hang;
      r.detail = "after this input the target no longer serves: " + why;
    }
  }
  return r;
}

// Every target accepted every request it saw, yet they saw a different number of them:
// the same bytes framed two ways, which is what request smuggling needs. A target that
// said it would close after its last answer chose to stop; that is not a disagreement.
bool framing_disagrees(std::vector<observation> const& seen) {
  std::size_t fewest = SIZE_MAX, most = 0;
  for (auto const& o : seen) {
    // A refusal, said (4xx/5xx) or silent (closed without a word), is not a framing.
    if (o.responses.empty() || o.responses.find('R') != std::string::npos) return false;
    most = std::max(most, o.responses.size());
    if (!o.announced_close) fewest = std::min(fewest, o.responses.size());
  }
  return fewest != SIZE_MAX && fewest < most;
}

// What makes two findings the same bug: the kind and the detail without its numbers.
std::string finding_key(finding_kind k, std::string_view detail) {
  std::string key(to_string(k));
  key += ':';
  for (char c : detail.substr(0, 80))
    if (c < '0' || c > '9') key += c;
  return key;
}

}  // namespace

std::string_view to_string(observation::ending e) {
  switch (e) {
    case observation::ending::closed: return "closed";
    case observation::ending::reset: return "reset";
    case observation::ending::open: return "open";
    case observation::ending::refused: return "refused";
  }
  return "?";
}

judgement judge(protocol const& p, std::string_view input, std::vector<target> const& targets, connector const& connect,
                judge_options const& o, transcript* log) {
  judgement j;
  transcript scratch(64u << 10);
  std::vector<observation> seen;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    bool const closes = i < o.closes_half_closed.size() && o.closes_half_closed[i];
    auto const one = judge_one(p, input, targets[i], connect, o, closes, log ? *log : scratch);
    seen.push_back(one.seen);
    j.responses.push_back(one.seen.responses);
    j.endings.push_back(std::string(to_string(one.seen.end)));
    if (one.kind && !j.kind) {
      j.kind = one.kind;
      j.detail = (targets.size() > 1 ? targets[i].url + ": " : std::string{}) + one.detail;
    }
  }
  if (!j.kind && targets.size() > 1 && p.counts_requests() && framing_disagrees(seen)) {
    j.kind = finding_kind::disagreement;
    j.detail = "the targets read a different number of requests from the same bytes:";
    for (std::size_t i = 0; i < targets.size(); ++i)
      j.detail += " " + targets[i].url + " answered " + std::to_string(j.responses[i].size());
  }
  return j;
}

std::vector<bool> calibrate(protocol const& p, std::vector<target> const& targets, connector const& connect,
                            std::chrono::milliseconds deadline, std::vector<std::string>& notes) {
  std::vector<bool> closes;
  for (auto const& t : targets) {
    transcript log(64u << 10);
    auto const seen = p.exchange(p.seeds(t).front(), t, connect, log, deadline);
    closes.push_back(seen.end != observation::ending::open);
    if (!closes.back())
      notes.push_back(t.url + " keeps a half-closed connection open after a valid request, so a silent target is "
                      "judged by a fresh connection (the health check) instead of as a hang");
  }
  return closes;
}

campaign_result run_campaign(protocol const& p, campaign_settings const& s, connector const& connect,
                             progress_sink const& progress) {
  campaign_result result;
  auto const started = clock::now();
  auto const out_of_time = [&] { return s.time && clock::now() - started >= *s.time; };
  for (auto const& t : s.targets) {
    transcript log(64u << 10);
    if (auto const why = p.health(t, connect, log, s.deadline); !why.empty()) throw not_fuzzable(t.url + ": " + why);
  }
  std::mt19937_64 rng(s.seed);
  auto const seeds = p.seeds(s.targets.front());
  std::vector<std::string> corpus = seeds;
  judge_options o{.deadline = s.deadline, .closes_half_closed = calibrate(p, s.targets, connect, s.deadline, result.notes)};
  std::set<std::string> seen_shapes, seen_findings;
  auto next_progress = started + std::chrono::seconds(5);

  while (!out_of_time() && (!s.iterations || result.iterations < *s.iterations) &&
         result.findings.size() < s.max_findings) {
    auto const& base = corpus[rng() % corpus.size()];
    auto input = p.mutate(base, seeds, rng);
    if (input.size() > s.max_input) input.resize(s.max_input);
    o.check_health = result.iterations % 64 == 63;
    auto const j = judge(p, input, s.targets, connect, o);
    ++result.iterations;

    std::string shape;
    for (std::size_t i = 0; i < j.responses.size(); ++i) shape += j.endings[i] + ":" + j.responses[i] + " ";
    if (seen_shapes.insert(shape).second && corpus.size() < 4096) corpus.push_back(input);

    if (j.kind && seen_findings.insert(finding_key(*j.kind, j.detail)).second) {
      finding f{.kind = *j.kind, .suite = std::string(p.suite()), .detail = j.detail, .input = input,
                .original_size = input.size(), .seed = s.seed, .iteration = result.iterations,
                .targets = {}, .responses = j.responses};
      for (auto const& t : s.targets) f.targets.push_back(t.url);
      bool const target_down = *j.kind == finding_kind::crash;
      if (!target_down) {
        auto const kind = *j.kind;
        auto const m = minimise(p.units(input), [&](std::string const& candidate) {
          return judge(p, candidate, s.targets, connect, o).kind == kind;
        }, s.minimise_attempts);
        f.input = m.input;
      }
      if (progress) progress("finding: " + std::string(to_string(f.kind)) + ": " + f.detail);
      result.findings.push_back(std::move(f));
      if (target_down) {
        result.notes.push_back("stopped: the target no longer accepts connections");
        break;
      }
    }
    if (progress && clock::now() >= next_progress) {
      next_progress = clock::now() + std::chrono::seconds(5);
      auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started).count();
      progress(std::to_string(result.iterations) + " inputs, " + std::to_string(result.iterations * 1000 / std::max<long>(ms, 1)) +
               "/s, corpus " + std::to_string(corpus.size()) + ", findings " + std::to_string(result.findings.size()));
    }
  }
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started);
  result.corpus = corpus.size();
  return result;
}

}  // namespace conform::fuzz
