// Plays one Cap'n Web session vector (docs/rpc-vectors.md) against a peer: message by
// message over a WebSocket-like channel, or as HTTP batches. The transports are behind
// two small interfaces so the driver is tested without sockets; the real ones are in
// websocket_channel.hpp and batch_channel.hpp. Every wait has a deadline and every
// collection a cap, so a silent or flooding peer ends the step, not the run.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "harness/rpc/matcher.hpp"

namespace conform::rpc {

using clock = std::chrono::steady_clock;

// One thing the peer did, as a message channel sees it.
struct arrival {
  enum class kind { message, not_json, binary, closed, timeout, failed };
  kind what = kind::timeout;
  json message = {};  // for `message`
  std::string text = {};  // the raw text (not_json, binary), or how the connection ended
};

// A session where each message travels on its own (WebSocket: one text frame each).
class message_channel {
 public:
  virtual ~message_channel() = default;
  virtual bool send_text(std::string const& text) = 0;
  virtual bool send_binary(std::string const& bytes) = 0;
  // The next thing the peer did, waiting no later than `deadline`.
  virtual arrival next(clock::time_point deadline) = 0;
};

// HTTP batch: one request, one response, one session.
struct batch_reply {
  bool answered = false;  // false: no complete response; `failure` says why
  int status = 0;
  std::string body = {};
  std::string failure = {};
};
class batch_channel {
 public:
  virtual ~batch_channel() = default;
  virtual batch_reply post(std::string const& method, std::string const& body) = 0;
};

struct driver_settings {
  std::chrono::milliseconds answer_wait{2000};  // for an expected answer
  std::chrono::milliseconds quiet_wait{300};    // for expect_nothing: how long silence must last
  std::size_t max_messages = 4096;              // per step; more is a flood
  std::function<void(std::string const&)> note = {};  // "sent …" / "received …" lines
};

// nullopt when the peer did everything the vector expects, else the first step it did
// not: what was expected and what came. Throws std::invalid_argument for a step the
// transport cannot carry (a malformed vector or a vector for the other transport).
std::optional<mismatch> run_messages(json const& vector, message_channel& peer, driver_settings const& s);
std::optional<mismatch> run_batches(json const& vector, batch_channel& peer, driver_settings const& s);

// The text a send step puts on the wire for one message: {"$raw": text} as is, else
// the message with its $refs filled in, as compact JSON.
std::string message_text(json const& message, bindings const& bound);

// Whether a vector applies to a transport ("websocket" or "batch").
bool vector_runs_over(json const& vector, std::string_view transport);

}  // namespace conform::rpc
