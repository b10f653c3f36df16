#include "reference/rpc/remap.hpp"

#include "reference/rpc/error.hpp"
#include "reference/rpc/evaluator.hpp"

namespace conform::reference::rpc {
namespace {

// The mapper's view of IDs: -k is captures[k-1], 0 the element, n the n-th result.
class mapper final : public importer {
 public:
  mapper(std::vector<hook_ptr> const& captures, hook_ptr input, rpc_limits const& limits)
      : captures_(captures), limits_(limits) {
    variables_.push_back(std::move(input));
  }

  rpc_limits const& limits() const override { return limits_; }
  hook_ptr get_export(std::int64_t id) override {
    if (id < 0) {
      auto const k = static_cast<std::size_t>(-id - 1);
      return k < captures_.size() ? captures_[k] : nullptr;
    }
    auto const k = static_cast<std::size_t>(id);
    return k < variables_.size() ? variables_[k] : nullptr;
  }
  hook_ptr import_stub(std::int64_t) override {
    throw plain_error("A mapper function cannot refer to exports.");
  }
  hook_ptr import_promise(std::int64_t id) override { return import_stub(id); }
  json readable_error(std::int64_t) const override {
    return plain_error("A mapper function cannot use pipe readables.").to_json();
  }

  payload apply(json const& instructions) {
    if (instructions.empty()) throw plain_error("Invalid empty mapper function.");
    for (std::size_t i = 0; i + 1 < instructions.size(); ++i) {
      payload p = evaluate(instructions[i], *this);
      std::int64_t const cap = cap_index(p.value);
      if (cap >= 0) {
        variables_.push_back(p.caps[static_cast<std::size_t>(cap)]);
      } else {
        variables_.push_back(std::make_shared<promise_hook>(future::resolved(std::move(p))));
      }
    }
    return evaluate(instructions.back(), *this);
  }

 private:
  std::vector<hook_ptr> const& captures_;
  std::vector<hook_ptr> variables_;
  rpc_limits const& limits_;
};

payload map_one(json const& element, std::vector<hook_ptr> const& element_caps,
                std::vector<hook_ptr> const& captures, json const& instructions,
                rpc_limits const& limits) {
  auto input = std::make_shared<promise_hook>(future::resolved(extract(element, element_caps)));
  mapper m(captures, std::move(input), limits);
  return m.apply(instructions);
}

}  // namespace

future_ptr run_remap(future_ptr subject, std::vector<hook_ptr> captures, json instructions,
                     rpc_limits const& limits, std::size_t) {
  auto result = future::pending();
  subject->on_settled([result, captures = std::move(captures),
                       instructions = std::move(instructions), limits](future const& f) {
    if (f.rejected()) return result->reject(f.error());
    auto const& input = f.value();
    json const& v = input.value;
    try {
      if (v.is_null() || v == json::array({"undefined"})) return result->resolve(input);
      if (v.is_array() && v.size() == 1 && v[0].is_array()) {
        if (v[0].size() > limits.max_map_elements) throw plain_error("remap over too many elements");
        payload out{json::array({json::array()}), {}};
        for (auto const& element : v[0]) {
          payload one = map_one(element, input.caps, captures, instructions, limits);
          out.value[0].push_back(merge_caps(out, one));
        }
        return result->resolve(std::move(out));
      }
      result->resolve(map_one(v, input.caps, captures, instructions, limits));
    } catch (rpc_error const& e) {
      result->reject(e.to_json());
    }
  });
  return result;
}

}  // namespace conform::reference::rpc
