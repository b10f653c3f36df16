#include "harness/http1/response_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace conform::h1 {
namespace {

bool is_tchar(unsigned char c) {
  // RFC 9110 §5.6.2 token characters.
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// transfer-coding = token *( OWS ";" OWS transfer-parameter ) and
// transfer-parameter = token BWS "=" BWS ( token / quoted-string )  (RFC 9112 §7).
bool valid_transfer_coding(std::string_view s) {
  std::size_t i = 0;
  auto skip_ows = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  auto token = [&] {
    auto const start = i;
    while (i < s.size() && is_tchar(static_cast<unsigned char>(s[i]))) ++i;
    return i > start;
  };
  skip_ows();
  if (!token()) return false;
  for (;;) {
    skip_ows();
    if (i == s.size()) return true;
    if (s[i++] != ';') return false;
    skip_ows();
    if (!token()) return false;
    skip_ows();
    if (i == s.size() || s[i++] != '=') return false;
    skip_ows();
    if (i < s.size() && s[i] == '"') {
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\') ++i;  // quoted-pair
      }
      if (i >= s.size()) return false;
      ++i;
    } else if (!token()) {
      return false;
    }
  }
}

// The last transfer coding named by all Transfer-Encoding fields together, without
// its parameters.
std::string_view final_coding(std::vector<field> const& fields) {
  auto const codings = list_items(fields, "transfer-encoding");
  return codings.empty() ? std::string_view{} : trim_ows(codings.back().substr(0, codings.back().find(';')));
}

}  // namespace

response_reader::response_reader() : response_reader(limits{}) {}
response_reader::response_reader(limits l) : limits_(l) {}

void response_reader::answering(std::string_view method) {
  head_request_ = method == "HEAD";
  connect_request_ = method == "CONNECT";
}

response_reader::state response_reader::current() const {
  if (phase_ == phase::complete) return state::done;
  if (phase_ == phase::failed) return state::failed;
  return state::need_more;
}

response response_reader::take() {
  response out = std::move(current_);
  current_ = {};
  phase_ = phase::head;
  started_ = false;
  pending_.clear();
  return out;
}

void response_reader::fail(std::string why) {
  error_ = std::move(why);
  phase_ = phase::failed;
}

void response_reader::note(std::string what) {
  if (std::find(current_.violations.begin(), current_.violations.end(), what) == current_.violations.end())
    current_.violations.push_back(std::move(what));
}

std::size_t response_reader::feed(std::string_view in) {
  std::size_t used = 0;
  if (!in.empty()) started_ = true;
  while (used < in.size() && phase_ != phase::complete && phase_ != phase::failed) {
    auto const rest = in.substr(used);
    std::size_t n = 0;
    switch (phase_) {
      case phase::head: n = feed_head(rest); break;
      case phase::body_length:
      case phase::chunk_data: n = feed_counted(rest); break;
      case phase::chunk_size:
      case phase::chunk_data_end:
      case phase::trailers: n = feed_line(rest); break;
      case phase::until_close:
        // Keep at most one byte past the limit: enough to know it was crossed.
        current_.body.append(rest.substr(0, std::min(rest.size(), limits_.max_body + 1 - current_.body.size())));
        if (current_.body.size() > limits_.max_body) fail("response body exceeds " + std::to_string(limits_.max_body) + " bytes");
        n = rest.size();
        break;
      case phase::complete:
      case phase::failed: break;
    }
    used += n;
  }
  current_.wire_size += used;
  return used;
}

void response_reader::end_of_input() {
  if (phase_ == phase::until_close) {
    phase_ = phase::complete;
  } else if (phase_ != phase::complete && phase_ != phase::failed && started_) {
    if (phase_ == phase::head) fail("connection closed in the middle of the response head");
    else if (phase_ == phase::body_length) fail("connection closed with " + std::to_string(remaining_) + " bytes of the Content-Length body missing");
    else fail("connection closed in the middle of the chunked body");
  }
}

std::size_t response_reader::feed_head(std::string_view in) {
  auto const old = pending_.size();
  // Bounded: never hold more than the head limit, whatever the target sends.
  auto const take = std::min(in.size(), limits_.max_head + 4 - std::min(limits_.max_head + 4, old));
  pending_.append(in.substr(0, take));

  // Empty lines before the status line are tolerated and noted (RFC 9112 §2.2 lets a
  // recipient ignore them; a server should not send them).
  std::size_t skip = 0;
  while (skip < pending_.size() && (pending_[skip] == '\r' || pending_[skip] == '\n')) ++skip;
  if (skip > 0 && skip < pending_.size()) note("empty line before the status line");

  auto search_from = std::max(skip, old > 3 ? old - 3 : 0);
  std::size_t end = std::string::npos;
  for (auto i = search_from; i < pending_.size(); ++i) {
    if (pending_[i] != '\n') continue;
    if (i + 1 < pending_.size() && pending_[i + 1] == '\n') { end = i + 2; break; }
    if (i + 2 < pending_.size() && pending_[i + 1] == '\r' && pending_[i + 2] == '\n') { end = i + 3; break; }
  }
  if (end == std::string::npos || end <= skip) {
    if (pending_.size() > limits_.max_head) fail("response head exceeds " + std::to_string(limits_.max_head) + " bytes without ending");
    return take;
  }
  auto const head = std::string(pending_.substr(skip, end - skip));
  pending_.clear();
  parse_head(head);
  return end - old;
}

void response_reader::parse_head(std::string_view head) {
  std::vector<std::string_view> lines;
  while (!head.empty()) {
    auto const lf = head.find('\n');
    auto line = head.substr(0, lf);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    else if (lf != std::string_view::npos) note("line terminated by a bare LF instead of CRLF");
    if (line.find('\r') != std::string_view::npos) note("bare CR inside a line");
    lines.push_back(line);
    head.remove_prefix(lf == std::string_view::npos ? head.size() : lf + 1);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty() || !parse_status_line(lines.front())) return;
  for (std::size_t i = 1; i < lines.size(); ++i) parse_field_line(lines[i], current_.fields);
  choose_framing();
}

bool response_reader::parse_status_line(std::string_view line) {
  current_.status_line = std::string(line);
  // status-line = HTTP-version SP status-code SP [ reason-phrase ]  (RFC 9112 §4)
  if (line.size() < 12 || !line.starts_with("HTTP/") || !is_digit(line[5]) || line[6] != '.' || !is_digit(line[7])) {
    fail("malformed status line: \"" + escape(line, 80) + "\"");
    return false;
  }
  current_.version_major = line[5] - '0';
  current_.version_minor = line[7] - '0';
  std::size_t i = 8;
  if (line[i] != ' ') {
    fail("malformed status line (no SP after the version): \"" + escape(line, 80) + "\"");
    return false;
  }
  while (i < line.size() && line[i] == ' ') ++i;
  if (i > 9) note("more than one SP after the HTTP version in the status line");
  if (i + 3 > line.size() || !is_digit(line[i]) || !is_digit(line[i + 1]) || !is_digit(line[i + 2]) ||
      (i + 3 < line.size() && is_digit(line[i + 3]))) {
    fail("malformed status line (status code is not three digits): \"" + escape(line, 80) + "\"");
    return false;
  }
  current_.status = (line[i] - '0') * 100 + (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
  // RFC 9110 §15: "Values outside the range 100..599 are invalid."
  if (current_.status < 100 || current_.status > 599) note("status code outside 100..599 in the status line");
  i += 3;
  if (i == line.size()) {
    note("no SP after the status code in the status line");
    return true;
  }
  if (line[i] != ' ') note("status code not followed by SP");
  current_.reason = std::string(line.substr(i + 1));
  for (unsigned char c : current_.reason)
    if ((c < 0x20 && c != '\t') || c == 0x7f) note("control character in the reason phrase");
  return true;
}

void response_reader::parse_field_line(std::string_view line, std::vector<field>& into) {
  if (line.front() == ' ' || line.front() == '\t') {
    note("obsolete line folding (obs-fold) in a field");
    if (!into.empty()) into.back().value += " " + std::string(trim_ows(line));
    return;
  }
  auto const colon = line.find(':');
  if (colon == std::string_view::npos) {
    note("field line without a colon: \"" + escape(line, 60) + "\"");
    return;
  }
  auto name = line.substr(0, colon);
  if (name.empty()) note("field line with an empty name");
  if (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
    note("whitespace between a field name and its colon");
    name = trim_ows(name);
  }
  if (!std::all_of(name.begin(), name.end(), [](char c) { return is_tchar(static_cast<unsigned char>(c)); }))
    note("invalid character in field name \"" + escape(name, 60) + "\"");
  auto const value = trim_ows(line.substr(colon + 1));
  for (unsigned char c : value)
    if ((c < 0x20 && c != '\t') || c == 0x7f) {
      note("control character in the value of " + std::string(name));
      break;
    }
  into.push_back({std::string(name), std::string(value)});
}

void response_reader::choose_framing() {
  auto& r = current_;
  bool const no_content = head_request_ || r.interim() || r.status == 204 || r.status == 304 ||
                          (connect_request_ && r.status / 100 == 2);
  if (no_content) {
    r.how = framing::none;
    phase_ = phase::complete;
    return;
  }
  if (r.count("transfer-encoding") > 0) {
    if (r.count("content-length") > 0) note("both Transfer-Encoding and Content-Length");
    for (auto const item : list_items(r.fields, "transfer-encoding")) {
      if (!valid_transfer_coding(item)) note("invalid transfer coding \"" + escape(item, 60) + "\" in Transfer-Encoding");
    }
    bool const chunked = iequals(final_coding(r.fields), "chunked");
    r.how = chunked ? framing::chunked : framing::close_delimited;
    phase_ = chunked ? phase::chunk_size : phase::until_close;
    return;
  }
  if (r.count("content-length") > 0) {
    // All values, across fields and comma lists, must be the same decimal number.
    std::optional<std::uint64_t> length;
    for (auto const item : list_items(r.fields, "content-length")) {
      std::uint64_t v = 0;
      auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
      if (ec != std::errc{} || end != item.data() + item.size() || !is_digit(item.front()))
        return fail("invalid Content-Length \"" + escape(item, 60) + "\"");
      if (length && *length != v) return fail("conflicting Content-Length values");
      if (length) note("duplicate Content-Length");
      length = v;
    }
    if (!length) return fail("empty Content-Length");
    if (*length > limits_.max_body) return fail("Content-Length " + std::to_string(*length) + " exceeds the harness's limit");
    r.how = framing::content_length;
    remaining_ = *length;
    phase_ = remaining_ == 0 ? phase::complete : phase::body_length;
    return;
  }
  r.how = framing::close_delimited;
  phase_ = phase::until_close;
}

std::size_t response_reader::feed_counted(std::string_view in) {
  auto const n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, in.size()));
  current_.body.append(in.substr(0, n));
  remaining_ -= n;
  if (remaining_ == 0) phase_ = phase_ == phase::body_length ? phase::complete : phase::chunk_data_end;
  return n;
}

std::size_t response_reader::feed_line(std::string_view in) {
  auto const lf = in.find('\n');
  if (lf == std::string_view::npos) {
    pending_.append(in);
    if (pending_.size() > limits_.max_line) fail("line in the chunked body longer than " + std::to_string(limits_.max_line) + " bytes");
    return in.size();
  }
  pending_.append(in.substr(0, lf));
  std::string line = std::move(pending_);
  pending_.clear();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  else note("bare LF in the chunked framing");
  on_line(line);
  return lf + 1;
}

void response_reader::on_line(std::string_view line) {
  switch (phase_) {
    case phase::chunk_size: return on_chunk_size(line);
    case phase::chunk_data_end:
      if (!line.empty()) return fail("chunk data not followed by CRLF (found \"" + escape(line, 40) + "\")");
      phase_ = phase::chunk_size;
      return;
    case phase::trailers:
      if (line.empty()) phase_ = phase::complete;
      else parse_field_line(line, current_.trailers);
      return;
    default: return;
  }
}

void response_reader::on_chunk_size(std::string_view line) {
  // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF  (RFC 9112 §7.1)
  std::size_t i = 0;
  std::uint64_t size = 0;
  while (i < line.size() && std::isxdigit(static_cast<unsigned char>(line[i]))) {
    if (i >= 15) return fail("chunk size \"" + escape(line, 40) + "\" overflows");
    auto const c = static_cast<unsigned char>(line[i]);
    size = size * 16 + static_cast<std::uint64_t>(is_digit(static_cast<char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10);
    ++i;
  }
  if (i == 0) return fail("invalid chunk size line \"" + escape(line, 40) + "\"");
  auto const ext = trim_ows(line.substr(i));
  if (!ext.empty() && ext.front() != ';') return fail("invalid chunk size line \"" + escape(line, 40) + "\"");
  if (i < line.size() && (line[i] == ' ' || line[i] == '\t')) note("whitespace after the chunk size");
  if (current_.body.size() + size > limits_.max_body) return fail("chunked body exceeds " + std::to_string(limits_.max_body) + " bytes");
  remaining_ = size;
  phase_ = size == 0 ? phase::trailers : phase::chunk_data;
}

}  // namespace conform::h1
