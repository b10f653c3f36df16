#include "reference/http1/upgrade.hpp"

#include "reference/websocket/opening_handshake.hpp"

namespace conform::reference::http1 {
namespace {

struct upgrade_route {
  std::string_view path;
  upgrade_check check;
};

// One row per protocol reached through an Upgrade; the transport's own table
// (server/upgrade_dispatch.cpp) says who serves the connection afterwards.
constexpr upgrade_route upgrade_routes[] = {
    {"/ws", &websocket::check_opening},
};

}  // namespace

upgrade_check find_upgrade(std::string_view path) {
  for (auto const& r : upgrade_routes)
    if (r.path == path) return r.check;
  return nullptr;
}

}  // namespace conform::reference::http1
