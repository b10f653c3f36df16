#include "reference/rpc/test_target.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

#include "reference/rpc/error.hpp"

namespace conform::reference::rpc {
namespace {

json const undefined_value = json::array({"undefined"});

// generateFibonacci refuses lengths above this; capnweb would build any length.
constexpr double max_fibonacci_length = 10000;

json arg(payload const& args, std::size_t i) {
  return i < args.value.size() ? args.value[i] : undefined_value;
}

bool is_undefined(json const& v) { return v == undefined_value; }

hook_ptr stub_arg(payload const& args, std::size_t i) {
  std::int64_t const cap = i < args.value.size() ? cap_index(args.value[i]) : -1;
  return cap >= 0 ? args.caps[static_cast<std::size_t>(cap)] : nullptr;
}

payload single_arg(json value) { return payload{json::array({std::move(value)}), {}}; }

future_ptr number_result(double x) { return future::resolved({wire_number(x), {}}); }

class counter final : public rpc_target {
 public:
  explicit counter(double start) : value_(start) {}
  member find(std::string const& name) const override {
    if (name == "increment") return member::method;
    if (name == "value") return member::getter;
    return member::none;
  }
  future_ptr invoke(std::string const&, payload& args) override {
    json const amount = arg(args, 0);
    value_ += is_undefined(amount) ? 1 : js_number(amount);
    return number_result(value_);
  }
  payload read(std::string const&) override { return {wire_number(value_), {}}; }

 private:
  double value_ = 0;
};

hook_ptr new_counter(json const& start) {
  double const i = is_undefined(start) ? 0 : js_number(start);
  return std::make_shared<target_hook>(std::make_shared<counter>(i));
}

class test_target final : public rpc_target {
 public:
  member find(std::string const& name) const override;
  future_ptr invoke(std::string const& name, payload& args) override;
  payload read(std::string const&) override { return {undefined_value, {}}; }

 private:
  future_ptr call_square(payload& args);
  future_ptr call_function(payload& args);
  future_ptr increment_counter(payload& args);
  future_ptr fibonacci(json const& length);
  future_ptr fire_callback(payload& args);

  hook_ptr kept_callback_;  // keepCallback's dup of a client stub
};

char const* const method_names[] = {
    "square",           "callSquare",       "callFunction",   "throwError",
    "makeCounter",      "incrementCounter", "generateFibonacci", "returnNull",
    "returnUndefined",  "returnNumber",     "echo",           "sameCounterTwice",
    "keepCallback",     "fireCallback",     "throwWithProps"};

rpc_target::member test_target::find(std::string const& name) const {
  for (auto const* m : method_names) {
    if (name == m) return member::method;
  }
  if (name == "instanceProperty") return member::instance_property;
  return member::none;
}

future_ptr test_target::invoke(std::string const& name, payload& args) {
  if (name == "square") {
    double const i = js_number(arg(args, 0));
    return number_result(i * i);
  }
  if (name == "callSquare") return call_square(args);
  if (name == "callFunction") return call_function(args);
  if (name == "throwError") return future::rejected(json::array({"error", "RangeError", "test error"}));
  if (name == "makeCounter") return resolved_stub(new_counter(arg(args, 0)));
  if (name == "incrementCounter") return increment_counter(args);
  if (name == "generateFibonacci") return fibonacci(arg(args, 0));
  if (name == "returnNull") return future::resolved({nullptr, {}});
  if (name == "returnUndefined") return future::resolved({undefined_value, {}});
  if (name == "returnNumber" || name == "echo") return future::resolved(extract(arg(args, 0), args.caps));
  if (name == "sameCounterTwice") {
    auto c = new_counter(arg(args, 0));
    return future::resolved({json{{"a", cap_marker(0)}, {"b", cap_marker(1)}}, {c, c}});
  }
  if (name == "keepCallback") {
    auto func = stub_arg(args, 0);
    if (!func) return future::rejected(type_error("keepCallback expects a function").to_json());
    kept_callback_ = func->dup();
    return future::resolved({undefined_value, {}});
  }
  if (name == "fireCallback") return fire_callback(args);
  if (name == "throwWithProps") {
    json props{{"code", "E_BOOM"}, {"cause", json::array({"error", "TypeError", "inner"})}};
    return future::rejected(json::array({"error", "Error", "boom", nullptr, props}));
  }
  return future::rejected(type_error("'" + name + "' is not a function.").to_json());
}

// Returns {result: self.square(i)} with the call's promise unawaited.
future_ptr test_target::call_square(payload& args) {
  auto self = stub_arg(args, 0);
  if (!self) return future::rejected(type_error("'square' is not a function.").to_json());
  auto pending = self->call({"square"}, single_arg(arg(args, 1)));
  payload out{json{{"result", cap_marker(0)}}, {std::make_shared<promise_hook>(pending)}};
  return future::resolved(std::move(out));
}

future_ptr test_target::call_function(payload& args) {
  auto func = stub_arg(args, 0);
  if (!func) return future::rejected(type_error("'' is not a function.").to_json());
  auto result = future::pending();
  func->call({}, single_arg(arg(args, 1)))->on_settled([result](future const& f) {
    if (f.rejected()) return result->reject(f.error());
    payload out{json::object(), {}};
    out.value["result"] = merge_caps(out, f.value());
    result->resolve(std::move(out));
  });
  return result;
}

future_ptr test_target::increment_counter(payload& args) {
  auto c = stub_arg(args, 0);
  if (!c) return future::rejected(type_error("'increment' is not a function.").to_json());
  json amount = arg(args, 1);
  if (is_undefined(amount)) amount = 1;
  return c->call({"increment"}, single_arg(amount));
}

future_ptr test_target::fibonacci(json const& length_arg) {
  double const length = js_number(length_arg);
  if (length > max_fibonacci_length) {
    return future::rejected(json::array({"error", "RangeError", "length too large"}));
  }
  std::vector<double> seq{0, 1};
  while (static_cast<double>(seq.size()) < length) seq.push_back(seq[seq.size() - 2] + seq.back());
  // Array.prototype.slice(0, length): a negative length counts from the end.
  double end = std::isnan(length) ? 0 : std::trunc(length);
  if (end < 0) end = std::max(0.0, static_cast<double>(seq.size()) + end);
  seq.resize(std::min(seq.size(), static_cast<std::size_t>(end)));
  json items = json::array();
  for (double x : seq) items.push_back(wire_number(x));
  return future::resolved({json::array({std::move(items)}), {}});
}

future_ptr test_target::fire_callback(payload& args) {
  if (!kept_callback_) return future::rejected(plain_error("no callback kept").to_json());
  return kept_callback_->call({}, single_arg(arg(args, 0)));
}

}  // namespace

double js_number(json const& v) {
  if (v.is_number()) return number_of(v);
  if (v.is_null()) return 0;
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  if (v == json::array({"inf"})) return INFINITY;
  if (v == json::array({"-inf"})) return -INFINITY;
  if (v.is_string()) {
    auto const& s = v.get_ref<std::string const&>();
    auto const first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return 0;
    char* end = nullptr;
    double const x = std::strtod(s.c_str() + first, &end);
    return s.find_first_not_of(" \t\r\n", static_cast<std::size_t>(end - s.c_str())) == std::string::npos
               ? x : NAN;
  }
  return NAN;
}

json wire_number(double x) {
  if (std::isnan(x)) return json::array({"nan"});
  if (std::isinf(x)) return json::array({x > 0 ? "inf" : "-inf"});
  return number_json(x);
}

std::shared_ptr<rpc_target> make_test_target() { return std::make_shared<test_target>(); }

}  // namespace conform::reference::rpc
