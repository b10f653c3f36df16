// Delivering a received payload to the application: promises in it are awaited and
// replaced by their resolutions (capnweb.md §7), stubs in call arguments are lent to the
// callee (§6).
#include <memory>

#include "reference/rpc/evaluator.hpp"

namespace conform::reference::rpc {
namespace {

// Bounds the rounds of "a resolution held another promise"; a chain longer than this
// is refused rather than followed forever.
constexpr int max_rounds = 64;

void collect_promises(json const& value, payload const& p, std::vector<std::size_t>& found) {
  std::int64_t const index = cap_index(value);
  if (index >= 0) {
    auto const i = static_cast<std::size_t>(index);
    if (i < p.caps.size() && p.caps[i] && p.caps[i]->is_promise()) found.push_back(i);
  } else if (value.is_array() || value.is_object()) {
    for (auto const& item : value) collect_promises(item, p, found);
  }
}

void substitute(json& value, payload& p, std::vector<payload> const& resolved,
                std::vector<std::size_t> const& which) {
  std::int64_t const index = cap_index(value);
  if (index >= 0) {
    for (std::size_t k = 0; k < which.size(); ++k) {
      if (which[k] == static_cast<std::size_t>(index)) {
        value = merge_caps(p, resolved[k]);
        return;
      }
    }
  } else if (value.is_array() || value.is_object()) {
    for (auto& item : value) substitute(item, p, resolved, which);
  }
}

struct await_state {
  payload value;
  std::function<void(payload)> done;
  std::function<void(json)> failed;
  int round = 0;
};

void await_round(std::shared_ptr<await_state> const& st) {
  std::vector<std::size_t> which;
  collect_promises(st->value.value, st->value, which);
  if (which.empty()) return st->done(std::move(st->value));
  if (++st->round > max_rounds) {
    return st->failed(json::array({"error", "Error", "promise chain too long"}));
  }
  auto remaining = std::make_shared<std::size_t>(which.size());
  auto results = std::make_shared<std::vector<payload>>(which.size());
  auto error = std::make_shared<std::optional<json>>();
  for (std::size_t k = 0; k < which.size(); ++k) {
    auto f = st->value.caps[which[k]]->resolution();
    f->on_settled([st, which, remaining, results, error, k](future const& r) {
      if (r.rejected() && !*error) *error = r.error();
      if (!r.rejected()) (*results)[k] = r.value();
      if (--*remaining != 0) return;
      if (*error) return st->failed(**error);
      substitute(st->value.value, st->value, *results, which);
      await_round(st);
    });
  }
}

}  // namespace

void await_promises(payload value, std::function<void(payload)> done,
                    std::function<void(json)> failed) {
  auto st = std::make_shared<await_state>();
  st->value = std::move(value);
  st->done = std::move(done);
  st->failed = std::move(failed);
  await_round(st);
}

future_ptr deliver_call(hook_ptr target, path p, payload args) {
  auto result = future::pending();
  await_promises(
      std::move(args),
      [target, p, result](payload ready) {
        for (auto& cap : ready.caps) {
          if (cap) cap = std::make_shared<borrowed_hook>(cap);
        }
        target->call(p, std::move(ready))->forward_to(result);
      },
      [result](json error) { result->reject(std::move(error)); });
  return result;
}

}  // namespace conform::reference::rpc
