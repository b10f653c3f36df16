// Errors of the Cap'n Web reference peer. A thrown rpc_error carries the JavaScript
// error class name the TypeScript peer would use ("TypeError", "Error", "RangeError"),
// so the abort or reject it becomes is byte-identical to capnweb 0.12's.
#pragma once

#include <stdexcept>
#include <string>

#include "reference/rpc/json.hpp"

namespace conform::reference::rpc {

class rpc_error : public std::runtime_error {
 public:
  rpc_error(std::string name, std::string const& message)
      : std::runtime_error(message), name_(std::move(name)) {}
  std::string const& name() const { return name_; }
  // ["error", name, message]: the short form capnweb sends when there is no stack or props.
  json to_json() const { return json::array({"error", name_, what()}); }

 private:
  std::string name_;
};

inline rpc_error type_error(std::string const& message) { return {"TypeError", message}; }
inline rpc_error plain_error(std::string const& message) { return {"Error", message}; }

}  // namespace conform::reference::rpc
