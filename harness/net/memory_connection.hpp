// A connection whose far end is a scripted peer in the same process: self-tests run
// cases against compliant and rule-breaking peers without sockets or waiting. A read
// that finds nothing to read returns `timeout` at once, as a silent peer would after
// the deadline.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "harness/net/connection.hpp"

namespace conform::net {

struct peer_reply {
  std::string bytes;   // what the peer sends back
  bool close = false;  // the peer closes after these bytes
  bool reset = false;  // the peer resets instead of closing
};

// The far end, written as a sans-I/O server: bytes in, bytes out.
class scripted_peer {
 public:
  virtual ~scripted_peer() = default;
  virtual void receive(std::string_view bytes, peer_reply& reply) = 0;
  // The client half-closed; the peer may still answer.
  virtual void end_of_input(peer_reply&) {}
  // The client found nothing to read and would wait until its deadline: the time a
  // real peer's own timers (a header timeout) would fire. Default: stay silent.
  virtual void idle(peer_reply&) {}
};

class memory_connection final : public connection {
 public:
  memory_connection(transcript& log, int id, std::unique_ptr<scripted_peer> peer);

 private:
  io_status do_write(std::string_view bytes, clock::time_point deadline, std::string& error) override;
  io_status do_read(char* into, std::size_t size, std::size_t& got, clock::time_point deadline,
                    std::string& error) override;
  void do_shutdown_send() override;
  void do_close() override;
  void absorb(peer_reply&&);

  std::unique_ptr<scripted_peer> peer_;
  std::string pending_;
  bool peer_closed_ = false;
  bool peer_reset_ = false;
};

}  // namespace conform::net
