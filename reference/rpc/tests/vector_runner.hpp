// Plays a session vector (docs/rpc-vectors.md) against the reference: message by
// message on a sans-I/O session (the WebSocket semantics), or as HTTP batches through a
// caller-supplied POST function. Returns "" on success, else what went wrong.
#pragma once

#include <functional>
#include <string>

#include "reference/rpc/json.hpp"

namespace conform::reference::rpc::testing {

json load_vectors(std::string const& file);  // conformance/vectors/rpc/<file>

// A peer reached message by message: the sans-I/O session, or a live WebSocket.
class message_peer {
 public:
  virtual ~message_peer() = default;
  virtual void send(std::string const& text) = 0;
  virtual void send_binary(std::string const& text) = 0;
  // What the peer sent since the last call: waits until `enough` says so or `wait_ms`
  // passed; a live peer that closed reports it with a final ["$closed", code].
  virtual std::vector<json> collect(std::function<bool(std::vector<json> const&)> const& enough,
                                    int wait_ms) = 0;
};

std::string run_on_peer(json const& vector, message_peer& peer);
std::string run_on_session(json const& vector);

struct http_reply {
  unsigned status = 0;
  std::string body;
};
using http_call = std::function<http_reply(std::string const& method, std::string const& body)>;
std::string run_as_batch(json const& vector, http_call const& post);

}  // namespace conform::reference::rpc::testing
