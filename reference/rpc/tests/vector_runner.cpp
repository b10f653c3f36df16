#include "reference/rpc/tests/vector_runner.hpp"

#include <fstream>
#include <sstream>

#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"
#include "reference/rpc/tests/vector_match.hpp"

namespace conform::reference::rpc::testing {
namespace {

std::string text_of(json const& message, bindings const& bound) {
  if (message.is_object() && message.contains("$raw")) return message["$raw"].get<std::string>();
  return to_wire(substitute(message, bound));
}

bool is_release(json const& m) { return m.is_array() && !m.empty() && m[0] == "release"; }

// Matches the expected patterns against the received messages; releases are ignored
// unless a pattern asks for one.
std::string match_group(json const& step, std::vector<json> const& got, bindings& bound) {
  auto const& patterns = step["expect"];
  bool const unordered = step.value("unordered", false);
  std::vector<json> pending;
  for (auto const& m : got) {
    if (!is_release(m) && !(m.is_array() && !m.empty() && m[0] == "$closed")) pending.push_back(m);
  }
  std::vector<bool> used(pending.size(), false);
  std::size_t next = 0;
  for (auto const& p : patterns) {
    bool found = false;
    for (std::size_t i = unordered ? 0 : next; i < pending.size() && !found; ++i) {
      if (used[i]) continue;
      bindings trial = bound;
      if (matches(p, pending[i], trial)) {
        bound = trial;
        used[i] = found = true;
        next = i + 1;
      } else if (!unordered) {
        break;
      }
    }
    if (!found) return "expected " + to_wire(p) + ", got " + to_wire(json(pending));
  }
  if (step.value("more", false)) return "";  // later messages are the peer's choice
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (!used[i]) return "unexpected message " + to_wire(pending[i]);
  }
  return "";
}

std::string match_abort(json const& want, std::vector<json> const& got) {
  json pattern{{"$error", want["name"]}};
  if (want.contains("message")) pattern["message"] = want["message"];
  if (want.contains("message_prefix")) pattern["message_prefix"] = want["message_prefix"];
  for (auto const& m : got) {
    bindings b;
    if (m.is_array() && m.size() == 2 && m[0] == "abort" && matches(pattern, m[1], b)) return "";
  }
  return "expected an abort matching " + to_wire(pattern) + ", got " + to_wire(json(got));
}

}  // namespace

json load_vectors(std::string const& file) {
  std::ifstream in(std::string(CONFORM_VECTORS_DIR) + "/" + file);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

namespace {

class session_peer final : public message_peer {
 public:
  void send(std::string const& text) override { s_.receive(text); }
  void send_binary(std::string const&) override {
    s_.fail("Binary WebSocket messages are not Cap'n Web messages.");
  }
  std::vector<json> collect(std::function<bool(std::vector<json> const&)> const&, int) override {
    std::vector<json> got;
    for (auto const& text : s_.take_output()) got.push_back(json::parse(text));
    return got;
  }

 private:
  session s_{make_test_target()};
};

std::size_t non_releases(std::vector<json> const& got) {
  std::size_t n = 0;
  for (auto const& m : got) n += is_release(m) ? 0 : 1;
  return n;
}

bool has_abort(std::vector<json> const& got) {
  for (auto const& m : got) {
    if (m.is_array() && !m.empty() && (m[0] == "abort" || m[0] == "$closed")) return true;
  }
  return false;
}

}  // namespace

std::string run_on_session(json const& vector) {
  session_peer peer;
  return run_on_peer(vector, peer);
}

std::string run_on_peer(json const& vector, message_peer& peer) {
  bindings bound;
  for (auto const& step : vector["steps"]) {
    if (step.contains("send")) {
      for (auto const& m : step["send"]) peer.send(text_of(m, bound));
      continue;
    }
    if (step.contains("send_binary")) {
      peer.send_binary(step["send_binary"].get<std::string>());
      continue;
    }
    std::string problem;
    if (step.contains("expect")) {
      std::size_t const want = step["expect"].size();
      auto got = peer.collect([want](auto const& g) { return non_releases(g) >= want || has_abort(g); }, 2000);
      problem = match_group(step, got, bound);
    } else if (step.contains("expect_abort")) {
      auto got = peer.collect([](auto const& g) { return has_abort(g); }, 2000);
      problem = match_abort(step["expect_abort"], got);
    } else if (step.contains("expect_nothing")) {
      auto got = peer.collect([](auto const&) { return false; }, 300);
      for (auto const& m : got) {
        bool const ending = m[0] == "abort" || m[0] == "$closed";
        if (!is_release(m) && !(step.value("or_abort", false) && ending)) {
          problem = "expected nothing, got " + to_wire(m);
        }
      }
    }
    if (!problem.empty()) return problem;
  }
  return "";
}

std::string run_as_batch(json const& vector, http_call const& post) {
  std::string body, method = "POST";
  bool have_body = false;
  std::vector<json> expects;
  bindings bound;
  for (auto const& step : vector["steps"]) {
    if (step.contains("send")) {
      for (auto const& m : step["send"]) {
        body += (have_body ? "\n" : "") + text_of(m, bound);
        have_body = true;
      }
      continue;
    }
    if (step.contains("batch_body") || step.contains("batch_method")) {
      body = step.value("batch_body", "");
      method = step.value("batch_method", "POST");
      continue;
    }
    auto reply = post(method, body);
    body.clear();
    have_body = false;
    std::vector<json> got;
    std::stringstream lines(reply.body);
    for (std::string line; std::getline(lines, line);) got.push_back(json::parse(line, nullptr, false));
    if (step.contains("expect_status") && reply.status != step["expect_status"]) {
      return "expected status " + to_wire(step["expect_status"]) + ", got " + std::to_string(reply.status);
    }
    if (step.contains("expect_status_not") && reply.status == step["expect_status_not"]) {
      return "expected a status other than " + to_wire(step["expect_status_not"]);
    }
    if (step.contains("expect_body") && reply.body != step["expect_body"]) {
      return "expected body " + to_wire(step["expect_body"]) + ", got " + reply.body;
    }
    if (step.contains("expect_abort") && reply.status == 200 && match_abort(step["expect_abort"], got) != "") {
      return "expected the batch to fail, got 200 " + reply.body;
    }
    if (step.contains("expect_nothing") && !(reply.status == 200 && reply.body.empty()) &&
        !(step.value("or_abort", false) && reply.status != 200)) {
      return "expected an empty 200, got " + std::to_string(reply.status) + " " + reply.body;
    }
    if (step.contains("expect")) {
      if (reply.status != 200) return "expected 200, got " + std::to_string(reply.status) + " " + reply.body;
      auto problem = match_group(step, got, bound);
      if (!problem.empty()) return problem;
    }
  }
  return "";
}

}  // namespace conform::reference::rpc::testing
