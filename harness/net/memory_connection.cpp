#include "harness/net/memory_connection.hpp"

#include <algorithm>
#include <cstring>

namespace conform::net {

memory_connection::memory_connection(transcript& log, int id, std::unique_ptr<scripted_peer> peer)
    : connection(log, id), peer_(std::move(peer)) {}

io_status memory_connection::do_write(std::string_view bytes, clock::time_point, std::string& error) {
  if (peer_reset_) return io_status::reset;
  if (peer_closed_) {
    error = "broken pipe: the peer has closed";
    return io_status::failed;
  }
  peer_reply reply;
  peer_->receive(bytes, reply);
  absorb(std::move(reply));
  return io_status::ok;
}

io_status memory_connection::do_read(char* into, std::size_t size, std::size_t& got, clock::time_point,
                                     std::string& error) {
  got = 0;
  if (!pending_.empty()) {
    got = std::min(size, pending_.size());
    std::memcpy(into, pending_.data(), got);
    pending_.erase(0, got);
    return io_status::ok;
  }
  if (peer_reset_) return io_status::reset;
  if (peer_closed_) return io_status::eof;
  peer_reply reply;
  peer_->idle(reply);
  absorb(std::move(reply));
  if (!pending_.empty() || peer_closed_ || peer_reset_) return do_read(into, size, got, {}, error);
  return io_status::timeout;
}

void memory_connection::do_shutdown_send() {
  if (peer_closed_) return;
  peer_reply reply;
  peer_->end_of_input(reply);
  absorb(std::move(reply));
}

void memory_connection::do_close() {}

void memory_connection::absorb(peer_reply&& reply) {
  if (peer_closed_) return;
  pending_ += reply.bytes;
  peer_closed_ = reply.close || reply.reset;
  peer_reset_ = reply.reset;
}

}  // namespace conform::net
