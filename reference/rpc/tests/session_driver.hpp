// Feeds messages to a reference session serving the test interface and collects what
// it answers.
#pragma once

#include <string>
#include <vector>

#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"

namespace conform::reference::rpc::testing {

struct driver {
  session s{make_test_target()};

  // Sends each message in order, returns everything the session produced.
  std::vector<std::string> send(std::vector<std::string> const& messages) {
    for (auto const& m : messages) s.receive(m);
    return s.take_output();
  }
};

}  // namespace conform::reference::rpc::testing
