#include "reference/hpack/encoder.hpp"

#include <algorithm>

#include "reference/hpack/rfc7541_5_primitives.hpp"

namespace conform::reference::hpack {
namespace {

// The most table space one encoder uses: a larger table mostly costs the peer memory.
constexpr std::size_t preferred_table_size = 4096;

// Fields whose values are secrets or change on every request; keeping them out of the
// table protects them from compression side channels (RFC 7541 §7.1.3).
bool sensitive(header_field const& field) {
  return field.never_indexed || field.name == "authorization" || field.name == "proxy-authorization" ||
         (field.name == "cookie" && field.value.size() < 20);
}

}  // namespace

void encoder::set_max_table_size(std::size_t peer_limit) {
  pending_update_ = std::min(peer_limit, preferred_table_size);
}

void encoder::encode(std::span<header_field const> fields, std::string& out) {
  if (pending_update_) {
    table_.set_max_size(*pending_update_);
    encode_integer(out, 0x20, 5, *pending_update_);  // §6.3
    pending_update_.reset();
  }
  for (auto const& field : fields) encode_field(field, out);
}

void encoder::encode_field(header_field const& field, std::string& out) {
  bool const secret = sensitive(field);
  auto const match = find(table_, field.name, field.value);
  if (match.full != 0 && !secret) {
    encode_integer(out, 0x80, 7, match.full);  // §6.1
    return;
  }
  bool const add = !secret && entry_size(field.name, field.value) <= table_.max_size() / 2;
  if (secret) {
    encode_integer(out, 0x10, 4, match.name_only);  // §6.2.3
  } else if (add) {
    encode_integer(out, 0x40, 6, match.name_only);  // §6.2.1
  } else {
    encode_integer(out, 0x00, 4, match.name_only);  // §6.2.2
  }
  if (match.name_only == 0) encode_string(out, field.name);
  encode_string(out, field.value);
  if (add) table_.add(field.name, field.value);
}

}  // namespace conform::reference::hpack
