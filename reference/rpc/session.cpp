#include "reference/rpc/session.hpp"

#include "reference/rpc/session_state.hpp"
#include "reference/rpc/target.hpp"

namespace conform::reference::rpc {
namespace {

// JavaScript measures strings in UTF-16 code units; UTF-8 has one lead byte per code
// point and four-byte sequences are surrogate pairs.
std::size_t utf16_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
    if (c >= 0xF0) ++n;
  }
  return n;
}

// JSON nesting of the raw text, outside strings. Checked before parsing so that a
// deeply nested message never reaches a recursive walk.
std::size_t nesting(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool is_number(json const& v) { return v.is_number(); }

}  // namespace

void session_state::start(hook_ptr main) {
  exports_[0] = export_entry{std::move(main), 1, false, false};
  main_import_ = std::make_shared<import_entry>();
  main_import_->session = weak_from_this();
  main_import_->released = true;  // the peer's main object is never released
}

void session_state::send(json const& msg) {
  output_.push_back(to_wire(msg));
  auto deferred = std::move(deferred_pulls_);
  deferred_pulls_.clear();
  for (auto id : deferred) ensure_resolving(id);
}

void session_state::receive(std::string_view text) {
  if (aborted_) return;
  try {
    if (utf16_length(text) > limits_.max_message_utf16) {
      throw type_error("Incoming message exceeds maximum size of " +
                       std::to_string(limits_.max_message_utf16) + " UTF-16 code units.");
    }
    // An escaped array costs two JSON levels per expression level; anything deeper than
    // that cannot evaluate within max_depth.
    if (nesting(text) > 2 * limits_.max_depth + 4) {
      throw type_error("Deserialization exceeded maximum allowed message depth of " +
                       std::to_string(limits_.max_depth) + ".");
    }
    json msg = json::parse(text, nullptr, false);
    if (msg.is_discarded()) {
      bool const blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
      throw rpc_error("SyntaxError", blank ? "Unexpected end of JSON input"
                                           : "Unexpected token in JSON: not valid JSON");
    }
    dispatch(msg);
  } catch (rpc_error const& e) {
    abort(e, true);
  }
}

// capnweb rpc.ts readLoop: every shape it does not accept is "bad RPC message".
void session_state::dispatch(json const& msg) {
  std::string const tag = msg.is_array() && !msg.empty() && msg[0].is_string()
                              ? msg[0].get<std::string>() : std::string();
  auto const n = msg.is_array() ? msg.size() : 0;
  if ((tag == "push" || tag == "stream") && n > 1) {
    return add_push_result(evaluate(msg[1], *this), tag == "stream");
  }
  if (tag == "pipe") return add_pipe();
  if (tag == "pull" && n > 1 && is_number(msg[1])) {
    return ensure_resolving(wire_id(msg[1]));
  }
  if ((tag == "resolve" || tag == "reject") && n > 2 && is_number(msg[1])) {
    return settle_import(wire_id(msg[1]), msg[2], tag == "reject");
  }
  if (tag == "release" && n > 2 && is_number(msg[1]) && is_number(msg[2])) {
    double const count = number_of(msg[2]);
    // capnweb adds a negative count back; we refuse it (docs/results/rpc.md).
    if (count >= 0 && count <= 9007199254740992.0 && count == static_cast<double>(static_cast<std::int64_t>(count))) {
      return release_export(wire_id(msg[1]),
                            static_cast<std::int64_t>(count));
    }
  }
  if (tag == "abort") {
    json reason = n > 1 ? msg[1] : json::array({"undefined"});
    payload p = evaluate(reason, *this);
    bool const is_error = p.value.is_array() && p.value.size() >= 3 && p.value[0] == "error";
    std::string const name = is_error ? p.value[1].get<std::string>() : "Error";
    std::string const text = is_error ? p.value[2].get<std::string>() : to_wire(p.value);
    return abort(rpc_error(name, text), false);
  }
  throw plain_error("bad RPC message: " + to_wire(msg));
}

void session_state::abort(rpc_error const& error, bool send_abort) {
  if (aborted_) return;
  if (send_abort) send(json::array({"abort", error.to_json()}));
  aborted_ = error;
  abort_reason_ = error.what();
  // Every outstanding import breaks with the error; every export is dropped.
  auto imports = std::move(imports_);
  imports_.clear();
  for (auto& [id, slot] : imports) {
    auto entry = slot.strong ? slot.strong : slot.weak.lock();
    if (!entry) continue;
    entry->released = true;
    if (entry->result) entry->result->reject(error.to_json());
  }
  auto exports = std::move(exports_);
  exports_.clear();
  exports.clear();
}

session::session(std::shared_ptr<rpc_target> main, rpc_limits limits)
    : state_(std::make_shared<session_state>(limits)) {
  state_->start(std::make_shared<target_hook>(std::move(main), true));
}

session::~session() {
  // Break hook cycles (a target holding a stub of the peer) before the state goes.
  if (state_) state_->abort(plain_error("session closed"), false);
}

void session::receive(std::string_view text) { state_->receive(text); }

std::vector<std::string> session::take_output() {
  auto out = std::move(state_->output_);
  state_->output_.clear();
  return out;
}

bool session::aborted() const { return state_->aborted_.has_value(); }
std::string const& session::abort_reason() const { return state_->abort_reason_; }

void session::fail(std::string const& message) { state_->abort(plain_error(message), true); }

void session::close(std::string const& reason) { state_->abort(plain_error(reason), false); }

hook_ptr session::peer_main() { return std::make_shared<import_hook>(state_->main_import_, false); }

hook_ptr session::pipeline(future_ptr const& result) {
  for (auto const& [id, slot] : state_->imports_) {
    if (slot.strong && slot.strong->result == result) return std::make_shared<import_hook>(slot.strong, true);
  }
  return nullptr;
}

future_ptr session::remap(hook_ptr const& subject, path const& p, std::vector<hook_ptr> captures,
                          json instructions) {
  auto const* imported = dynamic_cast<import_hook const*>(subject.get());
  if (imported == nullptr || imported->entry()->session.lock() != state_) {
    return future::rejected(plain_error("remap needs a stub or promise of this session's peer").to_json());
  }
  if (state_->aborted_) return future::rejected(plain_error("RPC session is closed.").to_json());
  return state_->remap_peer(imported->entry()->id, p, std::move(captures), std::move(instructions));
}

std::size_t session::pending_pulls() const { return state_->pending_pulls_; }
std::size_t session::export_count() const { return state_->exports_.size(); }
std::size_t session::import_count() const { return state_->imports_.size(); }

}  // namespace conform::reference::rpc
