#include "harness/net/relay_connection.hpp"

#include <algorithm>
#include <cstring>

namespace conform::net {

relay_connection::relay_connection(transcript& log, int id, std::unique_ptr<connection> inner)
    : connection(log, id), inner_(std::move(inner)) {}

io_status relay_connection::do_write(std::string_view bytes, clock::time_point deadline, std::string& error) {
  auto const status = inner_->write(bytes, deadline);
  if (status == io_status::failed) error = inner_->last_error();
  return status;
}

io_status relay_connection::do_read(char* into, std::size_t size, std::size_t& got, clock::time_point deadline,
                                    std::string& error) {
  if (pending_.empty()) {
    auto const r = inner_->read_some(deadline);
    if (r.status != io_status::ok) {
      if (r.status == io_status::failed) error = inner_->last_error();
      return r.status;
    }
    pending_.assign(r.bytes);
  }
  got = std::min(size, pending_.size());
  std::memcpy(into, pending_.data(), got);
  pending_.erase(0, got);
  return io_status::ok;
}

void relay_connection::do_shutdown_send() { inner_->shutdown_send(); }
void relay_connection::do_close() { inner_->close(); }

}  // namespace conform::net
