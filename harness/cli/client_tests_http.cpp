#include "harness/cli/client_tests_http.hpp"

#include <algorithm>
#include <cctype>

#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/handshake.hpp"

namespace conform::cli {
namespace {

constexpr std::size_t max_head = 16u << 10;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') out += ' ';
    else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
             std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void parse_target(std::string_view target, opening_request& req) {
  auto const q = target.find('?');
  req.path = std::string(target.substr(0, q));
  if (q == std::string_view::npos) return;
  auto query = target.substr(q + 1);
  while (!query.empty()) {
    auto const amp = query.find('&');
    auto const pair = query.substr(0, amp);
    auto const eq = pair.find('=');
    req.params[percent_decoded(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : percent_decoded(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
}

ws::frame_spec unmasked(ws::frame_spec f) {
  f.masked = false;  // we are the server (RFC 6455 §5.1)
  return f;
}

}  // namespace

opening_request read_opening(net::connection& c, std::chrono::steady_clock::time_point until) {
  opening_request req;
  std::string head;
  while (head.find("\r\n\r\n") == std::string::npos) {
    if (head.size() > max_head) return req.error = "a request head above 16 KiB", req;
    auto const r = c.read_some(until);
    if (r.status != net::io_status::ok)
      return req.error = "no complete request (" + std::string(net::to_string(r.status)) + ")", req;
    head += r.bytes;
  }
  head.resize(head.find("\r\n\r\n"));
  auto const line_end = head.find("\r\n");
  auto const line = head.substr(0, line_end);
  auto const sp1 = line.find(' '), sp2 = line.rfind(' ');
  if (sp1 == std::string::npos || sp2 == sp1 || line.substr(0, sp1) != "GET")
    return req.error = "not a GET request line: " + line.substr(0, 80), req;
  parse_target(std::string_view(line).substr(sp1 + 1, sp2 - sp1 - 1), req);
  std::size_t at = line_end == std::string::npos ? head.size() : line_end + 2;
  while (at < head.size()) {
    auto const end = std::min(head.find("\r\n", at), head.size());
    auto const field = std::string_view(head).substr(at, end - at);
    auto const colon = field.find(':');
    if (colon != std::string_view::npos) {
      auto const name = lower(field.substr(0, colon));
      auto value = field.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      if (name == "sec-websocket-key") req.key = std::string(value);
      if (name == "upgrade" && lower(value) == "websocket") req.upgrade = true;
    }
    at = end + 2;
  }
  return req;
}

bool answer_opening(net::connection& c, opening_request const& req, std::chrono::steady_clock::time_point until) {
  if (!req.upgrade || req.key.empty()) {
    (void)c.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", until);
    c.close();
    return false;
  }
  std::string const answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: " + ws::accept_for(req.key) + "\r\nServer: conform\r\n\r\n";
  return c.write(answer, until) == net::io_status::ok;
}

void send_text_and_close(net::connection& c, std::string const& text, std::chrono::steady_clock::time_point until) {
  std::string bytes;
  if (!text.empty()) bytes += ws::encode(unmasked(ws::text_frame(text)));
  bytes += ws::encode(unmasked(ws::close_frame(1000)));
  if (c.write(bytes, until) == net::io_status::ok) {
    ws::frame_reader reader(1u << 20);
    ws::frame f;
    bool closed = false;
    while (!closed) {
      auto const r = c.read_some(until);
      if (r.status != net::io_status::ok) break;
      reader.feed(r.bytes);
      for (auto st = reader.next(f); st == ws::frame_reader::state::frame; st = reader.next(f)) closed |= f.op == 0x8;
    }
  }
  c.close();
}

std::string json_escape(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\', out += ch;
    else if (static_cast<unsigned char>(ch) < 0x20) out += ' ';
    else out += ch;
  }
  return out;
}

}  // namespace conform::cli
