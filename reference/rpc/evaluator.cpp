#include "reference/rpc/evaluator.hpp"

#include "reference/rpc/error.hpp"
#include "reference/rpc/remap.hpp"
#include "reference/rpc/value_tags.hpp"

namespace conform::reference::rpc {

json importer::readable_error(std::int64_t id) const {
  return plain_error("Export " + std::to_string(id) +
                     " is not a pipe or its readable end was already consumed.")
      .to_json();
}

namespace {

bool names_object_prototype_key(std::string const& key) {
  static char const* const names[] = {"constructor",      "__proto__",      "__defineGetter__",
                                      "__defineSetter__", "hasOwnProperty", "__lookupGetter__",
                                      "__lookupSetter__", "isPrototypeOf",  "propertyIsEnumerable",
                                      "toString",         "valueOf",        "toLocaleString",
                                      "toJSON"};
  for (auto const* n : names) {
    if (key == n) return true;
  }
  return false;
}

bool is_path(json const& p) {
  if (!p.is_array()) return false;
  for (auto const& part : p) {
    if (!part.is_string() && !part.is_number()) return false;
  }
  return true;
}

std::int64_t id_of(json const& v) { return wire_id(v); }

class walker {
 public:
  walker(importer& in, payload& out) : in_(in), out_(out) {}

  json eval(json const& value, std::size_t depth) {
    if (depth >= in_.limits().max_depth) {
      throw type_error("Deserialization exceeded maximum allowed message depth of " +
                       std::to_string(in_.limits().max_depth) + ".");
    }
    if (value.is_object()) return eval_object(value, depth);
    if (!value.is_array()) return value;
    if (value.size() == 1 && value[0].is_array()) {
      json items = json::array();
      for (auto const& item : value[0]) items.push_back(eval(item, depth + 1));
      return json::array({std::move(items)});
    }
    if (value.empty() || !value[0].is_string()) throw_unknown_special(value);
    return eval_tag(value, depth);
  }

 private:
  json eval_object(json const& value, std::size_t depth) {
    json out = json::object();
    for (auto const& [key, item] : value.items()) {
      json evaluated = eval(item, depth + 1);  // evaluated even when dropped: releases stubs
      if (!names_object_prototype_key(key)) out[key] = std::move(evaluated);
    }
    return out;
  }

  json add_cap(hook_ptr h) {
    out_.caps.push_back(std::move(h));
    return cap_marker(out_.caps.size() - 1);
  }

  json eval_tag(json const& value, std::size_t depth) {
    auto const& tag = value[0].get_ref<std::string const&>();
    std::optional<json> r;
    if (tag == "bigint") {
      r = normalize_bigint(value, in_.limits());
    } else if (tag == "date") {
      r = normalize_date(value);
    } else if (tag == "bytes") {
      r = normalize_bytes(value);
    } else if (tag == "error") {
      r = eval_error(value, depth);
    } else if (tag == "undefined") {
      if (value.size() == 1) r = value;
    } else if (tag == "inf" || tag == "-inf" || tag == "nan") {
      r = json::array({tag});
    } else if (tag == "url") {
      r = normalize_url(value);
    } else if (tag == "headers") {
      r = normalize_headers(value);
    } else if (tag == "request") {
      r = eval_request(value, depth);
    } else if (tag == "response") {
      r = eval_response(value, depth);
    } else if (tag == "import" || tag == "pipeline") {
      r = eval_reference(value, depth, tag == "pipeline");
    } else if (tag == "remap") {
      r = eval_remap(value, depth);
    } else if (tag == "export" || tag == "promise") {
      if (value.size() >= 2 && value[1].is_number()) {
        auto const id = id_of(value[1]);
        r = add_cap(tag == "promise" ? in_.import_promise(id) : in_.import_stub(id));
      }
    } else if (tag == "readable") {
      if (value.size() >= 2 && value[1].is_number()) {
        json const error = in_.readable_error(id_of(value[1]));
        throw rpc_error(error[1].get<std::string>(), error[2].get<std::string>());
      }
    }
    if (!r) throw_unknown_special(value);
    return std::move(*r);
  }

  std::optional<json> eval_error(json const& value, std::size_t depth) {
    if (value.size() < 3 || !value[1].is_string() || !value[2].is_string()) return std::nullopt;
    std::string const name = error_class(value[1].get<std::string>());
    json out = json::array({"error", name, value[2]});
    json props = json::object();
    if (value.size() >= 5) {
      if (!value[4].is_object()) return std::nullopt;
      for (auto const& [key, item] : value[4].items()) {
        if (key == "name" || key == "message" || key == "stack") continue;
        json evaluated = eval(item, depth + 1);
        if (!names_object_prototype_key(key)) props[key] = std::move(evaluated);
      }
    }
    // capnweb re-sends an AggregateError's `errors` last (it is not enumerable).
    if (name == "AggregateError") {
      json errors = props.contains("errors") ? props["errors"] : json::array({json::array()});
      props.erase("errors");
      props["errors"] = std::move(errors);
    }
    // Stacks are redacted when sent, so the normalized form has none.
    if (!props.empty()) {
      out.push_back(nullptr);
      out.push_back(std::move(props));
    }
    return out;
  }

  std::optional<json> eval_request(json const& value, std::size_t depth) {
    if (value.size() != 3 || !value[1].is_string() || !value[2].is_object()) return std::nullopt;
    json init = value[2];
    if (init.contains("body") && !init["body"].is_null() && init["body"] != false &&
        init["body"] != 0 && init["body"] != "") {
      json body = eval(init["body"], depth + 1);
      bool const ok = body.is_null() || body.is_string() ||
                      (body.is_array() && !body.empty() && body[0] == "bytes" && body.size() == 2);
      if (!ok) throw type_error("Request body must be of type ReadableStream.");
      init["body"] = std::move(body);
      if (!init.contains("duplex")) init["duplex"] = "half";
    }
    if (init.contains("signal") && !init["signal"].is_null() && init["signal"] != false) {
      throw type_error("Request siganl must be of type AbortSignal.");
    }
    if (init.contains("headers") && !init["headers"].is_null()) {
      if (!init["headers"].is_array()) {
        throw type_error("Request headers must be serialized as an array of pairs.");
      }
      init["headers"] = normalize_header_list(init["headers"]);
      if (init["headers"].empty()) init.erase("headers");
    }
    if (init.contains("method") && init["method"] == "GET") init.erase("method");
    return json::array({"request", value[1], std::move(init)});
  }

  std::optional<json> eval_response(json const& value, std::size_t depth) {
    if (value.size() != 3) return std::nullopt;
    json body = eval(value[1], depth + 1);
    bool const ok = body.is_null() || body.is_string() ||
                    (body.is_array() && !body.empty() && body[0] == "bytes" && body.size() == 2);
    if (!ok) throw type_error("Response body must be of type ReadableStream.");
    if (!value[2].is_object()) return std::nullopt;
    json init = value[2];
    if (init.contains("webSocket") && !init["webSocket"].is_null() && init["webSocket"] != false) {
      throw type_error("Can't deserialize a Response containing a webSocket.");
    }
    if (init.contains("headers") && !init["headers"].is_null()) {
      if (!init["headers"].is_array()) {
        throw type_error("Request headers must be serialized as an array of pairs.");
      }
      init["headers"] = normalize_header_list(init["headers"]);
      if (init["headers"].empty()) init.erase("headers");
    }
    if (init.contains("status") && init["status"] == 200) init.erase("status");
    if (init.contains("statusText") && init["statusText"] == "") init.erase("statusText");
    return json::array({"response", std::move(body), std::move(init)});
  }

  hook_ptr export_of(json const& id) {
    auto h = in_.get_export(id_of(id));
    if (!h) throw plain_error("no such entry on exports table: " + to_wire(id));
    return h;
  }

  std::optional<json> eval_reference(json const& value, std::size_t depth, bool promise) {
    if (value.size() < 2 || value.size() > 4 || !value[1].is_number()) return std::nullopt;
    auto h = export_of(value[1]);
    if (value.size() == 2) {
      if (promise) return add_cap(std::make_shared<promise_hook>(h->get({})));
      return add_cap(h->dup());
    }
    if (!is_path(value[2])) return std::nullopt;
    path const p(value[2].begin(), value[2].end());
    if (value.size() == 3) return add_cap(std::make_shared<promise_hook>(h->get(p)));
    if (!value[3].is_array()) return std::nullopt;
    // The arguments are a payload of their own, evaluated as one escaped array.
    payload args;
    walker sub(in_, args);
    args.value = sub.eval(json::array({value[3]}), depth)[0];
    return add_cap(std::make_shared<promise_hook>(deliver_call(h, p, std::move(args))));
  }

  std::optional<json> eval_remap(json const& value, std::size_t depth) {
    if (value.size() != 5 || !value[1].is_number() || !value[2].is_array() ||
        !value[3].is_array() || !value[4].is_array()) {
      return std::nullopt;
    }
    auto h = export_of(value[1]);
    if (!is_path(value[2])) return std::nullopt;
    std::vector<hook_ptr> captures;
    for (auto const& cap : value[3]) {
      if (!cap.is_array() || cap.size() != 2 || !cap[0].is_string() ||
          (cap[0] != "import" && cap[0] != "export") || !cap[1].is_number()) {
        throw type_error("unknown map capture: " + to_wire(cap));
      }
      captures.push_back(cap[0] == "export" ? in_.import_stub(id_of(cap[1]))
                                            : export_of(cap[1])->dup());
    }
    path const p(value[2].begin(), value[2].end());
    auto result = run_remap(h->get(p), std::move(captures), value[4], in_.limits(), depth);
    return add_cap(std::make_shared<promise_hook>(std::move(result)));
  }

  importer& in_;
  payload& out_;
};

}  // namespace

payload evaluate(json const& expression, importer& in) {
  payload out;
  walker w(in, out);
  out.value = w.eval(expression, 0);
  return out;
}

}  // namespace conform::reference::rpc
