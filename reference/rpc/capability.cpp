#include "reference/rpc/capability.hpp"

#include <array>
#include <string_view>

#include "reference/rpc/error.hpp"

namespace conform::reference::rpc {

json cap_marker(std::size_t index) { return json::array({"$cap", index}); }

std::int64_t cap_index(json const& value) {
  if (value.is_array() && value.size() == 2 && value[0].is_string() && value[0] == "$cap" &&
      value[1].is_number_unsigned()) {
    return static_cast<std::int64_t>(value[1].get<std::uint64_t>());
  }
  return -1;
}

std::string join_path(path const& p) {
  std::string out;
  for (auto const& part : p) {
    if (!out.empty()) out += '.';
    out += part.is_string() ? part.get<std::string>() : to_wire(part);
  }
  return out;
}

future_ptr future::pending() { return std::make_shared<future>(); }

future_ptr future::resolved(payload value) {
  auto f = pending();
  f->resolve(std::move(value));
  return f;
}

future_ptr future::rejected(json error) {
  auto f = pending();
  f->reject(std::move(error));
  return f;
}

void future::resolve(payload value) {
  if (settled()) return;
  state_ = state::fulfilled;
  value_ = std::move(value);
  run_waiters();
}

void future::reject(json error) {
  if (settled()) return;
  state_ = state::rejected;
  error_ = std::move(error);
  run_waiters();
}

void future::run_waiters() {
  auto waiters = std::move(waiters_);
  waiters_.clear();
  for (auto& w : waiters) w(*this);
}

void future::on_settled(std::function<void(future const&)> callback) {
  if (settled()) {
    callback(*this);
  } else {
    waiters_.push_back(std::move(callback));
  }
}

void future::forward_to(future_ptr const& target) {
  on_settled([target](future const& f) {
    if (f.rejected()) {
      target->reject(f.error());
    } else {
      target->resolve(f.value());
    }
  });
}

json disposed_error() {
  return plain_error("Attempted to use an RPC StubHook after it was disposed.").to_json();
}

future_ptr promise_hook::call(path const& p, payload args) {
  auto result = future::pending();
  // The arguments travel with the waiting call; shared so the callback stays copyable.
  auto held = std::make_shared<payload>(std::move(args));
  future_->on_settled([result, p, held](future const& f) {
    if (f.rejected()) return result->reject(f.error());
    call_in_payload(f.value(), p, std::move(*held))->forward_to(result);
  });
  return result;
}

future_ptr promise_hook::get(path const& p) {
  if (p.empty()) return future_;
  auto result = future::pending();
  future_->on_settled([result, p](future const& f) {
    if (f.rejected()) return result->reject(f.error());
    get_in_payload(f.value(), p)->forward_to(result);
  });
  return result;
}

future_ptr borrowed_hook::call(path const& p, payload args) {
  return inner_ ? inner_->call(p, std::move(args)) : future::rejected(disposed_error());
}

future_ptr borrowed_hook::get(path const& p) {
  return inner_ ? inner_->get(p) : future::rejected(disposed_error());
}

future_ptr borrowed_hook::resolution() {
  return inner_ ? inner_->resolution() : future::rejected(disposed_error());
}

hook_ptr borrowed_hook::dup() {
  if (!inner_) return std::make_shared<error_hook>(disposed_error());
  return inner_->dup();
}

namespace {

constexpr std::array<std::string_view, 12> object_prototype_names{
    "constructor",      "__proto__",        "__defineGetter__", "__defineSetter__",
    "hasOwnProperty",   "__lookupGetter__", "__lookupSetter__", "isPrototypeOf",
    "propertyIsEnumerable", "toString",     "valueOf",          "toLocaleString"};

bool names_object_prototype(json const& part) {
  if (!part.is_string()) return false;
  auto const& s = part.get_ref<std::string const&>();
  for (auto name : object_prototype_names) {
    if (s == name) return true;
  }
  return false;
}

// One step of followPath on a plain value: own keys of objects, integer indexes of
// arrays, nothing else. Returns nullptr for "undefined".
json const* step(json const& value, json const& part) {
  static json const undefined_value = json::array({"undefined"});
  if (names_object_prototype(part)) return &undefined_value;
  if (value.is_object()) {
    if (!part.is_string()) {
      std::string key = to_wire(part);
      return value.contains(key) ? &value[key] : &undefined_value;
    }
    auto it = value.find(part.get<std::string>());
    return it == value.end() ? &undefined_value : &*it;
  }
  bool const escaped = value.is_array() && value.size() == 1 && value[0].is_array();
  if (escaped && part.is_number()) {
    double const index = number_of(part);
    if (index >= 0 && index == static_cast<double>(static_cast<std::size_t>(index)) &&
        static_cast<std::size_t>(index) < value[0].size()) {
      return &value[0][static_cast<std::size_t>(index)];
    }
  }
  return &undefined_value;
}

struct follow_result {
  json const* value = nullptr;  // where the walk stopped
  std::size_t consumed = 0;     // how many parts it took
  std::int64_t cap = -1;        // a capability met on the way (takes the rest of the path)
};

follow_result follow(payload const& from, path const& p) {
  follow_result r{&from.value, 0, cap_index(from.value)};
  while (r.cap < 0 && r.consumed < p.size()) {
    r.value = step(*r.value, p[r.consumed]);
    ++r.consumed;
    r.cap = cap_index(*r.value);
  }
  return r;
}

path rest_of(path const& p, std::size_t from) { return path(p.begin() + static_cast<long>(from), p.end()); }

}  // namespace

future_ptr call_in_payload(payload const& value, path const& p, payload args) {
  auto r = follow(value, p);
  if (r.cap >= 0 && static_cast<std::size_t>(r.cap) < value.caps.size()) {
    return value.caps[static_cast<std::size_t>(r.cap)]->call(rest_of(p, r.consumed), std::move(args));
  }
  return future::rejected(type_error("'" + join_path(p) + "' is not a function.").to_json());
}

future_ptr get_in_payload(payload const& value, path const& p) {
  auto r = follow(value, p);
  if (r.cap >= 0 && static_cast<std::size_t>(r.cap) < value.caps.size()) {
    return value.caps[static_cast<std::size_t>(r.cap)]->get(rest_of(p, r.consumed));
  }
  return future::resolved(extract(*r.value, value.caps));
}

namespace {

void renumber(json& value, std::vector<hook_ptr> const& from, std::vector<hook_ptr>& to) {
  std::int64_t const index = cap_index(value);
  if (index >= 0) {
    to.push_back(static_cast<std::size_t>(index) < from.size() ? from[static_cast<std::size_t>(index)]
                                                              : nullptr);
    value = cap_marker(to.size() - 1);
  } else if (value.is_array() || value.is_object()) {
    for (auto& item : value) renumber(item, from, to);
  }
}

}  // namespace

payload extract(json const& value, std::vector<hook_ptr> const& caps) {
  payload out{value, {}};
  renumber(out.value, caps, out.caps);
  return out;
}

json merge_caps(payload& into, payload const& other) {
  json value = other.value;
  renumber(value, other.caps, into.caps);
  return value;
}

}  // namespace conform::reference::rpc
