#include "reference/tests/wire.hpp"

#include <charconv>

#include "reference/http1/ascii.hpp"

namespace conform::reference::test {

std::optional<std::string> response::field(std::string_view name) const {
  for (auto const& [n, v] : fields) {
    if (http1::iequals(n, name)) return v;
  }
  return std::nullopt;
}

std::size_t response::count(std::string_view name) const {
  std::size_t c = 0;
  for (auto const& [n, v] : fields) c += http1::iequals(n, name) ? 1 : 0;
  return c;
}

namespace {

// Reads a chunked body from `wire` at `at`; returns where it ends, or npos.
std::size_t read_chunked(std::string_view wire, std::size_t at, std::string& body) {
  while (true) {
    std::size_t const eol = wire.find("\r\n", at);
    if (eol == std::string_view::npos) return eol;
    std::size_t size = 0;
    std::from_chars(wire.data() + at, wire.data() + eol, size, 16);
    at = eol + 2;
    if (size == 0) {
      std::size_t const end = wire.find("\r\n", at);  // no trailers from our server
      return end == std::string_view::npos ? end : end + 2;
    }
    if (at + size + 2 > wire.size()) return std::string_view::npos;
    body.append(wire.substr(at, size));
    at += size + 2;
  }
}

}  // namespace

std::vector<response> parse_responses(std::string_view wire, std::vector<bool> bodiless) {
  std::vector<response> out;
  std::size_t at = 0;
  std::size_t finals = 0;
  while (at < wire.size()) {
    response r;
    std::size_t const header_end = wire.find("\r\n\r\n", at);
    if (header_end == std::string_view::npos) break;
    std::string_view const header = wire.substr(at, header_end - at);
    std::size_t line_end = header.find("\r\n");
    std::string_view const status_line = header.substr(0, line_end);
    std::from_chars(status_line.data() + 9, status_line.data() + 12, r.status);
    while (line_end != std::string_view::npos) {
      std::size_t const next = header.find("\r\n", line_end + 2);
      std::string_view const line = header.substr(line_end + 2, next - line_end - 2);
      std::size_t const colon = line.find(':');
      r.fields.emplace_back(std::string(line.substr(0, colon)), std::string(http1::trim_ows(line.substr(colon + 1))));
      line_end = next;
    }
    at = header_end + 4;
    bool const interim = r.status < 200;
    bool const head = !interim && finals < bodiless.size() && bodiless[finals];
    if (!interim) ++finals;
    if (interim || head || r.status == 204 || r.status == 304) {
      r.complete = true;
    } else if (auto cl = r.field("Content-Length")) {
      std::size_t const n = std::stoull(*cl);
      r.complete = at + n <= wire.size();
      r.body = std::string(wire.substr(at, n));
      at += n;
    } else if (r.field("Transfer-Encoding") == "chunked") {
      std::size_t const end = read_chunked(wire, at, r.body);
      r.complete = end != std::string_view::npos;
      at = r.complete ? end : wire.size();
    } else {
      r.body = std::string(wire.substr(at));  // close-delimited
      r.complete = true;
      at = wire.size();
    }
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

void drain(http1::connection& c, run_result& result) {
  while (!c.output().empty()) {
    result.output.append(c.output());
    c.consume_output(c.output().size());
  }
}

}  // namespace

run_result run_pieces(std::vector<std::string_view> const& pieces, http1_limits const& limits, bool eof) {
  http1::connection c(limits);
  run_result result;
  for (auto piece : pieces) {
    if (c.finished()) break;
    c.feed(piece);
    drain(c, result);
  }
  if (eof) {
    c.on_peer_eof();
    drain(c, result);
  }
  result.finished = c.finished();
  result.violation = c.last_violation();
  return result;
}

run_result run_whole(std::string_view input, http1_limits const& limits) { return run_pieces({input}, limits); }

run_result run_split(std::string_view input, std::size_t at, http1_limits const& limits) {
  return run_pieces({input.substr(0, at), input.substr(at)}, limits);
}

run_result run_bytewise(std::string_view input, http1_limits const& limits) {
  std::vector<std::string_view> bytes;
  for (std::size_t i = 0; i < input.size(); ++i) bytes.push_back(input.substr(i, 1));
  return run_pieces(bytes, limits);
}

void for_every_split(std::string_view input, std::function<void(run_result const&, std::string const&)> check,
                     http1_limits const& limits) {
  check(run_whole(input, limits), "whole");
  for (std::size_t at = 1; at < input.size(); ++at) {
    check(run_split(input, at, limits), "split at " + std::to_string(at));
  }
  check(run_bytewise(input, limits), "byte by byte");
}

}  // namespace conform::reference::test
