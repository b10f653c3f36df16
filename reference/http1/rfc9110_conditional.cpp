#include "reference/http1/rfc9110_conditional.hpp"

#include <optional>

namespace conform::reference::http1 {
namespace {

bool is_weak(std::string_view tag) { return tag.substr(0, 2) == "W/"; }
std::string_view opaque(std::string_view tag) { return is_weak(tag) ? tag.substr(2) : tag; }

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text
bool is_entity_tag(std::string_view tag) {
  std::string_view const o = opaque(tag);
  if (o.size() < 2 || o.front() != '"' || o.back() != '"') return false;
  for (char c : o.substr(1, o.size() - 2)) {
    auto const u = static_cast<unsigned char>(c);
    if (u < 0x21 || u == 0x22 || u == 0x7F) return false;
  }
  return true;
}

// The members of every `name` field line: "*" or a list of entity-tags. Commas may
// occur inside an opaque-tag, so the list is split by walking the quotes.
enum class tag_match { absent, matched, unmatched };

template <class Match>
tag_match match_tag_list(request const& req, std::string_view name, std::string_view current, Match match) {
  bool present = false;
  bool matched = false;
  for (std::size_t i = 0; i < req.field_count(); ++i) {
    if (!iequals(req.field_name(i), name)) continue;
    present = true;
    std::string_view rest = trim_ows(req.field_value(i));
    if (rest == "*") return tag_match::matched;  // any current representation
    while (!rest.empty()) {
      std::size_t const open = rest.find('"');
      std::size_t const close = open == std::string_view::npos ? open : rest.find('"', open + 1);
      if (close == std::string_view::npos) break;  // unparsable: no further member matches
      std::string_view const tag = trim_ows(rest.substr(0, close + 1));
      if (is_entity_tag(tag) && match(tag, current)) matched = true;
      rest = trim_ows(rest.substr(close + 1));
      if (!rest.empty() && rest.front() == ',') rest = trim_ows(rest.substr(1));
    }
  }
  if (!present) return tag_match::absent;
  return matched ? tag_match::matched : tag_match::unmatched;
}

// A date condition: RFC 9110 §13.1.3/§13.1.4 say to ignore one that is not a single
// valid HTTP-date.
std::optional<unix_seconds> date_condition(request const& req, std::string_view name) {
  if (req.count(name) != 1) return std::nullopt;
  return parse_http_date(trim_ows(*req.find(name)));
}

}  // namespace

bool etag_strong_match(std::string_view a, std::string_view b) { return !is_weak(a) && !is_weak(b) && a == b; }
bool etag_weak_match(std::string_view a, std::string_view b) { return opaque(a) == opaque(b); }

precondition evaluate_preconditions(request const& req, validators const& current) {
  bool const get_or_head = req.verb() == method::get || req.verb() == method::head;
  // 1. If-Match; 2. else If-Unmodified-Since.
  tag_match const if_match = match_tag_list(req, "If-Match", current.etag, etag_strong_match);
  if (if_match == tag_match::unmatched) return precondition::failed;
  if (if_match == tag_match::absent) {
    auto const since = date_condition(req, "If-Unmodified-Since");
    if (since && current.last_modified > *since) return precondition::failed;
  }
  // 3. If-None-Match; 4. else If-Modified-Since, for GET and HEAD only.
  tag_match const if_none_match = match_tag_list(req, "If-None-Match", current.etag, etag_weak_match);
  if (if_none_match == tag_match::matched) {
    return get_or_head ? precondition::not_modified : precondition::failed;
  }
  if (if_none_match == tag_match::absent && get_or_head) {
    auto const since = date_condition(req, "If-Modified-Since");
    if (since && current.last_modified <= *since) return precondition::not_modified;
  }
  return precondition::proceed;
}

bool if_range_allows(request const& req, validators const& current) {
  if (req.count("If-Range") == 0) return true;
  if (req.count("If-Range") > 1) return false;
  std::string_view const value = trim_ows(*req.find("If-Range"));
  if (is_entity_tag(value)) return etag_strong_match(value, current.etag);
  auto const date = parse_http_date(value);
  return date && *date == current.last_modified;
}

}  // namespace conform::reference::http1
