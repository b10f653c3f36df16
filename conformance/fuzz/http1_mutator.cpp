// The HTTP/1 mutator: changes at the places parsers disagree on (the HTTP Garden's list
// of server bugs and the smuggling permutations): line terminators, whitespace around
// names and values, duplicated and conflicting framing fields, number syntax, chunk
// sizes and extensions, request-line forms, and requests glued behind requests.
#include <array>
#include <string>

#include "conformance/fuzz/http1_protocol.hpp"

namespace conform::fuzz {
namespace {

using rng_t = std::mt19937_64;

template <class T, std::size_t N>
T const& pick(std::array<T, N> const& a, rng_t& rng) {
  return a[rng() % N];
}

std::size_t below(std::size_t n, rng_t& rng) { return n == 0 ? 0 : rng() % n; }

constexpr std::array<std::string_view, 6> terminators = {"\r\n", "\n", "\r", "\r\r\n", " \r\n", "\n\r"};
constexpr std::array<std::string_view, 16> numbers = {
    "0", "-1", "+5", "05", "0x5", "5 ", " 5", "5,5", "5, 6", "4294967301", "18446744073709551621",
    "99999999999999999999999", "1e1", "5.0", "\xd9\xa5", ""};
constexpr std::array<std::string_view, 14> chunk_sizes = {
    "0", "00000000000000005", "0x5", "5 ", "5\t", "5;a=b", "5;a=\"b;c\"", "5;\n", "-5", "+5", "fffffffffffffffff5",
    "5 ;x", "5\x00", "G"};
constexpr std::array<std::string_view, 20> fields = {
    "Transfer-Encoding: chunked", "Transfer-Encoding: chunked, identity", "Transfer-Encoding: identity, chunked",
    "Transfer-Encoding:\tchunked", "Transfer-Encoding : chunked", " Transfer-Encoding: chunked",
    "Transfer-Encoding: xchunked", "Transfer-Encoding: \"chunked\"", "Transfer-Encoding: CHUNKED",
    "Content-Length: 0", "Content-Length: 5", "Content-Length: 500", "Content-Length: 5, 5",
    "Host: other.example", "Connection: close", "Connection: keep-alive", "Expect: 100-continue",
    "Upgrade: websocket", "X: a\r\n b", "Trailer: Content-Length"};
constexpr std::array<std::string_view, 12> bad_bytes = {
    std::string_view("\0", 1), "\r", "\n", "\x0b", "\x0c", "\x7f", "\x80", "\xff", " ", "\t", ":", ","};
constexpr std::array<std::string_view, 10> methods = {"GET", "POST", "HEAD", "PUT", "OPTIONS", "CONNECT", "get",
                                                      "G\x00T", "TRACE", "PRI"};
constexpr std::array<std::string_view, 9> targets = {"/", "*", "http://other.example/", "example.com:80", "//",
                                                     "/?a=b#c", "/%00", "/\x7f", "/a b"};
constexpr std::array<std::string_view, 9> versions = {"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.10", "http/1.1",
                                                      "HTTP/1.1 ", "HTTP/0.9", "HTTP/1", "HTTP/9.9"};

// A request as lines with their terminators, the head's end, and the body.
struct shape {
  std::vector<std::string> lines;  // each with its own terminator
  std::string body;
};

shape split(std::string_view input) {
  shape s;
  std::size_t pos = 0;
  while (pos < input.size()) {
    auto const nl = input.find('\n', pos);
    if (nl == std::string_view::npos) {
      s.lines.emplace_back(input.substr(pos));
      return s;
    }
    s.lines.emplace_back(input.substr(pos, nl + 1 - pos));
    pos = nl + 1;
    auto const& line = s.lines.back();
    if (line == "\r\n" || line == "\n") break;  // end of the head
  }
  s.body = std::string(input.substr(pos));
  return s;
}

std::string join(shape const& s) {
  std::string out;
  for (auto const& l : s.lines) out += l;
  return out + s.body;
}

// The line's content and its terminator, apart.
std::pair<std::string, std::string> cut(std::string const& line) {
  auto const end = line.find_last_not_of("\r\n");
  if (end == std::string::npos) return {"", line};
  return {line.substr(0, end + 1), line.substr(end + 1)};
}

void retire_line(shape& s, rng_t& rng) {
  if (s.lines.empty()) return;
  auto& line = s.lines[below(s.lines.size(), rng)];
  auto [content, ending] = cut(line);
  line = content + std::string(pick(terminators, rng));
}

// Field lines are those between the request line and the empty line.
std::size_t field_line(shape const& s, rng_t& rng) {
  if (s.lines.size() < 3) return 0;
  return 1 + below(s.lines.size() - 2, rng);
}

void field_edit(shape& s, rng_t& rng) {
  auto const i = field_line(s, rng);
  if (i == 0) {
    s.lines.insert(s.lines.begin() + (s.lines.empty() ? 0 : 1), std::string(pick(fields, rng)) + "\r\n");
    return;
  }
  switch (rng() % 4) {
    case 0: s.lines.insert(s.lines.begin() + static_cast<std::ptrdiff_t>(i), s.lines[i]); break;  // duplicate
    case 1: s.lines.erase(s.lines.begin() + static_cast<std::ptrdiff_t>(i)); break;
    case 2: s.lines.insert(s.lines.begin() + static_cast<std::ptrdiff_t>(i), std::string(pick(fields, rng)) + "\r\n"); break;
    default: {  // whitespace or case around the colon
      auto [content, ending] = cut(s.lines[i]);
      auto const colon = content.find(':');
      if (colon == std::string::npos) break;
      auto const name = content.substr(0, colon), value = content.substr(colon + 1);
      std::array<std::string, 4> const forms = {name + " :" + value, name + ":" + value + " \t", " " + content,
                                                name + ":" + (value.empty() ? value : value.substr(1))};
      s.lines[i] = forms[rng() % forms.size()] + ending;
    }
  }
}

// Replaces the first run of digits on a field line (a Content-Length, a port) with an
// interesting number.
void number_edit(shape& s, rng_t& rng) {
  auto const i = field_line(s, rng);
  if (i == 0) return;
  auto& line = s.lines[i];
  auto const colon = line.find(':');
  auto const first = line.find_first_of("0123456789", colon == std::string::npos ? 0 : colon);
  if (first == std::string::npos) return;
  auto const last = line.find_first_not_of("0123456789", first);
  line.replace(first, (last == std::string::npos ? line.size() : last) - first, pick(numbers, rng));
}

void byte_insert(shape& s, rng_t& rng) {
  if (s.lines.empty()) return;
  auto& line = s.lines[below(s.lines.size(), rng)];
  line.insert(below(line.size() + 1, rng), pick(bad_bytes, rng));
}

void request_line_edit(shape& s, rng_t& rng) {
  if (s.lines.empty()) return;
  auto [content, ending] = cut(s.lines[0]);
  auto const a = content.find(' '), b = content.rfind(' ');
  if (a == std::string::npos || b == a) return;
  std::string method = content.substr(0, a), path = content.substr(a + 1, b - a - 1), version = content.substr(b + 1);
  std::string sep = " ";
  switch (rng() % 4) {
    case 0: method = pick(methods, rng); break;
    case 1: path = pick(targets, rng); break;
    case 2: version = pick(versions, rng); break;
    default: sep = rng() % 2 ? "  " : "\t";
  }
  s.lines[0] = method + sep + path + sep + version + ending;
}

// The first chunk-size line of the body gets another spelling.
void chunk_edit(shape& s, rng_t& rng) {
  auto const end = s.body.find('\n');
  if (end == std::string::npos) {
    s.body += rng() % 2 ? "0\r\n\r\n" : "5\r\nhello\r\n";
    return;
  }
  auto const size_end = s.body.find_first_of(";\r\n");
  s.body.replace(0, size_end, pick(chunk_sizes, rng));
}

void body_edit(shape& s, rng_t& rng) {
  switch (rng() % 3) {
    case 0: s.body.resize(below(s.body.size() + 1, rng)); break;
    case 1: s.body += "0\r\n\r\n"; break;
    default: chunk_edit(s, rng);
  }
}

void havoc(std::string& bytes, rng_t& rng) {
  if (bytes.empty()) return;
  auto const at = below(bytes.size(), rng);
  switch (rng() % 3) {
    case 0: bytes[at] = static_cast<char>(rng()); break;
    case 1: bytes.erase(at, 1 + below(8, rng)); break;
    default: bytes.insert(at, 1, static_cast<char>(rng()));
  }
}

}  // namespace

std::string mutate_http1(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) {
  auto s = split(input);
  auto const rounds = 1 + rng() % 3;
  for (std::size_t r = 0; r < rounds; ++r) {
    switch (rng() % 9) {
      case 0: retire_line(s, rng); break;
      case 1:
      case 2: field_edit(s, rng); break;
      case 3: number_edit(s, rng); break;
      case 4: byte_insert(s, rng); break;
      case 5: request_line_edit(s, rng); break;
      case 6: body_edit(s, rng); break;
      case 7: chunk_edit(s, rng); break;
      default:  // a second request glued behind: pipelining, and the canary for desync
        if (!seeds.empty()) s.body += seeds[rng() % std::min<std::size_t>(seeds.size(), 6)];
    }
  }
  auto out = join(s);
  if (rng() % 10 == 0) havoc(out, rng);
  return out;
}

std::vector<std::string> http1_units(std::string_view input) {
  std::vector<std::string> units;
  std::size_t pos = 0;
  while (pos < input.size()) {
    auto const nl = input.find('\n', pos);
    auto const end = nl == std::string_view::npos ? input.size() : nl + 1;
    units.emplace_back(input.substr(pos, end - pos));
    pos = end;
  }
  return units;
}

}  // namespace conform::fuzz
