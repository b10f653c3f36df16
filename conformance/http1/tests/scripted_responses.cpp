// The model server's output side: the target profile's endpoints and how responses
// are written — each deviation behind the fault that names it.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "conformance/http1/tests/scripted_server.hpp"

namespace conform::http1::testing {
std::string_view reason(int status) {
  switch (status) {
    case 100: return "Continue";
    case 103: return "Early Hints";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 206: return "Partial Content";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 408: return "Request Timeout";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
  }
}

namespace {

std::optional<std::size_t> number_after(std::string_view target, std::string_view prefix) {
  if (!target.starts_with(prefix) || target.size() == prefix.size() || target.size() > prefix.size() + 7) return std::nullopt;
  std::size_t n = 0;
  for (char c : target.substr(prefix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

}  // namespace

scripted_server::response scripted_server::route(request const& req) const {
  response r;
  auto const& t = req.target;
  bool const get_or_head = req.method == "GET" || req.method == "HEAD";
  if (auto upgrade = req.field("upgrade"); upgrade && (req.minor >= 1 || is(fault::upgrade_http10)) &&
                                           (is(fault::upgrade_to_websocket) || is(fault::upgrade_http10))) {
    r.status = 101, r.no_content = true;
    r.fields.emplace_back("Upgrade", is(fault::upgrade_to_websocket) ? "websocket" : std::string(*upgrade));
    r.fields.emplace_back("Connection", "upgrade");
    return r;
  }
  if (req.method == "OPTIONS" && (t == "/" || t == "*")) {
    if (is(fault::options_200_without_length)) {
      r.delimited_by_close = true;
    } else {
      r.status = 204, r.no_content = true;
    }
    if (!is(fault::options_without_allow)) r.fields.emplace_back("Allow", "GET, HEAD, OPTIONS");
    return r;
  }
  if (t == "/echo") {
    r.body = req.body;
    r.fields.emplace_back("Content-Type", req.field("content-type").value_or("application/octet-stream"));
  } else if (auto code = number_after(t, "/status/"); code && *code >= 100 && *code <= 599 && *code != 101) {
    if (*code < 200) {
      r.interim = "HTTP/1.1 " + std::to_string(*code) + " " + std::string(reason(static_cast<int>(*code))) + "\r\n" +
                  (is(fault::content_length_on_1xx) ? "Content-Length: 0\r\n" : "") + "\r\n";
    } else {
      r.status = static_cast<int>(*code);
    }
    r.no_content = r.status == 204 || r.status == 304;
    if (!r.no_content) r.body = "status " + std::to_string(r.status) + "\n";
  } else if (auto n = number_after(t, "/bytes/"); n && get_or_head) {
    return bytes_resource(req, *n);
  } else if (auto chunks = number_after(t, "/stream/"); chunks && get_or_head) {
    for (std::size_t i = 0; i < *chunks; ++i) r.body += "line " + std::to_string(i) + "\n";
    r.chunked = true;
  } else if (t == "/headers" && get_or_head) {
    nlohmann::json list = nlohmann::json::array();
    for (auto const& [name, value] : req.fields) list.push_back({name, value});
    r.body = nlohmann::json{{"headers", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    r.fields.emplace_back("Content-Type", "application/json");
  } else if (t == "/") {
    if (!get_or_head) {
      r.status = 405, r.body = "method not allowed\n";
      if (!is(fault::no_allow_on_405)) r.fields.emplace_back("Allow", "GET, HEAD, OPTIONS");
    } else {
      r.body = "model server\n";
      if (!(req.method == "HEAD" && is(fault::head_drops_content_type)) && !is(fault::no_content_type))
        r.fields.emplace_back("Content-Type", "text/plain");
    }
  } else {
    r.status = 404, r.body = "not found\n";
  }
  return r;
}

std::string scripted_server::serialize(request const& req, response const& r, bool announce_close) const {
  std::string const eol = is(fault::lf_line_endings) ? "\n" : "\r\n";
  std::string out = r.interim;
  out += is(fault::respond_http10) ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(r.status);
  if (!is(fault::no_sp_after_status_code)) out += " " + std::string(reason(r.status));
  out += eol;
  if (!is(fault::no_date)) out += is(fault::rfc850_date) ? "Date: Sunday, 06-Nov-94 08:49:37 GMT" + eol : "Date: Sun, 22 Nov 2026 08:49:37 GMT" + eol;
  if (is(fault::obs_fold_in_response)) out += "X-Model: folded" + eol + " value" + eol;
  for (auto const& [n, v] : r.fields) out += n + ": " + v + eol;

  bool const head = req.method == "HEAD";
  bool const chunked = r.chunked && (req.minor >= 1 || is(fault::chunked_to_http10));
  if (r.status == 204 && is(fault::content_length_on_204)) out += "Content-Length: 0" + eol;
  if (r.status == 204 && is(fault::transfer_encoding_on_204)) out += "Transfer-Encoding: chunked" + eol;
  if (chunked) {
    out += "Transfer-Encoding: chunked" + eol;
    if (is(fault::content_length_with_chunked)) out += "Content-Length: " + std::to_string(r.body.size()) + eol;
  } else if (!r.no_content && !r.delimited_by_close) {
    out += "Content-Length: " + std::to_string(head && is(fault::head_content_length_zero) ? 0 : r.body.size()) + eol;
  }
  if (announce_close && !is(fault::no_close_in_response)) out += "Connection: close" + eol;
  out += eol;

  bool const send_content = !head || is(fault::content_on_head);
  if (r.no_content) {
    if ((r.status == 204 && is(fault::content_on_204)) || (r.status == 304 && is(fault::content_on_304))) out += "oops";
  } else if (chunked && !head) {
    std::string const size_end = is(fault::space_after_chunk_size) ? " \r\n" : "\r\n";
    for (std::size_t at = 0; at < r.body.size(); at += 8) {
      auto const piece = r.body.substr(at, 8);
      char size[16];
      std::snprintf(size, sizeof size, "%zx", piece.size());
      out += size + size_end + piece + "\r\n";
    }
    out += "0\r\n\r\n";
  } else if (send_content) {
    out += r.body;
  }
  return out;
}

std::string scripted_server::error_response(int status, bool close) const {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason(status)) + "\r\n";
  out += "Date: Sun, 22 Nov 2026 08:49:37 GMT\r\nContent-Length: 0\r\n";
  if (close) out += "Connection: close\r\n";
  return out + "\r\n";
}

}  // namespace conform::http1::testing
