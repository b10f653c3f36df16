// One decoded or to-be-encoded header field.
#pragma once

#include <string>

namespace conform::reference::hpack {

struct header_field {
  std::string name;
  std::string value;
  bool never_indexed = false;  // RFC 7541 §6.2.3: intermediaries must keep it literal

  bool operator==(header_field const&) const = default;
};

// RFC 7541 §4.1: an entry's size is its name and value plus 32 octets of overhead.
inline std::size_t entry_size(std::string const& name, std::string const& value) {
  return name.size() + value.size() + 32;
}

}  // namespace conform::reference::hpack
