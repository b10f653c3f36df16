// The model server's field validation (RFC 9113 §8.2–8.3, §8.5, RFC 8441 §4), each
// check under its own rule key so a fault breaks exactly one of them.
#include <algorithm>
#include <set>

#include "conformance/http2/tests/model_server.hpp"

namespace conform::http2::testing {
namespace {

// §8.2.2: the fault that lets each connection-specific field through.
std::string_view connection_specific_rule(std::string_view name) {
  if (name == "connection") return "connection_specific";
  if (name == "keep-alive") return "keep_alive";
  if (name == "proxy-connection") return "proxy_connection";
  if (name == "transfer-encoding") return "transfer_encoding";
  if (name == "upgrade") return "upgrade";
  return {};
}

bool is_ws(char c) { return c == ' ' || c == '\t'; }

std::string value_of(h2::field_list const& fields, std::string_view name) {
  for (auto const& f : fields)
    if (f.name == name) return f.value;
  return {};
}

bool has(h2::field_list const& fields, std::string_view name) {
  return std::any_of(fields.begin(), fields.end(), [&](h2::field const& f) { return f.name == name; });
}

}  // namespace

// §8.2.1: the characters a field name and value may not hold.
bool model_server::bad_characters(h2::field const& f) const {
  std::string_view name = f.name;
  if (!name.empty() && name[0] == ':') name.remove_prefix(1);
  if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) && enforces("uppercase")) return true;
  if (name.find(' ') != std::string_view::npos && enforces("name_space")) return true;
  if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x7f; }) && enforces("name_non_ascii"))
    return true;
  auto const& v = f.value;
  if (v.find('\0') != std::string::npos && enforces("value_nul")) return true;
  if (v.find('\r') != std::string::npos && enforces("value_cr")) return true;
  if (v.find('\n') != std::string::npos && enforces("value_lf")) return true;
  if (!v.empty() && is_ws(v.front()) && enforces("value_leading_ws")) return true;
  if (!v.empty() && is_ws(v.back()) && enforces("value_trailing_ws")) return true;
  return false;
}

bool model_server::malformed(h2::field_list const& fields, bool trailers) const {
  bool regular = false;
  std::set<std::string> seen;
  for (auto const& f : fields) {
    if (bad_characters(f)) return true;
    if (!f.name.empty() && f.name[0] == ':') {
      if (trailers && enforces("pseudo_in_trailers")) return true;
      if (regular && enforces("pseudo_after_regular")) return true;
      bool const known = f.name == ":method" || f.name == ":scheme" || f.name == ":path" || f.name == ":authority" ||
                         (f.name == ":protocol" && !broken("no_connect_protocol"));
      if (!known && enforces(f.name == ":status" ? "response_pseudo" : "unknown_pseudo")) return true;
      if (!seen.insert(f.name).second && enforces("duplicate_pseudo")) return true;
      if (f.name == ":path" && f.value.empty() && enforces("empty_path")) return true;
      if (f.name == ":path" && f.value == "*" && broken("refuse_options_asterisk")) return true;
      continue;
    }
    regular = true;
    if (auto const rule = connection_specific_rule(f.name); !rule.empty() && enforces(rule)) return true;
    if (f.name == "te" && f.value != "trailers" && enforces("te")) return true;
    if (f.name == "te" && f.value == "trailers" && broken("refuse_te_trailers")) return true;
    if (f.name == "host" && seen.count(":authority") && f.value != value_of(fields, ":authority") && enforces("host_mismatch"))
      return true;
  }
  if (trailers) return false;
  if (value_of(fields, ":method") == "CONNECT" && !has(fields, ":protocol")) return malformed_connect(fields);
  for (char const* p : {":method", ":scheme", ":path"})
    if (!seen.count(p) && enforces("missing_pseudo")) return true;
  return false;
}

// §8.5: a CONNECT names :authority only.
bool model_server::malformed_connect(h2::field_list const& fields) const {
  if (has(fields, ":scheme") && enforces("connect_scheme")) return true;
  if (has(fields, ":path") && enforces("connect_path")) return true;
  if (!has(fields, ":authority") && enforces("connect_authority")) return true;
  return broken("refuse_connect") && (!has(fields, ":scheme") || !has(fields, ":path"));
}

}  // namespace conform::http2::testing
