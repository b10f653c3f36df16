// The vector file reader: headings start vectors, `<!-- defaults={…} -->` sets what the
// vectors after it inherit, `<!-- meta={…} -->` completes a vector, and one ```http
// block holds its input with every byte escaped (markdown line breaks are not bytes).
#include "conformance/http1/vectors.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

namespace conform::http1 {
namespace {

using json = nlohmann::json;

std::set<std::string, std::less<>> const meta_keys = {"id", "rfc", "level", "requirement", "accept", "statuses", "body", "see_also"};

std::optional<vector_outcome> outcome_named(std::string_view s) {
  for (auto o : {vector_outcome::reject, vector_outcome::reject_open, vector_outcome::frame, vector_outcome::frame_then_close})
    if (to_string(o) == s) return o;
  return std::nullopt;
}

std::optional<requirement_level> level_named(std::string_view s) {
  if (s == "MUST") return requirement_level::must;
  if (s == "SHOULD") return requirement_level::should;
  if (s == "MAY") return requirement_level::may;
  return std::nullopt;
}

bool valid_id(std::string_view id) {
  if (!id.starts_with("http1/") || id.ends_with("/")) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.';
  });
}

// Applies one meta or defaults object onto `v`; returns the first problem found.
std::string apply_meta(json const& meta, request_vector& v) {
  if (meta.is_discarded()) return "not valid JSON";
  if (!meta.is_object()) return "meta must be a JSON object";
  for (auto const& [key, value] : meta.items()) {
    if (!meta_keys.contains(key)) return "unknown meta key '" + key + "'";
    if (key == "id" || key == "rfc" || key == "requirement" || key == "level" || (key == "body" && !value.is_null())) {
      if (!value.is_string()) return "'" + key + "' must be a string";
    }
    if (key == "id") v.id = value.get<std::string>();
    else if (key == "rfc") v.section = value.get<std::string>();
    else if (key == "requirement") v.requirement = value.get<std::string>();
    else if (key == "body") v.body = value.is_null() ? std::nullopt : std::optional(value.get<std::string>());
    else if (key == "level") {
      auto const l = level_named(value.get<std::string>());
      if (!l) return "'level' must be MUST, SHOULD or MAY";
      v.level = *l;
    } else if (key == "accept") {
      if (!value.is_array() || value.empty()) return "'accept' must be a non-empty array";
      v.accept.clear();
      for (auto const& a : value) {
        auto const o = a.is_string() ? outcome_named(a.get<std::string>()) : std::nullopt;
        if (!o) return "'accept' holds an unknown outcome " + a.dump();
        v.accept.push_back(*o);
      }
    } else if (key == "statuses") {
      if (!value.is_array() || value.empty()) return "'statuses' must be a non-empty array";
      v.statuses.clear();
      for (auto const& s : value) {
        if (!s.is_number_integer() || s.get<int>() < 300 || s.get<int>() > 599) return "'statuses' holds " + s.dump() + ", not a 3xx, 4xx or 5xx status";
        v.statuses.push_back(s.get<int>());
      }
    } else if (key == "see_also") {
      if (!value.is_array()) return "'see_also' must be an array of strings";
      v.see_also.clear();
      for (auto const& s : value) {
        if (!s.is_string()) return "'see_also' must be an array of strings";
        v.see_also.push_back(s.get<std::string>());
      }
    }
  }
  return {};
}

std::optional<json> comment_json(std::string_view line, std::string_view key) {
  auto const open = "<!-- " + std::string(key) + "=";
  if (!line.starts_with(open) || !line.ends_with("-->")) return std::nullopt;
  auto const body = line.substr(open.size(), line.size() - open.size() - 3);
  return json::parse(body, nullptr, false);
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view to_string(vector_outcome o) {
  switch (o) {
    case vector_outcome::reject: return "reject";
    case vector_outcome::reject_open: return "reject-open";
    case vector_outcome::frame: return "frame";
    case vector_outcome::frame_then_close: return "frame-then-close";
  }
  return "?";
}

bool request_vector::accepts(vector_outcome o) const { return std::find(accept.begin(), accept.end(), o) != accept.end(); }

std::string request_vector::bytes(std::string_view host, std::string_view path) const {
  std::string out;
  for (auto const& p : input) {
    switch (p.what) {
      case vector_piece::kind::bytes: out += p.bytes; break;
      case vector_piece::kind::host: out += host; break;
      case vector_piece::kind::path: out += path; break;
    }
  }
  return out;
}

std::string request_vector::method() const {
  auto const first = bytes("", "");
  auto const end = first.find_first_of(" \t\r\n");
  return first.substr(0, end);
}

bool decode_input_line(std::string_view line, std::vector<vector_piece>& out, std::string& error) {
  auto literal = [&]() -> std::string& {
    if (out.empty() || out.back().what != vector_piece::kind::bytes) out.push_back({});
    return out.back().bytes;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    char const c = line[i];
    if (c == '{') {
      auto const close = line.find('}', i);
      auto const name = line.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      if (name == "host") out.push_back({.what = vector_piece::kind::host});
      else if (name == "path") out.push_back({.what = vector_piece::kind::path});
      else return error = "unknown placeholder at column " + std::to_string(i + 1) + " (write \\{ for a literal brace)", false;
      i = close;
      continue;
    }
    if (c != '\\') {
      literal() += c;
      continue;
    }
    if (i + 1 >= line.size()) return error = "a backslash ends the line", false;
    char const e = line[++i];
    switch (e) {
      case 'r': literal() += '\r'; break;
      case 'n': literal() += '\n'; break;
      case 't': literal() += '\t'; break;
      case '0': literal() += '\0'; break;
      case '\\': case '{': case '}': literal() += e; break;
      case 'x': {
        int const hi = i + 2 < line.size() ? hex_value(line[i + 1]) : -1;
        int const lo = i + 2 < line.size() ? hex_value(line[i + 2]) : -1;
        if (hi < 0 || lo < 0) return error = "\\x needs two hex digits at column " + std::to_string(i), false;
        literal() += static_cast<char>(hi * 16 + lo);
        i += 2;
        break;
      }
      default: return error = std::string("unknown escape \\") + e + " at column " + std::to_string(i), false;
    }
  }
  return true;
}

std::vector<request_vector> parse_vectors(std::string_view text, std::string_view file, std::vector<std::string>& errors) {
  std::vector<request_vector> out;
  request_vector defaults;
  std::optional<request_vector> current;
  bool in_input = false, has_meta = false, has_input = false;
  int line_no = 0;
  auto problem = [&](int at, std::string const& what) { errors.push_back(std::string(file) + ":" + std::to_string(at) + ": " + what); };
  auto finish = [&] {
    if (!current) return;
    auto& v = *current;
    std::size_t const before = errors.size();
    if (!has_meta) problem(v.line, "vector has no <!-- meta={...} --> line");
    if (!has_input) problem(v.line, "vector has no ```http input block");
    if (!valid_id(v.id)) problem(v.line, "id '" + v.id + "' is not an http1/ slug of [a-z0-9-/.]");
    if (v.section.empty() || v.requirement.empty() || v.accept.empty()) problem(v.line, "rfc, requirement and accept are required");
    if (std::any_of(out.begin(), out.end(), [&](auto const& o) { return o.id == v.id; })) problem(v.line, "duplicate id " + v.id);
    if (errors.size() == before) out.push_back(std::move(v));
    current.reset();
  };

  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto const nl = text.find('\n', pos);
    auto const raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    auto const line = trim_end(raw);
    if (in_input) {
      if (line == "```") {
        in_input = false;
        has_input = true;
        continue;
      }
      std::string error;
      if (!decode_input_line(line, current->input, error)) problem(line_no, error);
      continue;
    }
    if (line.starts_with("## ")) {
      finish();
      current = defaults;
      current->title = std::string(line.substr(3));
      current->file = std::string(file);
      current->line = line_no;
      has_meta = has_input = false;
    } else if (auto d = comment_json(line, "defaults")) {
      finish();
      defaults = {};  // a defaults line replaces the one before it
      if (auto const e = apply_meta(*d, defaults); !e.empty()) problem(line_no, e);
    } else if (auto m = comment_json(line, "meta")) {
      if (!current) problem(line_no, "meta before any ## heading");
      else if (auto const e = apply_meta(*m, *current); !e.empty()) problem(line_no, e);
      else has_meta = true;
    } else if (line.starts_with("<!--")) {
      problem(line_no, "a comment that is neither meta={...} nor defaults={...} with valid JSON");
    } else if (line == "```http") {
      if (!current || has_input) problem(line_no, "an input block outside a vector, or a second one");
      else in_input = true;
    } else if (current && has_meta && !has_input && !line.empty()) {
      if (!current->why.empty()) current->why += ' ';
      current->why += line;
    }
  }
  if (in_input) problem(line_no, "input block not closed");
  finish();
  return out;
}

}  // namespace conform::http1
