#include "conformance/http1/verify.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "harness/engine/context.hpp"

namespace conform::http1 {
namespace {

std::string status_list(std::vector<int> const& statuses) {
  std::string s;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    if (i > 0) s += i + 1 == statuses.size() ? " or " : ", ";
    s += std::to_string(statuses[i]);
  }
  return s;
}

}  // namespace

outcome expect_body_framed(context& cx, framing_result const& f, std::string_view expected) {
  using k = framing_result::kind;
  if (f.what == k::other_error_and_closed) return unexercised(f);
  if (f.what != k::processed && f.what != k::processed_and_closed)
    return violation("the " + std::to_string(expected.size()) + "-byte body read and the request answered", f.story);
  bool const echoed = cx.target_info().offers.has(capability::echo) && f.first.message.status == 200;
  if (echoed && f.first.message.body != expected)
    return violation("the body \"" + h1::escape(expected) + "\"", "the target read \"" + h1::escape(f.first.message.body) + "\"");
  return pass();
}

bool one_of(int status, std::vector<int> const& list) {
  return std::find(list.begin(), list.end(), status) != list.end();
}

std::string body_path(context& cx) {
  return cx.target_info().offers.has(capability::echo) ? "/echo" : "/";
}

std::optional<std::string> received_field(h1::response const& r, std::string_view name) {
  auto const doc = nlohmann::json::parse(r.body, nullptr, false);
  if (!doc.is_object() || !doc.contains("headers") || !doc["headers"].is_array()) return std::nullopt;
  for (auto const& pair : doc["headers"]) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) continue;
    if (h1::iequals(pair[0].get<std::string>(), name)) return pair[1].get<std::string>();
  }
  return std::nullopt;
}

h1::request make_request(context& cx, std::string_view method, std::string_view path, std::string_view version) {
  h1::request r(method, path, version);
  r.host(cx.target_info());
  for (auto const& [name, value] : cx.target_info().extra_headers) r.header(name, value);
  return r;
}

h1::request canary(context& cx) { return make_request(cx, "GET", "/"); }

int baseline_status(context& cx) {
  cx.note("baseline: a lone GET / on its own connection");
  h1::client c(cx);
  auto const r = c.exchange(canary(cx));
  return r.ok() ? r.message.status : 0;
}

std::string describe(refusal const& rule) {
  auto s = status_list(rule.statuses);
  if (!rule.also.empty()) s += " (or " + status_list(rule.also) + ")";
  if (rule.then_close) s += " and then the connection closed";
  return s;
}

outcome expect_refusal(h1::client& c, h1::reply const& r, refusal const& rule) {
  auto const expected = describe(rule);
  if (!r.ok()) return violation(expected, h1::describe(r));
  bool const tolerated = one_of(r.message.status, rule.also);
  if (!one_of(r.message.status, rule.statuses) && !tolerated) return violation(expected, h1::describe(r));

  std::string note = tolerated ? std::string(rule.also_why) : std::string{};
  if (rule.then_close) {
    auto const state = c.await_close();
    if (state == h1::close_state::open || state == h1::close_state::data)
      return violation(expected, h1::describe(r) + ", then the connection " + std::string(to_string(state)));
  }
  return pass(note);
}

outcome expect_refusal(context& cx, h1::request const& req, refusal const& rule) {
  h1::client c(cx);
  auto const r = c.exchange(req);
  return expect_refusal(c, r, rule);
}

outcome expect_served(context& cx, h1::request const& r, std::string_view what) {
  int const base = baseline_status(cx);
  h1::client c(cx);
  auto const reply = c.exchange(r);
  if (reply.ok() && reply.message.status == base) return pass();
  return violation(std::string(what) + " answered as a lone GET / is (" + std::to_string(base) + ")", h1::describe(reply));
}

framing_result probe_framing(context& cx, h1::request const& probe, std::vector<int> refusals) {
  return probe_framing(cx, probe.bytes(), probe.method(), refusals);
}

framing_result probe_framing(context& cx, std::string_view probe, std::string_view method, std::vector<int> const& refusals) {
  int const base = baseline_status(cx);
  framing_result f;
  h1::client c(cx);
  c.send_pipelined(probe, method, canary(cx));
  f.first = c.receive();
  using k = framing_result::kind;
  switch (f.first.what) {
    case h1::reply::kind::response: break;
    case h1::reply::kind::timeout: f.what = k::no_answer; f.story = h1::describe(f.first); return f;
    case h1::reply::kind::closed:
    case h1::reply::kind::reset: f.what = k::closed_silently; f.story = h1::describe(f.first); return f;
    case h1::reply::kind::malformed:
    case h1::reply::kind::failed: f.what = k::malformed; f.story = h1::describe(f.first); return f;
  }

  bool const refused = one_of(f.first.message.status, refusals);
  auto const first = h1::describe(f.first);
  f.second = c.receive();
  auto const& second = *f.second;
  if (second.what == h1::reply::kind::closed || second.what == h1::reply::kind::reset) {
    f.what = refused ? k::refused_and_closed : f.first.message.status >= 400 ? k::other_error_and_closed : k::processed_and_closed;
    f.story = first + ", then the connection closed";
  } else if (second.ok() && second.message.status == base) {
    f.what = refused ? k::refused_kept_open : k::processed;
    f.story = first + ", and the canary GET / got " + h1::describe(second) + " as it does alone";
  } else if (second.what == h1::reply::kind::timeout) {
    f.what = k::desync;
    f.story = first + ", then no answer to the canary GET / (the target is waiting for more bytes: "
                      "it took part of the canary as body)";
  } else {
    f.what = k::desync;
    f.story = first + ", then the canary GET / got " + h1::describe(second) +
              (base ? " instead of the " + std::to_string(base) + " it gets alone" : std::string{}) +
              " (the bytes after the probe were framed as a different request)";
  }
  return f;
}

outcome unexercised(framing_result const& f) {
  return skip("the target answered " + h1::describe(f.first) +
              " and closed, perhaps without reading the body, so the framing under test was not exercised "
              "(a target that echoes POST bodies at /echo lets this case judge it)");
}

outcome expect_refused_framing(framing_result const& f, std::string_view expected) {
  if (f.what == framing_result::kind::refused_and_closed) return pass();
  if (f.what == framing_result::kind::other_error_and_closed) return unexercised(f);
  return violation(expected, f.story);
}

}  // namespace conform::http1
