// The import and export tables (capnweb.md §3, §7, §8): IDs, pulls and their answers,
// refcounts, and the devaluator that turns our capabilities into export IDs.
#include "reference/rpc/session_state.hpp"

namespace conform::reference::rpc {
namespace {

json const undefined_value = json::array({"undefined"});

std::string id_text(std::int64_t id) { return std::to_string(id); }

}  // namespace

import_entry::~import_entry() {
  if (released) return;
  if (auto s = session.lock()) s->release_import(*this);
}

future_ptr import_hook::call(path const& p, payload args) {
  if (entry_->result && entry_->result->settled()) {
    auto const& r = *entry_->result;
    if (r.rejected()) return future::rejected(r.error());
    return call_in_payload(r.value(), p, std::move(args));
  }
  auto s = entry_->session.lock();
  if (!s || s->aborted_) return future::rejected(plain_error("RPC session is closed.").to_json());
  return s->call_peer(entry_->id, p, std::move(args));
}

future_ptr import_hook::get(path const& p) {
  if (entry_->result && (entry_->result->settled() || p.empty())) {
    return promise_hook(entry_->result).get(p);
  }
  auto s = entry_->session.lock();
  if (!s || s->aborted_) return future::rejected(plain_error("RPC session is closed.").to_json());
  return s->call_peer(entry_->id, p, std::nullopt);
}

hook_ptr session_state::get_export(std::int64_t id) {
  auto it = exports_.find(id);
  return it == exports_.end() ? nullptr : it->second.target;
}

hook_ptr session_state::import_stub(std::int64_t id) {
  auto& slot = imports_[id];
  auto entry = slot.strong ? slot.strong : slot.weak.lock();
  if (entry) {
    ++entry->introductions;  // an ID re-introduced: the release must count it
  } else {
    if (imports_.size() > limits_.max_imports) {
      imports_.erase(id);
      throw plain_error("imports table is full");
    }
    entry = std::make_shared<import_entry>();
    entry->session = weak_from_this();
    entry->id = id;
    slot.weak = entry;
  }
  return std::make_shared<import_hook>(entry, false);
}

hook_ptr session_state::import_promise(std::int64_t id) {
  if (imports_.count(id)) {
    return std::make_shared<error_hook>(
        plain_error("Bug in RPC system: The peer sent a promise reusing an existing export ID.")
            .to_json());
  }
  if (imports_.size() >= limits_.max_imports) throw plain_error("imports table is full");
  auto entry = std::make_shared<import_entry>();
  entry->session = weak_from_this();
  entry->id = id;
  entry->result = future::pending();
  imports_[id] = import_slot{entry, entry};
  return std::make_shared<import_hook>(entry, true);
}

void session_state::add_push_result(payload value, bool stream) {
  if (exports_.size() >= limits_.max_exports) throw plain_error("exports table is full");
  std::int64_t const id = next_push_++;
  std::int64_t const cap = cap_index(value.value);
  hook_ptr target;
  if (cap >= 0 && value.caps[static_cast<std::size_t>(cap)]->is_promise()) {
    target = value.caps[static_cast<std::size_t>(cap)];  // a call: pipelining waits on it
  } else {
    target = std::make_shared<promise_hook>(future::resolved(std::move(value)));
  }
  exports_[id] = export_entry{std::move(target), 1, false, stream};
  if (stream) ensure_resolving(id);
}

// The reference has no streams: a pipe takes its ID (so numbering stays in step with the
// peer) and refuses every write.
void session_state::add_pipe() {
  if (exports_.size() >= limits_.max_exports) throw plain_error("exports table is full");
  auto refusal = plain_error("This peer does not support streams.").to_json();
  exports_[next_push_++] = export_entry{std::make_shared<error_hook>(refusal), 1, false, false};
}

void session_state::ensure_resolving(std::int64_t id) {
  auto it = exports_.find(id);
  if (it == exports_.end()) throw plain_error("no such export ID: " + id_text(id));
  if (it->second.pulled) return;
  it->second.pulled = true;
  ++pending_pulls_;
  auto target = it->second.target;
  auto f = target->resolution();
  if (!f) f = future::resolved(payload{cap_marker(0), {target}});
  std::weak_ptr<session_state> weak = weak_from_this();
  f->on_settled([weak, id](future const& r) {
    if (auto s = weak.lock()) s->settle_export(id, r);
  });
}

void session_state::settle_export(std::int64_t id, future const& r) {
  if (aborted_) return;
  --pending_pulls_;
  // A resolution that is itself a local promise is not worth a message: wait for it.
  if (!r.rejected()) {
    std::int64_t const cap = cap_index(r.value().value);
    if (cap >= 0) {
      auto const& h = r.value().caps[static_cast<std::size_t>(cap)];
      if (h->is_promise() && !dynamic_cast<import_hook*>(h.get()) && h->resolution().get() != &r) {
        ++pending_pulls_;
        std::weak_ptr<session_state> weak = weak_from_this();
        h->resolution()->on_settled([weak, id](future const& next) {
          if (auto s = weak.lock()) s->settle_export(id, next);
        });
        return;
      }
    }
  }
  try {
    if (r.rejected()) {
      send(json::array({"reject", id, r.error()}));
    } else {
      send(json::array({"resolve", id, devaluate(r.value())}));
    }
  } catch (rpc_error const& e) {
    send(json::array({"reject", id, e.to_json()}));
  }
  auto it = exports_.find(id);
  if (it != exports_.end() && it->second.auto_release) release_export(id, 1);
}

void session_state::release_export(std::int64_t id, std::int64_t count) {
  auto it = exports_.find(id);
  if (it == exports_.end()) throw plain_error("no such export ID: " + id_text(id));
  if (it->second.refcount < count) {
    throw plain_error("refcount would go negative: " + id_text(it->second.refcount) + " < " +
                      id_text(count));
  }
  it->second.refcount -= count;
  if (it->second.refcount == 0) {
    auto target = std::move(it->second.target);
    exports_.erase(it);
    if (target) target->dispose();
  }
}

void session_state::settle_import(std::int64_t id, json const& expression, bool rejected) {
  auto it = imports_.find(id);
  std::shared_ptr<import_entry> entry;
  if (it != imports_.end()) entry = it->second.strong ? it->second.strong : it->second.weak.lock();
  // Evaluated even when nobody waits, so stubs inside it are released.
  payload value = evaluate(expression, *this);
  if (!entry || !entry->result) return;
  imports_.erase(id);
  entry->released = true;
  send(json::array({"release", id, entry->introductions}));
  if (rejected) {
    entry->result->reject(value.value);
  } else {
    await_promises(
        std::move(value), [r = entry->result](payload v) { r->resolve(std::move(v)); },
        [r = entry->result](json e) { r->reject(std::move(e)); });
  }
}

void session_state::release_import(import_entry& entry) {
  if (aborted_) return;
  auto it = imports_.find(entry.id);
  if (it != imports_.end() && !it->second.strong) imports_.erase(it);
  send(json::array({"release", entry.id, entry.introductions}));
}

future_ptr session_state::call_peer(std::int64_t id, path const& p, std::optional<payload> args) {
  json target = json::array({"pipeline", id, json(p)});
  if (args) {
    json list = json::array();
    for (auto const& a : args->value) list.push_back(devaluate_value(a, *args));
    target.push_back(std::move(list));
  }
  return push_and_pull(std::move(target));
}

future_ptr session_state::remap_peer(std::int64_t id, path const& p, std::vector<hook_ptr> captures,
                                     json instructions) {
  payload held{json::array(), std::move(captures)};
  json sent = json::array();
  for (std::size_t i = 0; i < held.caps.size(); ++i) sent.push_back(devaluate_value(cap_marker(i), held));
  return push_and_pull(json::array({"remap", id, json(p), std::move(sent), std::move(instructions)}));
}

future_ptr session_state::push_and_pull(json expression) {
  std::int64_t const import_id = next_import_++;
  auto entry = std::make_shared<import_entry>();
  entry->session = weak_from_this();
  entry->id = import_id;
  entry->result = future::pending();
  imports_[import_id] = import_slot{entry, entry};
  send(json::array({"push", std::move(expression)}));
  send(json::array({"pull", import_id}));
  return entry->result;
}

json session_state::devaluate(payload const& value) { return devaluate_value(value.value, value); }

json session_state::devaluate_value(json const& value, payload const& from) {
  std::int64_t const cap = cap_index(value);
  if (cap >= 0) return export_cap(from.caps[static_cast<std::size_t>(cap)]);
  if (value.is_array() || value.is_object()) {
    json out = value;
    auto src = value.begin();
    for (auto dst = out.begin(); dst != out.end(); ++dst, ++src) *dst = devaluate_value(*src, from);
    return out;
  }
  return value;
}

// capnweb allocates a fresh ID for every occurrence of a stub (capnweb.md §8); an object
// of the peer goes back as ["import", id] / ["pipeline", id].
json session_state::export_cap(hook_ptr const& given) {
  hook_ptr h = given;
  if (auto* b = dynamic_cast<borrowed_hook*>(h.get())) {
    if (!b->inner()) throw plain_error("Attempted to use an RPC StubHook after it was disposed.");
    h = b->inner();
  }
  if (auto* imp = dynamic_cast<import_hook*>(h.get())) {
    auto const& e = imp->entry();
    if (!e->released && e->session.lock().get() == this && imports_.count(e->id)) {
      return json::array({imp->is_promise() ? "pipeline" : "import", e->id});
    }
    if (e.get() == main_import_.get()) return json::array({"import", 0});
  }
  if (exports_.size() >= limits_.max_exports) throw plain_error("exports table is full");
  std::int64_t const id = next_export_--;
  bool const promise = h->is_promise();
  exports_[id] = export_entry{h, 1, false, false};
  // Resolved once the message naming it has been sent (send() starts it).
  if (promise) deferred_pulls_.push_back(id);
  return json::array({promise ? "promise" : "export", id});
}

}  // namespace conform::reference::rpc
