#include "reference/rpc/target.hpp"

#include "reference/rpc/error.hpp"

namespace conform::reference::rpc {
namespace {

json not_a_function(path const& p) {
  return type_error("'" + join_path(p) + "' is not a function.").to_json();
}

void dispose_args(payload& args) {
  for (auto& cap : args.caps) {
    if (cap) cap->dispose();
  }
}

bool names_prototype_of_object(std::string const& name) {
  static char const* const names[] = {"constructor",      "__proto__",     "__defineGetter__",
                                      "__defineSetter__", "hasOwnProperty", "__lookupGetter__",
                                      "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable",
                                      "toString",         "valueOf",       "toLocaleString"};
  for (auto const* n : names) {
    if (name == n) return true;
  }
  return false;
}

}  // namespace

json instance_property_error(std::string const& name) {
  return type_error("Attempted to access property '" + name +
                    "', which is an instance property of the RpcTarget. To avoid leaking private "
                    "internals, instance properties cannot be accessed over RPC. If you want to "
                    "make this property available over RPC, define it as a method or getter on "
                    "the class, instead of an instance property.")
      .to_json();
}

payload stub_payload(hook_ptr h) {
  payload p{cap_marker(0), {}};
  p.caps.push_back(std::move(h));
  return p;
}

future_ptr resolved_stub(hook_ptr h) { return future::resolved(stub_payload(std::move(h))); }

future_ptr target_hook::call(path const& p, payload args) {
  if (p.empty() || !p[0].is_string() || names_prototype_of_object(p[0].get<std::string>())) {
    dispose_args(args);
    return future::rejected(not_a_function(p));
  }
  auto const name = p[0].get<std::string>();
  switch (target_->find(name)) {
    case rpc_target::member::instance_property:
      dispose_args(args);
      return future::rejected(instance_property_error(name));
    case rpc_target::member::method:
      if (p.size() == 1) {
        auto result = target_->invoke(name, args);
        dispose_args(args);
        return result;
      }
      break;  // a property of a function: undefined
    case rpc_target::member::getter: {
      // The getter's value is followed; a capability in it takes the rest of the path,
      // anything else is "not a function" under the whole path, as capnweb says it.
      path const rest(p.begin() + 1, p.end());
      auto value = target_->read(name);
      auto result = call_in_payload(value, rest, std::move(args));
      if (!result->rejected() || !value.caps.empty()) return result;
      return future::rejected(not_a_function(p));
    }
    case rpc_target::member::none:
      break;
  }
  dispose_args(args);
  return future::rejected(not_a_function(p));
}

future_ptr target_hook::get(path const& p) {
  if (p.empty()) {
    if (main_) return resolved_stub(shared_from_this());
    return future::rejected(plain_error("Can't dup an RpcTarget stub as a promise.").to_json());
  }
  static json const undefined_value = json::array({"undefined"});
  if (!p[0].is_string() || names_prototype_of_object(p[0].get<std::string>())) {
    return future::resolved({undefined_value, {}});
  }
  auto const name = p[0].get<std::string>();
  path const rest(p.begin() + 1, p.end());
  switch (target_->find(name)) {
    case rpc_target::member::instance_property:
      return future::rejected(instance_property_error(name));
    case rpc_target::member::method:
      if (rest.empty()) return resolved_stub(std::make_shared<method_hook>(target_, name));
      return future::resolved({undefined_value, {}});
    case rpc_target::member::getter:
      return get_in_payload(target_->read(name), rest);
    case rpc_target::member::none:
      break;
  }
  return future::resolved({undefined_value, {}});
}

future_ptr method_hook::call(path const& p, payload args) {
  if (!p.empty()) {
    dispose_args(args);
    return future::rejected(not_a_function(p));
  }
  auto result = target_->invoke(name_, args);
  dispose_args(args);
  return result;
}

future_ptr method_hook::get(path const& p) {
  if (p.empty()) return resolved_stub(shared_from_this());
  return future::resolved({json::array({"undefined"}), {}});
}

future_ptr function_hook::call(path const& p, payload args) {
  if (!p.empty()) {
    dispose_args(args);
    return future::rejected(not_a_function(p));
  }
  auto result = body_(args);
  dispose_args(args);
  return result;
}

future_ptr function_hook::get(path const& p) {
  if (p.empty()) return resolved_stub(shared_from_this());
  return future::resolved({json::array({"undefined"}), {}});
}

}  // namespace conform::reference::rpc
