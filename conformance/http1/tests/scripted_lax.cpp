// fault::lax_parser: a request head read the way lenient real-world parsers read it —
// the behaviours behind the HTTP Garden's and the smuggling tools' findings. Lines end
// at LF and lose every CR; request-line whitespace of any kind is one SP; lines that
// start with whitespace or lack a colon are skipped; names lose non-token bytes and
// values lose control bytes; a Transfer-Encoding that mentions "chunked" is chunked and
// any other is ignored, and so is a second one; Content-Length is whatever strtoull reads; and when both
// framing fields remain, Content-Length wins.
#include <cctype>
#include <cstdlib>
#include <vector>

#include "conformance/http1/tests/scripted_server.hpp"

namespace conform::http1::testing {
namespace {

bool lax_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\0'; }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string request_line(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (!lax_space(c)) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// One field line, or nothing when a lenient parser would skip it.
std::optional<std::pair<std::string, std::string>> field_line(std::string_view line) {
  if (line.empty() || lax_space(line.front())) return std::nullopt;
  auto const colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string name, value;
  for (char c : line.substr(0, colon))
    if (is_token(std::string_view(&c, 1))) name += c;
  for (char c : line.substr(colon + 1)) {
    auto const u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) value += c;
    else if (c == '\t') value += ' ';
  }
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  while (!value.empty() && value.back() == ' ') value.pop_back();
  if (name.empty()) return std::nullopt;
  auto const lname = lower(name);
  if (lname == "transfer-encoding") {
    if (lower(value).find("chunked") == std::string::npos) return std::nullopt;
    value = "chunked";
  } else if (lname == "content-length") {
    value = std::to_string(std::strtoull(value.c_str(), nullptr, 10));
  }
  return std::pair{name, value};
}

}  // namespace

bool lax_rewrite_head(std::string& buffer, std::size_t start) {
  std::vector<std::string> lines;
  std::size_t at = start;
  for (;;) {
    auto const lf = buffer.find('\n', at);
    if (lf == std::string::npos) return false;
    std::string line;
    for (char c : std::string_view(buffer).substr(at, lf - at))
      if (c != '\r') line += c;
    at = lf + 1;
    if (line.empty() && lines.empty()) continue;  // empty lines before the request line
    if (line.empty()) break;
    lines.push_back(std::move(line));
  }
  std::string head = request_line(lines.front()) + "\r\n";
  std::vector<std::pair<std::string, std::string>> fields;
  bool te = false, cl = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (auto f = field_line(lines[i])) {
      bool const is_te = lower(f->first) == "transfer-encoding";
      if (is_te && te) continue;  // the first Transfer-Encoding wins
      te = te || is_te;
      cl = cl || lower(f->first) == "content-length";
      fields.push_back(std::move(*f));
    }
  }
  for (auto const& [name, value] : fields)
    if (!(te && cl && lower(name) == "transfer-encoding")) head += name + ": " + value + "\r\n";
  head += "\r\n";
  buffer.replace(start, at - start, head);
  return true;
}

std::uint64_t lax_chunk_size(std::string_view line) {
  std::string const s(line);
  return std::strtoull(s.c_str(), nullptr, 16);
}

}  // namespace conform::http1::testing
