// Properties of the Cap'n Web reference peer: echo gives back what a peer must re-send
// for any value (and that form is stable under a second echo); base64 round-trips; and a
// model of the export table — IDs chosen negative and never reused, refcounts released
// to zero remove the entry — holds over any sequence of makeCounter, increment and
// release (rc::state).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <rapidcheck/state.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "reference/rpc/base64.hpp"
#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"

namespace conform {
namespace {

namespace rpc = reference::rpc;
using json = nlohmann::json;
using lines = std::vector<std::string>;

struct peer {
  rpc::session s{rpc::make_test_target()};
  lines send(lines const& messages) {
    for (auto const& m : messages) s.receive(m);
    return s.take_output();
  }
};

// Values in their wire form: plain JSON (arrays escaped by wrapping) and the literal
// tags whose canonical form is themselves.
rc::Gen<json> value_gen(int depth) {
  auto leaf = rc::gen::oneOf(
      rc::gen::map(rc::gen::inRange(-1000, 1000), [](int i) { return json(i); }),
      rc::gen::map(rc::gen::container<std::string>(rc::gen::inRange<char>(0x20, 0x7f)), [](std::string s) { return json(s); }),
      rc::gen::element(json(nullptr), json(true), json(false), json::array({"undefined"}), json::array({"inf"}),
                       json::array({"-inf"}), json::array({"nan"}), json::array({"bigint", "-12345678901234567890"}),
                       json::array({"date", 1700000000000.0}), json::array({"bytes", "aGVsbG8"})));
  if (depth == 0) return leaf;
  return rc::gen::oneOf(
      leaf,
      // An array travels escaped: wrapped in one more array.
      rc::gen::map(rc::gen::container<std::vector<json>>(*rc::gen::inRange<std::size_t>(0, 4), value_gen(depth - 1)),
                   [](std::vector<json> items) { return json::array({json(items)}); }),
      rc::gen::map(rc::gen::container<std::vector<std::pair<std::string, json>>>(
                       *rc::gen::inRange<std::size_t>(0, 4),
                       rc::gen::pair(rc::gen::nonEmpty(rc::gen::container<std::string>(rc::gen::inRange<char>('a', 'z' + 1))),
                                     value_gen(depth - 1))),
                   [](std::vector<std::pair<std::string, json>> members) {
                     json o = json::object();
                     for (auto& [k, v] : members) o[k] = v;
                     return o;
                   }));
}

// echo(value) on a fresh session: the value of the resolve, or the whole answer.
json echo(json const& value) {
  peer p;
  auto const out = p.send({json::array({"push", json::array({"pipeline", 0, json::array({"echo"}), json::array({value})})}).dump(),
                           R"(["pull",1])"});
  RC_ASSERT(out.size() == 1u);
  auto const answer = json::parse(out[0]);
  RC_ASSERT(answer[0] == "resolve");
  return answer[2];
}

RC_GTEST_PROP(RpcProperties, EchoIsStable, ()) {
  auto const value = *value_gen(3);
  auto const once = echo(value);
  RC_ASSERT(echo(once) == once);
  // Plain numbers, strings, booleans and null come back as they went.
  if (value.is_primitive()) RC_ASSERT(once == value);
}

RC_GTEST_PROP(RpcProperties, Base64RoundTrips, (std::vector<std::uint8_t> const& bytes)) {
  auto const text = rpc::base64_encode(bytes);
  RC_ASSERT(rpc::base64_decode(text) == bytes);
}

// --- The export table, against a model ----------------------------------------------

struct table_model {
  struct counter {
    std::int64_t export_id;
    std::int64_t value;
  };
  std::vector<counter> live;
  std::int64_t exports_made = 0;  // the peer's export IDs are -1, -2, … and never reused
  std::int64_t next_push = 1;     // our import IDs: 1, 2, … per push
};

struct new_counter : rc::state::Command<table_model, peer> {
  std::int64_t start = *rc::gen::inRange<std::int64_t>(-50, 50);
  void apply(table_model& m) const override {
    ++m.exports_made;
    m.live.push_back({-m.exports_made, start});
    ++m.next_push;
  }
  void run(table_model const& m, peer& p) const override {
    auto const id = m.next_push;
    auto const out = p.send({R"(["push",["pipeline",0,["makeCounter"],[)" + std::to_string(start) + "]]]",
                             R"(["pull",)" + std::to_string(id) + "]", R"(["release",)" + std::to_string(id) + ",1]"});
    RC_ASSERT(out == lines{R"(["resolve",)" + std::to_string(id) + R"(,["export",)" + std::to_string(-(m.exports_made + 1)) + "]]"});
  }
  void show(std::ostream& os) const override { os << "makeCounter(" << start << ")"; }
};

struct increment : rc::state::Command<table_model, peer> {
  std::size_t which = 0;
  std::int64_t amount = *rc::gen::inRange<std::int64_t>(-5, 6);
  explicit increment(table_model const& m) : which(m.live.empty() ? 0 : *rc::gen::inRange<std::size_t>(0, m.live.size())) {}
  void checkPreconditions(table_model const& m) const override { RC_PRE(which < m.live.size()); }
  void apply(table_model& m) const override {
    m.live[which].value += amount;
    ++m.next_push;
  }
  void run(table_model const& m, peer& p) const override {
    auto const id = std::to_string(m.next_push);
    auto const& c = m.live[which];
    auto const out = p.send({R"(["push",["pipeline",)" + std::to_string(c.export_id) + R"(,["increment"],[)" +
                                 std::to_string(amount) + "]]]",
                             R"(["pull",)" + id + "]", R"(["release",)" + id + ",1]"});
    RC_ASSERT(out == lines{R"(["resolve",)" + id + "," + std::to_string(c.value + amount) + "]"});
  }
  void show(std::ostream& os) const override { os << "increment(#" << which << ", " << amount << ")"; }
};

struct release : rc::state::Command<table_model, peer> {
  std::size_t which = 0;
  explicit release(table_model const& m) : which(m.live.empty() ? 0 : *rc::gen::inRange<std::size_t>(0, m.live.size())) {}
  void checkPreconditions(table_model const& m) const override { RC_PRE(which < m.live.size()); }
  void apply(table_model& m) const override { m.live.erase(m.live.begin() + static_cast<std::ptrdiff_t>(which)); }
  void run(table_model const& m, peer& p) const override {
    RC_ASSERT(p.send({R"(["release",)" + std::to_string(m.live[which].export_id) + ",1]"}).empty());
    RC_ASSERT(p.s.export_count() == m.live.size());  // main plus the others still held
  }
  void show(std::ostream& os) const override { os << "release(#" << which << ")"; }
};

RC_GTEST_PROP(RpcProperties, ExportTableFollowsItsModel, ()) {
  table_model model;
  peer p;
  rc::state::check(model, p, rc::state::gen::execOneOfWithArgs<new_counter, increment, release>());
  RC_ASSERT(!p.s.aborted());
}

}  // namespace
}  // namespace conform
