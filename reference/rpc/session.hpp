// One Cap'n Web session, sans-I/O (capnweb.md §3, §4, §12): messages in as text, messages
// out as text. Both peers are equal; the session serves its main object (export 0) and
// can call the peer's (import 0). Transports: reference/server/rpc_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reference/rpc/capability.hpp"
#include "reference/rpc/limits.hpp"

namespace conform::reference::rpc {

class rpc_target;
class session_state;

class session {
 public:
  explicit session(std::shared_ptr<rpc_target> main, rpc_limits limits = {});
  ~session();
  session(session const&) = delete;
  session& operator=(session const&) = delete;

  // One received message. Protocol errors abort the session: an ["abort", ...] is the
  // last message queued, and aborted() turns true. After an abort input is ignored.
  void receive(std::string_view text);
  // The messages produced since the last call, in production order.
  std::vector<std::string> take_output();

  bool aborted() const;
  std::string const& abort_reason() const;  // the error message, for a close reason
  // A protocol error the transport found (a binary frame): aborts, sending ["abort", ...].
  void fail(std::string const& message);
  // Ends the session because the transport failed or closed: no message is sent.
  void close(std::string const& reason);

  // The peer's main object, for calls in the other direction (client role).
  hook_ptr peer_main();
  // A pending result of a call to the peer as a promise stub: calls on it are pipelined
  // (["pipeline", id, path, args]) instead of waiting. nullptr once it has settled or
  // when it is no result of this session's.
  hook_ptr pipeline(future_ptr const& result);
  // .map() over a stub or promise of the peer (capnweb.md §9): pushes ["remap", id, path,
  // captures, instructions] and pulls it. The instructions are given in their wire form:
  // the C++ API has no lambda to record. Any other subject rejects.
  future_ptr remap(hook_ptr const& subject, path const& p, std::vector<hook_ptr> captures, json instructions);

  // Exports the peer pulled that have not settled yet (HTTP batch drain).
  std::size_t pending_pulls() const;
  std::size_t export_count() const;
  std::size_t import_count() const;

 private:
  std::shared_ptr<session_state> state_;
};

}  // namespace conform::reference::rpc
