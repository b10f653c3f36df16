#include "reference/http2/rfc9113_8_fields.hpp"

#include <array>

namespace conform::reference::http2 {
namespace {

// RFC 9110 §5.1 token characters, lowercase only (RFC 9113 §8.2.1).
bool name_char(unsigned char c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= '0' && c <= '9') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// §8.2.1: the checks every field name and value must pass.
std::string_view check_field(hpack::header_field const& f) {
  std::string_view name = f.name;
  if (name.empty()) return "field_name_empty";
  if (name.front() == ':') name.remove_prefix(1);
  for (unsigned char c : name) {
    if (c >= 'A' && c <= 'Z') return "field_name_uppercase";
    if (!name_char(c)) return "field_name_invalid";
  }
  for (unsigned char c : f.value)
    if (c == 0 || c == '\r' || c == '\n') return "field_value_invalid";
  if (!f.value.empty()) {
    unsigned char const first = f.value.front(), last = f.value.back();
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t') return "field_value_whitespace";
  }
  return {};
}

// §8.2.2: fields that only mean something to one HTTP/1.1 connection.
std::string_view check_connection_specific(hpack::header_field const& f) {
  constexpr std::array<std::string_view, 5> banned = {"connection", "keep-alive", "proxy-connection",
                                                      "transfer-encoding", "upgrade"};
  for (auto b : banned)
    if (f.name == b) return "connection_specific_field";
  if (f.name == "te" && f.value != "trailers") return "te_not_trailers";
  return {};
}

bool parse_length(std::string_view text, std::uint64_t& value) {
  if (text.empty() || text.size() > 19) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

// §8.3.1: one pseudo-header field; `seen` guards against repeats.
std::string_view take_pseudo(hpack::header_field& f, request_head& head, unsigned& seen) {
  struct slot {
    std::string_view name;
    std::string request_head::*member;
    unsigned bit;
  };
  static constexpr std::array<slot, 4> slots = {{{":method", &request_head::method, 1},
                                                 {":scheme", &request_head::scheme, 2},
                                                 {":authority", &request_head::authority, 4},
                                                 {":path", &request_head::path, 8}}};
  for (auto const& s : slots) {
    if (f.name != s.name) continue;
    if (seen & s.bit) return "pseudo_header_duplicate";
    seen |= s.bit;
    head.*s.member = std::move(f.value);
    return {};
  }
  return f.name == ":status" ? "pseudo_header_response_in_request" : "pseudo_header_unknown";
}

}  // namespace

field_check check_request_fields(std::vector<hpack::header_field>&& fields) {
  field_check out;
  auto& head = out.head;
  unsigned seen = 0;
  bool regular_seen = false;
  std::optional<std::string> host;
  for (auto& f : fields) {
    if (auto v = check_field(f); !v.empty()) return {v, {}};
    if (f.name.front() == ':') {
      if (regular_seen) return {"pseudo_header_after_regular", {}};  // §8.3
      if (auto v = take_pseudo(f, head, seen); !v.empty()) return {v, {}};
      continue;
    }
    regular_seen = true;
    if (auto v = check_connection_specific(f); !v.empty()) return {v, {}};
    if (f.name == "content-length") {
      std::uint64_t n = 0;
      if (!parse_length(f.value, n) || (head.content_length && *head.content_length != n))
        return {"content_length_invalid", {}};
      head.content_length = n;
    }
    if (f.name == "host") host = f.value;
    head.fields.push_back(std::move(f));
  }
  if (head.method == "CONNECT") {
    // §8.5: :authority only; the reference is no proxy and answers 405 to a valid one.
    if ((seen & 4) == 0 || (seen & 2) || (seen & 8)) return {"connect_pseudo_headers", {}};
    return out;
  }
  if ((seen & 1) == 0 || (seen & 2) == 0 || (seen & 8) == 0) return {"pseudo_header_missing", {}};
  if (head.path.empty()) return {"path_empty", {}};  // §8.3.1
  // §8.3.1: a Host that names another origin than :authority (SHOULD: we do).
  if (host && (seen & 4) && *host != head.authority) return {"host_authority_mismatch", {}};
  return out;
}

std::string_view check_trailer_fields(std::vector<hpack::header_field> const& fields) {
  for (auto const& f : fields) {
    if (auto v = check_field(f); !v.empty()) return v;
    if (f.name.front() == ':') return "pseudo_header_in_trailers";
    if (auto v = check_connection_specific(f); !v.empty()) return v;
  }
  return {};
}

}  // namespace conform::reference::http2
