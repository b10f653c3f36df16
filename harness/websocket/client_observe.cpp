// The judging half of the client: what the target's frames mean (RFC 6455 §5, and
// RFC 7692 §6 when permessage-deflate is in use), and how the close went (§7).
#include <algorithm>

#include "harness/engine/context.hpp"
#include "harness/websocket/client.hpp"
#include "harness/websocket/utf8.hpp"

namespace conform::ws {
namespace {

event problem(std::string what) { return {event::kind::problem, std::move(what)}; }

// What is wrong with a frame a server sent, before its place in a message counts.
std::string frame_problem(frame const& f, bool deflate, bool from_client) {
  if (from_client && !f.masked) return "an unmasked frame from the client (RFC 6455 §5.1: a client MUST mask)";
  if (!from_client && f.masked) return "a masked frame from the server (RFC 6455 §5.1: a server MUST NOT mask)";
  bool const rsv1_allowed = deflate && (f.op == 0x1 || f.op == 0x2);
  if ((f.rsv & 3) || ((f.rsv & 4) && !rsv1_allowed))
    return "RSV bits " + std::to_string(f.rsv) + " set with no extension defining them (RFC 6455 §5.2)";
  if ((f.op > 0x2 && f.op < 0x8) || f.op > 0xA) return "reserved opcode " + std::to_string(f.op) + " (RFC 6455 §5.2)";
  if (is_control(f.op) && (!f.fin || f.payload.size() > 125))
    return "a fragmented or over-long control frame (RFC 6455 §5.5)";
  if (f.op == 0x8 && f.payload.size() == 1) return "a close frame with a 1-octet payload (RFC 6455 §5.5.1)";
  if (f.op == 0x8 && !is_valid_utf8(close_reason_of(f.payload)))
    return "a close reason that is not UTF-8 (RFC 6455 §5.5.1)";
  return {};
}

}  // namespace

bool client::on_frame(frame& f, event& out) {
  if (auto why = frame_problem(f, deflate_.has_value(), server_role()); !why.empty()) {
    broken_ = true;
    return out = problem(why + ": " + f.describe()), true;
  }
  if (target_close_) {
    broken_ = true;
    return out = problem("a frame after the server's close frame (RFC 6455 §5.5.1): " + f.describe()), true;
  }
  if (is_control(f.op)) {
    if (f.op == 0x8) target_close_ = f.payload;
    auto const kind = f.op == 0x8 ? event::kind::close : f.op == 0x9 ? event::kind::ping : event::kind::pong;
    return out = {kind, std::move(f.payload)}, true;
  }
  if (f.op == 0x0 && !message_op_) {
    broken_ = true;
    return out = problem("a continuation frame with no message to continue (RFC 6455 §5.4)"), true;
  }
  if (f.op != 0x0 && message_op_) {
    broken_ = true;
    return out = problem("a new data frame inside a fragmented message (RFC 6455 §5.4)"), true;
  }
  if (f.op != 0x0) {
    message_op_ = f.op;
    message_compressed_ = (f.rsv & 4) != 0;
    message_.clear();
  } else if (f.rsv & 4) {
    broken_ = true;
    return out = problem("RSV1 on a continuation frame (RFC 7692 §6)"), true;
  }
  if (message_.size() + f.payload.size() > frame_reader::default_max_payload) {
    broken_ = true;
    return out = problem("a message larger than the harness's cap"), true;
  }
  message_ += f.payload;
  return f.fin && finish_message(out);
}

bool client::finish_message(event& out) {
  auto const op = *message_op_;
  message_op_.reset();
  std::string text = std::move(message_);
  message_.clear();
  if (message_compressed_) {
    std::string plain, error;
    if (!inflater_->decompress(text, plain, error)) {
      broken_ = true;
      return out = problem("a compressed message that does not inflate: " + error), true;
    }
    text = std::move(plain);
  }
  if (op == 0x1 && !is_valid_utf8(text)) {
    broken_ = true;
    return out = problem("a text message that is not valid UTF-8 (RFC 6455 §8.1)"), true;
  }
  out = {op == 0x1 ? event::kind::text : event::kind::binary, std::move(text)};
  return true;
}

std::vector<event> client::collect(std::size_t count) { return collect(count, cx_.read_deadline()); }

std::vector<event> client::collect(std::size_t count, net::clock::time_point deadline) {
  std::vector<event> seen;
  event e;
  while (seen.size() < count && next_event(e, deadline)) {
    seen.push_back(e);
    if (e.what == event::kind::close || e.what == event::kind::problem) break;
  }
  return seen;
}

std::vector<event> client::until_closed() { return until_closed(cx_.read_deadline()); }

std::vector<event> client::until_closed(net::clock::time_point deadline) {
  std::vector<event> seen;
  event e;
  while (next_event(e, deadline)) {
    seen.push_back(e);
    if (e.what == event::kind::close && !harness_closed_) {
      // Echo the target's code, as RFC 6455 §5.5.1 suggests; a code we may not send
      // (none, 1005, or invalid) is answered with an empty close frame.
      auto const code = close_code_of(e.payload);
      send_close(code && *code >= 1000 && *code != 1005 && *code != 1006 ? close_frame(*code) : empty_close_frame());
    }
    if (e.what == event::kind::problem) {
      if (!harness_closed_) send_close(close_frame(1002));
      break;
    }
    if (server_role() && target_close_ && harness_closed_) break;  // the client waits for us to close
  }
  if (server_role()) {
    // As the server we close the TCP connection once our close frame is out (RFC 6455
    // §7.1.1): after the client's answer, or at once after its mistake.
    if (end_ == ending::open && harness_closed_) {
      conn_->close();
      end_ = ending::closed;
    }
    return seen;
  }
  // After a problem, still wait for the TCP close.
  while (end_ == ending::open && read_more(deadline)) {
  }
  return seen;
}

std::vector<event> client::close_normally() {
  if (end_ == ending::open && !harness_closed_ && !target_close_) send_close(close_frame(1000));
  return until_closed();
}

close_report client::grade_close(std::vector<int> expected, bool require_clean, close_report::side expected_closer) const {
  close_report r;
  r.expected = std::move(expected);
  if (auto code = target_close_code()) r.received = *code;
  if (target_close_) r.reason = std::string(close_reason_of(*target_close_));
  r.clean = target_close_ && harness_closed_ && end_ == ending::closed;
  if (harness_first_) r.closed_by = close_report::side::harness;
  else if (target_close_ || end_ != ending::open) r.closed_by = close_report::side::target;
  if (end_ == ending::open) {
    r.verdict = close_report::grade::failed;
    r.reason = "the connection was still open when the case ended";
  } else if (r.closed_by != expected_closer) {
    r.verdict = close_report::grade::failed;
    r.reason = "closed by the " + std::string(to_string(r.closed_by)) + " instead of the " +
               std::string(to_string(expected_closer));
  } else if (require_clean && !r.clean) {
    r.verdict = close_report::grade::unclean;
    if (r.reason.empty()) r.reason = target_close_ ? "the TCP connection was reset" : "no close frame from the target";
  } else if (r.received && !r.expected.empty() &&
             std::find(r.expected.begin(), r.expected.end(), *r.received) == r.expected.end()) {
    r.verdict = close_report::grade::wrong_code;
  }
  return r;
}

}  // namespace conform::ws
