// The WebSocket half of the session driver: sends as the steps say, collects what the
// peer sends until the step has enough (or the peer aborted, closed or went quiet), and
// matches it.
#include <algorithm>
#include <stdexcept>

#include "harness/rpc/driver.hpp"

namespace conform::rpc {
namespace {

// What arrived during one step.
struct collected {
  std::vector<json> messages;
  arrival end;  // why collecting stopped (timeout when the step had enough)
  bool flooded = false;
};

std::size_t non_releases(std::vector<json> const& messages) {
  return static_cast<std::size_t>(std::count_if(messages.begin(), messages.end(), [](json const& m) { return !is_release(m); }));
}

bool any_abort(std::vector<json> const& messages) {
  return std::any_of(messages.begin(), messages.end(), [](json const& m) { return is_abort(m); });
}

template <typename Enough>
collected collect(message_channel& peer, driver_settings const& s, clock::time_point deadline, Enough enough) {
  collected got;
  while (got.messages.size() < s.max_messages) {
    auto a = peer.next(deadline);
    if (a.what != arrival::kind::message) {
      got.end = std::move(a);
      return got;
    }
    if (s.note) s.note("received " + wire(a.message));
    got.messages.push_back(std::move(a.message));
    if (enough(got.messages)) return got;
  }
  got.flooded = true;
  return got;
}

std::string describe(collected const& c) {
  std::string out = c.messages.empty() ? std::string("no message") : wire(json(c.messages));
  switch (c.end.what) {
    case arrival::kind::message:
    case arrival::kind::timeout: break;
    case arrival::kind::not_json: out += ", then a text message that is not JSON: " + c.end.text.substr(0, 200); break;
    case arrival::kind::binary: out += ", then a binary message"; break;
    case arrival::kind::closed: out += ", then the connection closed (" + c.end.text + ")"; break;
    case arrival::kind::failed: out += ", then the connection failed (" + c.end.text + ")"; break;
  }
  if (c.flooded) out += ", and more than the step allows";
  return out;
}

// Not JSON, or binary: no expectation can be met by a message that is no message.
bool garbled(collected const& c) { return c.end.what == arrival::kind::not_json || c.end.what == arrival::kind::binary; }

std::optional<mismatch> expect_messages(json const& step, message_channel& peer, driver_settings const& s, bindings& bound) {
  expectation want{.patterns = step["expect"].get<std::vector<json>>(),
                   .unordered = step.value("unordered", false),
                   .more = step.value("more", false)};
  auto const count = want.patterns.size();
  auto const got = collect(peer, s, clock::now() + s.answer_wait,
                           [count](auto const& m) { return non_releases(m) >= count || any_abort(m); });
  if (garbled(got) || got.flooded) return mismatch{wire(json(want.patterns)), describe(got)};
  auto miss = match_expectation(want, got.messages, bound);
  if (miss && (got.end.what == arrival::kind::closed || got.end.what == arrival::kind::failed))
    miss->got = describe(got);
  return miss;
}

std::optional<mismatch> expect_abort(json const& step, message_channel& peer, driver_settings const& s) {
  auto const& want = step["expect_abort"];
  auto const got = collect(peer, s, clock::now() + s.answer_wait, [](auto const& m) { return any_abort(m); });
  for (auto const& m : got.messages)
    if (is_abort(m) && m.size() == 2 && abort_matches(want, m[1])) return std::nullopt;
  return mismatch{wire(abort_pattern(want)), describe(got)};
}

std::optional<mismatch> expect_nothing(json const& step, message_channel& peer, driver_settings const& s) {
  bool const or_abort = step.value("or_abort", false);
  auto const got = collect(peer, s, clock::now() + s.quiet_wait, [](auto const&) { return false; });
  bool ok = !garbled(got) && !got.flooded;
  for (auto const& m : got.messages) ok = ok && (is_release(m) || (or_abort && is_abort(m)));
  if (got.end.what == arrival::kind::closed || got.end.what == arrival::kind::failed) ok = ok && or_abort;
  if (ok) return std::nullopt;
  return mismatch{or_abort ? "no message but releases, or an abort" : "no message but releases, the session kept open",
                  describe(got)};
}

}  // namespace

std::string message_text(json const& message, bindings const& bound) {
  if (message.is_object() && message.contains("$raw")) return message["$raw"].get<std::string>();
  return wire(substitute(message, bound));
}

bool vector_runs_over(json const& vector, std::string_view transport) {
  auto const it = vector.find("transports");
  if (it == vector.end() || !it->is_array()) return false;
  return std::any_of(it->begin(), it->end(), [transport](json const& t) { return t == transport; });
}

std::optional<mismatch> run_messages(json const& vector, message_channel& peer, driver_settings const& s) {
  bindings bound;
  for (auto const& step : vector.at("steps")) {
    if (step.contains("send")) {
      for (auto const& m : step["send"]) {
        auto const text = message_text(m, bound);
        if (s.note) s.note("sent " + text);
        // A peer that already closed fails the send; the next expectation says so.
        peer.send_text(text);
      }
      continue;
    }
    std::optional<mismatch> miss;
    if (step.contains("send_binary")) {
      if (s.note) s.note("sent a binary message " + step["send_binary"].get<std::string>());
      peer.send_binary(step["send_binary"].get<std::string>());
    } else if (step.contains("expect")) {
      miss = expect_messages(step, peer, s, bound);
    } else if (step.contains("expect_abort")) {
      miss = expect_abort(step, peer, s);
    } else if (step.contains("expect_nothing")) {
      miss = expect_nothing(step, peer, s);
    } else {
      throw std::invalid_argument("a step the WebSocket transport cannot carry: " + wire(step));
    }
    if (miss) return miss;
  }
  return std::nullopt;
}

}  // namespace conform::rpc
