// The model server's input side: strict request parsing (RFC 9112 §2–§7), validation,
// framing, persistence — each leniency behind the fault that names it.
#include <algorithm>
#include <cctype>

#include "conformance/http1/tests/scripted_server.hpp"

namespace conform::http1::testing {
namespace {

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_tchar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (;;) {
    auto const at = s.find(sep);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

bool valid_host(std::string_view v) {
  auto const colon = v.rfind(':');
  auto name = v.substr(0, colon);
  if (colon != std::string_view::npos) {
    auto port = v.substr(colon + 1);
    if (!std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  }
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-._~%!$&'()*+,;=[]:").find(c) != std::string_view::npos;
  });
}

constexpr std::string_view known_methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"};

}  // namespace

std::optional<std::string_view> scripted_server::request::field(std::string_view name) const {
  for (auto const& [n, v] : fields)
    if (iequal(n, name)) return v;
  return std::nullopt;
}

std::size_t scripted_server::request::count(std::string_view name) const {
  return static_cast<std::size_t>(std::count_if(fields.begin(), fields.end(), [&](auto const& f) { return iequal(f.first, name); }));
}

struct scripted_server::parse_result {
  enum class kind { incomplete, ready, reject } what = kind::incomplete;
  request req;
  std::size_t consumed = 0;
  int status = 0;
  bool close = false;
  bool send_continue = false;
};

void scripted_server::receive(std::string_view bytes, net::peer_reply& reply) {
  if (closing_) return;
  in_.append(bytes);
  process(reply);
}

void scripted_server::end_of_input(net::peer_reply& reply) {
  if (!closing_) reply.close = true;
  closing_ = true;
}

void scripted_server::process(net::peer_reply& reply) {
  std::vector<std::string> batch;
  bool close_now = false;
  bool close_after_batch = false;
  while (!closing_ && !close_now) {
    auto p = parse_one();
    if (p.what == parse_result::kind::incomplete) {
      if (p.send_continue && !continue_sent_ && !is(fault::ignore_expect_continue)) {
        batch.push_back("HTTP/1.1 100 Continue\r\n\r\n");
        continue_sent_ = true;
      }
      break;
    }
    in_.erase(0, p.consumed);
    continue_sent_ = false;
    if (p.what == parse_result::kind::reject) {
      batch.push_back(error_response(p.status, p.close));
      close_now = p.close;
      continue;
    }
    auto const& req = p.req;
    auto const connection = req.field("connection");
    bool const asked_close = connection && iequal(*connection, "close");
    bool const asked_keep_alive = connection && iequal(*connection, "keep-alive");
    bool const http10_close = req.minor == 0 && !asked_keep_alive && !is(fault::keep_alive_http10);
    bool const will_close = (asked_close && !is(fault::ignore_connection_close)) || http10_close ||
                            is(fault::close_without_announcing);
    batch.push_back(serialize(req, route(req), will_close && !is(fault::close_without_announcing)));
    if (will_close && asked_close && is(fault::process_after_close)) close_after_batch = true;
    else if (will_close) close_now = true;
  }
  if (is(fault::reverse_pipelined)) std::reverse(batch.begin(), batch.end());
  for (auto const& b : batch) reply.bytes += b;
  if (close_now || close_after_batch) {
    closing_ = true;
    reply.close = true;
  }
}

scripted_server::parse_result scripted_server::parse_one() {
  parse_result r;
  std::size_t head_bytes = 0;
  // A rejection that closes drops everything; one that keeps the connection drops the head.
  auto reject = [&](int status, bool close = true) {
    bool const keep = close && status == 400 && is(fault::keep_open_after_bad_length) && r.req.count("content-length") > 0;
    r.what = parse_result::kind::reject, r.status = status, r.close = close && !keep;
    r.consumed = r.close ? in_.size() : head_bytes;
    return r;
  };
  std::size_t start = 0;
  while (in_.compare(start, 2, "\r\n") == 0) {
    if (is(fault::reject_leading_empty_line)) return reject(400);
    start += 2;
  }
  auto const head_end = in_.find("\r\n\r\n", start);
  if (head_end == std::string::npos) return r;
  head_bytes = head_end + 4;

  auto const lines = split(std::string_view(in_).substr(start, head_end - start), '\n');
  auto strip = [](std::string_view l) { return l.ends_with('\r') ? l.substr(0, l.size() - 1) : l; };
  auto parts = split(strip(lines[0]), ' ');
  if (parts.size() > 3 && is(fault::accept_whitespace_in_target)) {
    auto const& last_part = parts[parts.size() - 2];
    parts[1] = std::string_view(parts[1].data(), static_cast<std::size_t>(last_part.data() + last_part.size() - parts[1].data()));
    parts.erase(parts.begin() + 2, parts.end() - 1);
  }
  if (parts.size() != 3 || parts[0].empty() || !std::all_of(parts[0].begin(), parts[0].end(), is_tchar)) return reject(400);
  auto& req = r.req;
  req.method = parts[0], req.target = parts[1], req.version = parts[2];

  auto v = req.version;
  if (v.size() == 8 && iequal(v.substr(0, 5), "HTTP/") && !v.starts_with("HTTP/") && is(fault::accept_lowercase_http_name)) v = "HTTP/1.1";
  if (v.size() != 8 || !v.starts_with("HTTP/") || !std::isdigit(static_cast<unsigned char>(v[5])) || v[6] != '.' ||
      !std::isdigit(static_cast<unsigned char>(v[7])))
    return reject(400);
  if (v[5] != '1' && !is(fault::accept_unsupported_version)) return reject(505, false);
  req.minor = v[5] != '1' ? 1 : v[7] - '0';
  if (req.minor > 1) {
    if (is(fault::reject_higher_minor_version)) return reject(505, false);
    req.minor = 1;
  }

  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto line = strip(lines[i]);
    if (line.front() == ' ' || line.front() == '\t') {
      if (is(fault::drop_obs_fold)) continue;
      return reject(400);
    }
    auto const colon = line.find(':');
    if (colon == std::string_view::npos) return reject(400);
    auto name = line.substr(0, colon);
    if (name.empty() && !is(fault::accept_empty_name)) return reject(400);
    if (!name.empty() && name.back() == ' ') {
      if (!is(fault::accept_space_before_colon)) return reject(400, false);
      name = trim(name);
    }
    if (name.find(' ') != std::string_view::npos && !is(fault::accept_space_in_name)) return reject(400);
    auto const value = trim(line.substr(colon + 1));
    if (value.find('\0') != std::string_view::npos && !is(fault::keep_nul)) return reject(400);
    if (value.find('\r') != std::string_view::npos && !is(fault::keep_cr)) return reject(400);
    req.fields.emplace_back(name, value);
  }
  if (auto bad = normalize(req)) return reject(*bad, false);

  // Message body length, RFC 9112 §6.3.
  std::size_t const body_start = head_end + 4;
  std::string_view const rest = std::string_view(in_).substr(body_start);
  req.expect_continue = req.field("expect") && iequal(*req.field("expect"), "100-continue");
  auto const te = req.field("transfer-encoding");
  bool const has_cl = req.count("content-length") > 0;
  bool chunked = false;
  std::optional<std::uint64_t> length;
  if (te && !is(fault::ignore_chunked)) {
    auto const codings = split(*te, ',');
    auto const last = trim(codings.back());
    if (req.minor == 0 && !is(fault::keep_open_http10_te)) return reject(400);
    if (has_cl && is(fault::frame_by_content_length)) {
      // fall through to Content-Length below
    } else if (has_cl && !is(fault::keep_open_after_te_cl)) {
      return reject(400);
    } else if (!iequal(last, "chunked")) {
      if (!is(fault::ignore_non_chunked_te)) return reject(400);
    } else {
      for (std::size_t i = 0; i + 1 < codings.size(); ++i)
        if (!iequal(trim(codings[i]), "chunked")) return reject(is(fault::unknown_coding_400) ? 400 : 501);
      if (codings.size() > 1) return reject(400);
      chunked = true;
    }
  }
  if (!chunked && has_cl && (!te || is(fault::frame_by_content_length)) && !is(fault::ignore_content_length)) {
    std::vector<std::string_view> values;
    for (auto const& [n, val] : req.fields)
      if (iequal(n, "content-length"))
        for (auto item : split(val, ',')) values.push_back(trim(item));
    if (values.size() > 1 && !is(fault::first_content_length_wins) && !is(fault::frame_by_content_length)) return reject(400);
    std::uint64_t n = 0;
    std::string_view digits = values.front();
    if (is(fault::lenient_content_length) && !digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
      if (digits[0] == '-') digits = "0";
      else digits.remove_prefix(1);
    }
    for (char c : digits) {
      if (c < '0' || c > '9') {
        if (is(fault::lenient_content_length)) break;
        return reject(400);
      }
      if (n > (UINT64_MAX - 9) / 10 && !is(fault::wrap_content_length)) return reject(400);
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (digits.empty()) return reject(400);
    if (n > (1u << 20)) return reject(413);
    length = n;
  }

  if (length) {
    if (rest.size() < *length) return r.what = parse_result::kind::incomplete, r.send_continue = req.expect_continue, r;
    req.body = rest.substr(0, *length);
    r.consumed = body_start + *length;
  } else if (chunked) {
    std::size_t at = 0;
    for (;;) {
      auto const eol = rest.find("\r\n", at);
      if (eol == std::string_view::npos) return r.what = parse_result::kind::incomplete, r.send_continue = req.expect_continue && at == 0, r;
      auto const line = rest.substr(at, eol - at);
      auto const semi = line.find(';');
      auto const hex = line.substr(0, semi);
      if (semi != std::string_view::npos && is(fault::reject_chunk_extensions)) return reject(400);
      std::uint64_t size = 0;
      if (hex.empty() || !std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
        if (!is(fault::lenient_chunk_size)) return reject(400);
      } else {
        if (hex.size() > 15 && !is(fault::wrap_chunk_size)) return reject(400);
        for (char c : hex) size = size * 16 + static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10);
      }
      at = eol + 2;
      if (size == 0) break;
      if (rest.size() < at + size + 2) return r.what = parse_result::kind::incomplete, r;
      req.body.append(rest.substr(at, size));
      at += size;
      if (rest.compare(at, 2, "\r\n") != 0) {
        if (!is(fault::skip_to_crlf_after_chunk)) return reject(400);
        auto const next = rest.find("\r\n", at);
        if (next == std::string_view::npos) return r.what = parse_result::kind::incomplete, r;
        at = next;
      }
      at += 2;
    }
    if (!is(fault::stop_at_last_chunk)) {
      for (;;) {  // trailer section, up to its empty line
        auto const eol = rest.find("\r\n", at);
        if (eol == std::string_view::npos) return r.what = parse_result::kind::incomplete, r;
        bool const empty = eol == at;
        at = eol + 2;
        if (empty) break;
      }
    }
    r.consumed = body_start + at;
  } else {
    r.consumed = body_start;
  }
  r.what = parse_result::kind::ready;
  return r;
}

std::optional<int> scripted_server::normalize(request& req) const {
  if (req.target.size() > 8192) return is(fault::long_target_431) ? 431 : 414;
  auto& method = req.method;
  if (is(fault::method_case_insensitive))
    for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (std::find(std::begin(known_methods), std::end(known_methods), method) == std::end(known_methods))
    return is(fault::unknown_method_as_405) ? 405 : 501;

  auto& target = req.target;
  bool const absolute = target.starts_with("http://") || target.starts_with("https://");
  if (absolute) {
    if (is(fault::reject_absolute_form)) return 400;
    auto const authority_start = target.find("//") + 2;
    auto const path = target.find('/', authority_start);
    auto const authority = target.substr(authority_start, path - authority_start);
    if (is(fault::host_over_absolute_form) && req.field("host") && *req.field("host") != authority) return 400;
    target = path == std::string::npos ? "/" : target.substr(path);
  } else if (target == "*") {
    if (method != "OPTIONS" && !is(fault::accept_asterisk_with_get)) return 400;
    if (method != "OPTIONS") target = "/";
  } else if (!target.starts_with("/")) {
    if (method != "CONNECT" && !is(fault::accept_authority_with_get)) return 400;
    target = "/";
  }

  if (req.minor >= 1) {
    auto const hosts = req.count("host");
    if (hosts == 0 && !is(fault::accept_missing_host)) return 400;
    if (hosts > 1 && !is(fault::accept_duplicate_host)) return 400;
    if (hosts == 1 && !valid_host(*req.field("host")) && !absolute && !is(fault::accept_invalid_host)) return 400;
  }
  return std::nullopt;
}

}  // namespace conform::http1::testing
