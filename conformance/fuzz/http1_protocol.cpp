#include "conformance/fuzz/http1_protocol.hpp"

#include "conformance/http1/vectors.hpp"
#include "harness/http1/response_reader.hpp"
#include "harness/net/connection.hpp"

namespace conform::fuzz {
namespace {

using clock = std::chrono::steady_clock;

constexpr std::string_view http2_client_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

// The methods of the request lines in `input`, in order, so each response is read as
// the answer to its own request (a HEAD's answer has no content).
std::vector<std::string> request_methods(std::string_view input) {
  std::vector<std::string> methods;
  std::size_t pos = 0;
  while (pos < input.size()) {
    auto const end = input.find('\n', pos);
    auto const line = input.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    auto const sp = line.find(' ');
    if (sp != std::string_view::npos && sp > 0 && line.find(" HTTP/") != std::string_view::npos) {
      auto const token = line.substr(0, sp);
      if (token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos) methods.emplace_back(token);
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return methods;
}

// An HTTP/1.0-era simple request in the input ("GET /" and nothing after the target),
// which a server may answer the HTTP/0.9 way.
bool simple_request(std::string_view input) {
  std::size_t pos = 0;
  while (pos < input.size()) {
    auto end = input.find('\n', pos);
    if (end == std::string_view::npos) end = input.size();
    auto line = input.substr(pos, end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    // Servers skip what comes before a request line (CR, LF, stray bytes) differently.
    auto const first = line.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    line.remove_prefix(first == std::string_view::npos ? line.size() : first);
    auto const sp = line.find(' ');
    if (sp != std::string_view::npos && sp > 0 && line.find(' ', sp + 1) == std::string_view::npos &&
        line.substr(0, sp).find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos)
      return true;
    pos = end + 1;
  }
  return false;
}

class http1_protocol final : public protocol {
 public:
  std::string_view suite() const override { return "http1"; }
  bool counts_requests() const override { return true; }

  std::vector<std::string> seeds(target const& t) const override {
    auto const host = t.authority();
    std::vector<std::string> out = {
        "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 5\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: " + host + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\nGET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
        "HEAD / HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\n",
    };
    for (auto const& v : http1::all_vectors()) out.push_back(v.bytes(host, "/"));
    return out;
  }

  std::string mutate(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) const override {
    return mutate_http1(input, seeds, rng);
  }

  std::vector<std::string> units(std::string_view input) const override { return http1_units(input); }

  observation exchange(std::string_view input, target const& t, connector const& connect, transcript& log,
                       std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    auto c = connect(t, {.alpn = {"http/1.1"}}, log, until);
    observation seen;
    if (c->write(input, until) == net::io_status::ok) c->shutdown_send();
    read_answers(*c, request_methods(input), simple_request(input), input.starts_with(http2_client_preface), until, seen);
    c->close();
    return seen;
  }

  std::string health(target const& t, connector const& connect, transcript& log,
                     std::chrono::milliseconds deadline) const override {
    auto const until = clock::now() + deadline;
    std::string why;
    auto c = health_connection(t, connect, {.alpn = {"http/1.1"}}, log, until, why);
    if (!c) return why;
    std::string const probe = "GET / HTTP/1.1\r\nHost: " + t.authority() + "\r\nConnection: close\r\n\r\n";
    if (c->write(probe, until) != net::io_status::ok) return "could not send a plain GET /: " + c->last_error();
    observation seen;
    read_answers(*c, {"GET"}, false, false, until, seen);
    if (seen.responses.empty()) return "no answer to a plain GET / within " + std::to_string(deadline.count()) + " ms";
    return {};
  }

 private:
  // Reads everything the target sends until it closes (or the deadline), then frames it.
  static void read_answers(net::connection& c, std::vector<std::string> const& methods, bool http09,
                           bool http2_preface, clock::time_point until, observation& seen) {
    std::string bytes;
    for (;;) {
      auto const r = c.read_some(until);
      if (r.status == net::io_status::ok) {
        if (bytes.size() < received_cap) bytes.append(r.bytes.substr(0, received_cap - bytes.size()));
        seen.received += r.bytes.size();
        seen.answered = true;
        continue;
      }
      seen.end = ending_of(r.status);
      break;
    }
    frame_responses(bytes, methods, http09, http2_preface, seen.end == observation::ending::closed, seen);
  }

  struct one_response {
    std::size_t consumed = 0;
    int status = 0;
    std::string error = {};  // empty: a complete response
    bool announces_close = false;
  };

  static one_response read_one(std::string_view bytes, std::string_view method, bool closed) {
    h1::response_reader reader;
    reader.answering(method);
    one_response r;
    r.consumed = reader.feed(bytes);
    if (reader.current() == h1::response_reader::state::need_more) {
      if (!closed) return {r.consumed, 0, "the response is incomplete"};
      reader.end_of_input();
    }
    if (reader.current() != h1::response_reader::state::done) return {r.consumed, 0, reader.error()};
    auto const response = reader.take();
    r.status = response.status;
    r.announces_close = response.has_token("connection", "close");
    return r;
  }

  // One response after another. Which request a response answers is not always
  // knowable from mutated bytes, and a HEAD's answer has no content: where the method
  // is in doubt, the reading that ends where the next response starts wins. Only bytes
  // that no reading can frame are a violation.
  static bool looks_like_settings_frame(std::string_view b) {
    return b.size() >= 9 && b[3] == 0x04 && (b[4] == 0 || b[4] == 1) && b[5] == 0 && b[6] == 0 && b[7] == 0 && b[8] == 0;
  }

  static void frame_responses(std::string_view bytes, std::vector<std::string> const& methods, bool http09,
                              bool http2_preface, bool closed, observation& seen) {
    std::size_t index = 0;
    while (!bytes.empty()) {
      if (looks_like_settings_frame(bytes)) {
        // An HTTP/2 server preface (RFC 9113 §3.4): right after the real client preface,
        // else the target took an HTTP/1 request for HTTP/2.
        if (http2_preface) seen.responses += 'U';
        else seen.violation = "answered HTTP/1 bytes with HTTP/2 frames (a SETTINGS frame); the input was not the HTTP/2 connection preface";
        return;
      }
      if (http09 && !bytes.starts_with("HTTP/")) {
        seen.responses += 'A';  // an HTTP/0.9 answer: the bare content, no status line (RFC 9112 Appendix C.1)
        return;
      }
      auto const method = index < methods.size() ? methods[index] : std::string("GET");
      auto r = read_one(bytes, method, closed);
      auto const lands = [&](one_response const& x) {
        return x.error.empty() && (x.consumed == bytes.size() || bytes.substr(x.consumed).starts_with("HTTP/"));
      };
      if (!lands(r)) {
        auto const other = read_one(bytes, method == "HEAD" ? "GET" : "HEAD", closed);
        if (lands(other)) r = other;
      }
      if (!r.error.empty()) {
        // Still arriving at the deadline is the target's slowness, not a broken response.
        if (closed || r.error != "the response is incomplete") seen.violation = "unreadable response: " + r.error;
        return;
      }
      bytes.remove_prefix(r.consumed);
      if (r.status == 101) {
        seen.responses += 'U';  // accepted, and the connection left HTTP/1.1: nothing more to read
        return;
      }
      if (r.status >= 200) {
        seen.responses += r.status < 400 ? 'A' : 'R';
        seen.announced_close = r.announces_close;
        ++index;
      }
    }
  }

  static constexpr std::size_t received_cap = 1u << 20;
};

}  // namespace

std::unique_ptr<protocol> make_http1_protocol() { return std::make_unique<http1_protocol>(); }

}  // namespace conform::fuzz
