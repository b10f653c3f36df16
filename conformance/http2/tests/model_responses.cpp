// The model server's responses: what it serves for the target profile's paths
// (/status/{code}, /bytes/{n}, anything else "hello, world"; HEAD without content), sent
// within the frame size and both flow-control windows (RFC 9113 §4.2, §6.9.1), and the
// faults that make a response break exactly one rule of RFC 9113 §8 or RFC 9110.
#include <algorithm>
#include <charconv>
#include <utility>

#include "conformance/http2/tests/model_server.hpp"
#include "harness/http2/frame_builder.hpp"
#include "harness/http2/hpack_encoder.hpp"

namespace conform::http2::testing {

namespace {

std::size_t number_after(std::string_view path, std::string_view prefix, std::size_t otherwise) {
  if (!path.starts_with(prefix)) return otherwise;
  path.remove_prefix(prefix.size());
  std::size_t n = 0;
  auto const [end, ec] = std::from_chars(path.data(), path.data() + path.size(), n);
  return ec == std::errc() && end == path.data() + path.size() ? n : otherwise;
}

}  // namespace

void model_server::respond(std::uint32_t id) {
  auto& s = streams_[id];
  std::size_t const code = number_after(s.path, "/status/", 200);
  std::string const status = std::to_string(code);
  std::string content = s.path.starts_with("/bytes/") ? std::string(number_after(s.path, "/bytes/", 0), 'a') : std::string(body);
  bool const no_content_status = code == 204 || code == 304;
  bool const head = s.method == "HEAD";

  h2::field_list f;
  if (!broken("no_status")) f.push_back({":status", broken("status_text") ? status + " OK" : status});
  if (broken("request_pseudo")) f.push_back({":path", s.path});
  f.push_back({broken("uppercase_name") ? "Content-Type" : "content-type", "text/plain"});
  // RFC 9110 §8.6: no Content-Length in a 204; HEAD's names the GET's length.
  if (code != 204 || broken("content_length_204"))
    f.push_back({"content-length", std::to_string(content.size() + (broken("wrong_content_length") ? 1 : 0))});
  if (broken("connection_field")) f.push_back({"connection", "keep-alive"});
  if (broken("value_crlf")) f.push_back({"x-model", "a\r\nb"});
  if (broken("status_last")) std::rotate(f.begin(), f.begin() + 1, f.end());

  if ((head && !broken("head_body")) || (no_content_status && !broken("no_content_body"))) content.clear();
  h2::hpack_block b;
  if (table_size_update_ >= 0) b.size_update(static_cast<std::uint64_t>(std::exchange(table_size_update_, -1)));  // RFC 7541 §4.2
  b.fields(f);
  out(h2::headers(id, b.bytes(), content.empty()).bytes());
  if (broken("push_anyway")) out(h2::push_promise(id, 2, h2::hpack_block().fields({{":method", "GET"}, {":path", "/pushed"}}).bytes()).bytes());
  s.responded = true;
  if (content.empty()) return finish(id);
  s.pending = std::move(content);
  flush(id);
}

// Sends what both windows allow, in frames of at most 16,384 octets (the client's
// SETTINGS_MAX_FRAME_SIZE as the harness leaves it).
void model_server::flush(std::uint32_t id) {
  auto const it = streams_.find(id);
  if (it == streams_.end() || !it->second.responded || it->second.pending.empty()) return;
  auto& s = it->second;
  auto n = static_cast<std::size_t>(std::max<std::int64_t>(
      0, std::min<std::int64_t>({static_cast<std::int64_t>(s.pending.size()), s.window, connection_window_})));
  if (broken("ignore_flow_control")) n = s.pending.size();
  if (n == 0) return;
  bool const last = n == s.pending.size();
  std::size_t const frame_size = broken("oversized_frames") ? n : 16384;
  for (std::size_t at = 0; at < n; at += frame_size) {
    std::size_t const len = std::min(frame_size, n - at);
    out(h2::data(id, std::string_view(s.pending).substr(at, len), last && at + len == n).bytes());
  }
  s.window -= static_cast<std::int64_t>(n);
  connection_window_ -= static_cast<std::int64_t>(n);
  s.pending.erase(0, n);
  if (last) {
    if (broken("data_after_end_stream")) out(h2::data(id, "!", true).bytes());
    finish(id);
  }
}

// The response is complete: the stream closes once the request has ended too.
void model_server::finish(std::uint32_t id) {
  auto const it = streams_.find(id);
  if (it == streams_.end() || !it->second.remote_closed) return;
  streams_.erase(it);
  closed_.insert(id);
  maybe_close_after_goaway();
}

}  // namespace conform::http2::testing
