// A connection that forwards to another one, recording into its own transcript: how a
// case's transcript gets the bytes of a connection accepted before the case began
// (conform serve --client-tests hands each case the client that asked for it).
#pragma once

#include <memory>
#include <string>

#include "harness/net/connection.hpp"

namespace conform::net {

class relay_connection final : public connection {
 public:
  relay_connection(transcript& log, int id, std::unique_ptr<connection> inner);

 private:
  io_status do_write(std::string_view bytes, clock::time_point deadline, std::string& error) override;
  io_status do_read(char* into, std::size_t size, std::size_t& got, clock::time_point deadline,
                    std::string& error) override;
  void do_shutdown_send() override;
  void do_close() override;

  std::unique_ptr<connection> inner_;
  std::string pending_;  // read from inner_ and not yet handed on
};

}  // namespace conform::net
