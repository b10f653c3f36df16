// The model server's request reader: strict parsing of the head (RFC 9112 §2–§5) and
// of the message body (§6–§7), each leniency behind the fault that names it.
#include <algorithm>
#include <cctype>

#include "conformance/http1/tests/scripted_server.hpp"
#include "conformance/http1/tests/scripted_text.hpp"

namespace conform::http1::testing {
namespace {

bool bodiless_method(std::string_view m) { return m == "GET" || m == "HEAD" || m == "DELETE" || m == "OPTIONS"; }

// A bare LF or bare CR in the head (up to its end, or all of `s` while incomplete).
bool bare_line_break(std::string_view s, bool allow_cr) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) return true;
    if (s[i] == '\r' && !allow_cr && i + 1 < s.size() && s[i + 1] != '\n') return true;
  }
  return false;
}

// The raw text after the colon of the first field line named `name`.
std::optional<std::string_view> raw_value(std::vector<std::string> const& lines, std::string_view name) {
  for (auto const& l : lines)
    if (l.size() > name.size() && l[name.size()] == ':' && iequal(std::string_view(l).substr(0, name.size()), name))
      return std::string_view(l).substr(name.size() + 1);
  return std::nullopt;
}

}  // namespace

struct scripted_server::body_result {
  enum class kind { incomplete, done, reject } what = kind::incomplete;
  std::size_t consumed = 0;
  int status = 400;
};

scripted_server::parse_result scripted_server::parse_one() {
  parse_result r;
  std::size_t head_bytes = 0;
  // A rejection that closes drops everything; one that keeps the connection drops the
  // head, which is safe only when the request announced no body.
  auto reject = [&](int status, bool close = true) {
    if (is(fault::hang_on_refusal)) return r.what = parse_result::kind::incomplete, r;
    bool const framed = r.req.count("content-length") > 0 || r.req.count("transfer-encoding") > 0;
    bool const keep = close && status == 400 && is(fault::keep_open_after_bad_length) && r.req.count("content-length") > 0;
    r.what = parse_result::kind::reject, r.status = status, r.close = (close || framed) && !keep;
    r.consumed = r.close ? in_.size() : head_bytes;
    return r;
  };
  std::size_t start = 0;
  while (in_.compare(start, 2, "\r\n") == 0) {
    if (is(fault::reject_leading_empty_line)) return reject(400);
    start += 2;
  }
  if (is(fault::lax_parser) && !lax_rewrite_head(in_, start)) return r;
  auto const head_end = in_.find("\r\n\r\n", start);
  auto const head = std::string_view(in_).substr(start, head_end == std::string::npos ? std::string::npos : head_end + 2 - start);
  if (bare_line_break(head, is(fault::keep_cr))) return reject(400);
  if (head_end == std::string::npos) return r;
  head_bytes = head_end + 4;
  if (is(fault::silent_close_on_big_head) && head_bytes > 32 * 1024) {
    r.what = parse_result::kind::reject, r.status = 0, r.close = true, r.consumed = in_.size();
    return r;
  }

  auto const lines = split(std::string_view(in_).substr(start, head_end - start), '\n');
  auto strip = [](std::string_view l) { return l.ends_with('\r') ? l.substr(0, l.size() - 1) : l; };
  auto parts = split(strip(lines[0]), ' ');
  if (parts.size() > 3 && is(fault::accept_whitespace_in_target)) {
    auto const& last_part = parts[parts.size() - 2];
    parts[1] = std::string_view(parts[1].data(), static_cast<std::size_t>(last_part.data() + last_part.size() - parts[1].data()));
    parts.erase(parts.begin() + 2, parts.end() - 1);
  }
  if (parts.size() != 3 || !is_token(parts[0])) return reject(400);
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
    req.raw_lines.emplace_back(line);
    if (line.front() == ' ' || line.front() == '\t') {
      if (is(fault::drop_obs_fold)) continue;
      if (is(fault::ignore_folded_fields) && !req.fields.empty()) {
        req.fields.pop_back();
        continue;
      }
      if (!is(fault::continuation_as_field)) return reject(400);
      line = trim(line);
    }
    auto const colon = line.find(':');
    if (colon == std::string_view::npos) return reject(400);
    std::string name(line.substr(0, colon));
    if (name.empty() && !is(fault::accept_empty_name)) return reject(400);
    if (!name.empty() && name.back() == ' ') {
      if (!is(fault::accept_space_before_colon)) return reject(400);
      name = trim(name);
    }
    if (name.find(' ') != std::string::npos && !is(fault::accept_space_in_name)) return reject(400);
    std::string token = name;
    std::erase(token, ' ');
    if (!name.empty() && !is_token(token)) return reject(400);
    if (is(fault::underscore_as_hyphen)) std::replace(name.begin(), name.end(), '_', '-');
    auto const value = trim(line.substr(colon + 1));
    if (value.find('\0') != std::string_view::npos && !is(fault::keep_nul)) return reject(400);
    if (value.find('\r') != std::string_view::npos && !is(fault::keep_cr)) return reject(400);
    // Other control bytes: the model takes the RFC 9110 §5.5 choice to refuse them.
    if (std::any_of(value.begin(), value.end(), [](char c) { return (c > 0 && c < 0x20 && c != '\t' && c != '\r') || c == 0x7f; }))
      return reject(400);
    if (is(fault::reject_obs_text) && std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      return reject(400);
    req.fields.emplace_back(name, value);
  }
  if (auto bad = normalize(req)) return reject(*bad, false);

  // An HTTP/1.0 client cannot have meant 100-continue (RFC 9110 §10.1.1).
  req.expect_continue = req.field("expect") && iequal(*req.field("expect"), "100-continue") &&
                        (req.minor >= 1 || is(fault::continue_to_http10));
  auto const body = read_body(req, std::string_view(in_).substr(head_bytes));
  switch (body.what) {
    case body_result::kind::incomplete:
      r.what = parse_result::kind::incomplete;
      r.send_continue = req.expect_continue && body.consumed == 0;
      return r;
    case body_result::kind::reject: return reject(body.status);
    case body_result::kind::done: break;
  }
  r.consumed = head_bytes + body.consumed;
  r.what = parse_result::kind::ready;
  return r;
}

scripted_server::body_result scripted_server::read_body(request& req, std::string_view rest) const {
  auto reject = [](int status) { return body_result{.what = body_result::kind::reject, .status = status}; };
  auto named = [&](std::string_view n) {
    std::vector<std::string_view> out;
    for (auto const& [name, value] : req.fields)
      if (is(fault::case_sensitive_names) ? name == n : iequal(name, n)) out.push_back(value);
    return out;
  };
  auto tes = named("Transfer-Encoding");
  // A parser that knows only the exact bytes ": chunked" ignores every other spelling.
  if (is(fault::exact_te_value) && raw_value(req.raw_lines, "Transfer-Encoding") != " chunked") tes.clear();
  auto const cls = named("Content-Length");
  if (is(fault::ignore_body_on_bodiless_methods) && bodiless_method(req.method)) return {.what = body_result::kind::done};
  bool const has_cl = !cls.empty();
  bool chunked = false;
  if (!tes.empty() && !is(fault::ignore_chunked)) {
    std::string joined;
    for (auto te : tes) joined += (joined.empty() ? "" : ", ") + std::string(te);
    auto codings = split(joined, ',');
    std::erase_if(codings, [](std::string_view c) { return trim(c).empty(); });
    if (req.minor == 0 && !is(fault::keep_open_http10_te)) return reject(400);
    if (codings.empty() || !iequal(trim(codings.back()), "chunked")) {
      if (!is(fault::ignore_non_chunked_te)) return reject(400);
    } else {
      for (std::size_t i = 0; i + 1 < codings.size(); ++i)
        if (!iequal(trim(codings[i]), "chunked")) return reject(is(fault::unknown_coding_400) ? 400 : 501);
      if (codings.size() > 1) return reject(400);
      chunked = true;
      // With Content-Length too: chunked, and the connection closes after (RFC 9112 §6.1).
      if (has_cl && is(fault::frame_by_content_length)) chunked = false;
      else if (has_cl && !is(fault::keep_open_after_te_cl) && !is(fault::keep_open_http10_te)) req.close_after = true;
    }
  }
  if (chunked) return read_chunked(req, rest);
  if (!has_cl || (!tes.empty() && !is(fault::frame_by_content_length)) || is(fault::ignore_content_length)) return {.what = body_result::kind::done};

  if (is(fault::exact_content_length)) {
    auto const raw = raw_value(req.raw_lines, "Content-Length");
    if (!raw || raw->size() < 2 || (*raw)[0] != ' ' || !std::all_of(raw->begin() + 1, raw->end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return reject(400);
  }
  std::vector<std::string_view> values;
  for (auto const& val : cls)
    for (auto item : split(val, ',')) values.push_back(trim(item));
  std::string_view digits = values.front();
  std::uint64_t repeat = 1;
  if (values.size() > 1) {
    bool const same = std::all_of(values.begin(), values.end(), [&](auto x) { return x == values.front(); });
    if (is(fault::last_content_length_wins)) digits = values.back();
    else if (is(fault::sum_duplicate_content_lengths) && same) repeat = values.size();
    else if (!is(fault::first_content_length_wins) && !is(fault::frame_by_content_length)) return reject(400);
  }
  if (is(fault::lenient_content_length) && !digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    if (digits[0] == '-') digits = "0";
    else digits.remove_prefix(1);
  }
  if (is(fault::reject_leading_zeros) && digits.size() > 1 && digits[0] == '0') return reject(400);
  if (is(fault::truncate_long_numbers)) digits = digits.substr(0, 19);
  if (digits.empty() && !is(fault::last_content_length_wins)) return reject(400);
  std::uint64_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') {
      if (is(fault::lenient_content_length)) break;
      return reject(400);
    }
    if (n > (UINT64_MAX - 9) / 10 && !is(fault::wrap_content_length) && !is(fault::lax_parser)) return reject(400);
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  n *= repeat;
  if (n > (1u << 20) && !is(fault::lax_parser)) return reject(413);
  if (rest.size() < n) return {};
  req.body = rest.substr(0, n);
  return {.what = body_result::kind::done, .consumed = n};
}

}  // namespace conform::http1::testing

namespace conform::http1::testing {

scripted_server::body_result scripted_server::read_chunked(request& req, std::string_view rest) const {
  auto reject = [](int status) { return body_result{.what = body_result::kind::reject, .status = status}; };
  bool const lax = is(fault::lax_parser);
  std::size_t at = 0;
  // The next line from `at`: CRLF-terminated (lax: LF, CRs dropped); nullopt while incomplete.
  auto next_line = [&]() -> std::optional<std::string> {
    auto const eol = lax ? rest.find('\n', at) : rest.find("\r\n", at);
    if (eol == std::string_view::npos) return std::nullopt;
    std::string line(rest.substr(at, eol - at));
    if (lax) std::erase(line, '\r');
    at = eol + (lax ? 1 : 2);
    return line;
  };
  for (bool first = true;; first = false) {
    auto const line = next_line();
    if (!line) return {.consumed = first ? 0u : 1u};
    std::uint64_t size = 0;
    if (lax) {
      size = lax_chunk_size(*line);
    } else {
      auto const semi = line->find(';');
      auto hex = std::string_view(*line).substr(0, semi);
      if (semi != std::string::npos) {
        if (is(fault::reject_chunk_extensions)) return reject(400);
        if (!valid_chunk_extensions(std::string_view(*line).substr(semi))) return reject(400);
        while (!hex.empty() && (hex.back() == ' ' || hex.back() == '\t')) hex.remove_suffix(1);
      }
      bool const is_hex = !hex.empty() && std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
      if (!is_hex) {
        if (!is(fault::lenient_chunk_size)) return reject(400);
      } else {
        if (hex.size() > 15 && !is(fault::wrap_chunk_size)) return reject(400);
        if (is(fault::reject_leading_zeros) && hex.size() > 1 && hex[0] == '0') return reject(400);
        if (is(fault::lowercase_hex_only) && std::any_of(hex.begin(), hex.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
          return reject(400);
        for (char c : hex) size = size * 16 + static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10);
      }
    }
    if (size == 0) break;
    if (rest.size() < at || rest.size() - at < size + 2) return {.consumed = 1};
    req.body.append(rest.substr(at, size));
    at += size;
    if (rest.compare(at, 2, "\r\n") != 0) {
      if (!lax && !is(fault::skip_to_crlf_after_chunk)) return reject(400);
      auto const next = rest.find('\n', at);
      if (next == std::string_view::npos) return {.consumed = 1};
      at = next - 1;
    }
    at += 2;
    if (is(fault::first_chunk_only)) return {.what = body_result::kind::done, .consumed = at};
  }
  if (is(fault::stop_at_last_chunk)) return {.what = body_result::kind::done, .consumed = at};
  for (;;) {  // the trailer section, up to its empty line
    auto const line = next_line();
    if (!line) return {.consumed = 1};
    if (line->empty()) break;
    if (lax || is(fault::lenient_chunk_size)) continue;
    auto const colon = line->find(':');
    if (colon == std::string::npos || !is_token(std::string_view(*line).substr(0, colon))) return reject(400);
    if (is(fault::trailer_framing) && iequal(std::string_view(*line).substr(0, colon), "content-length")) return {.consumed = 1};
  }
  return {.what = body_result::kind::done, .consumed = at};
}

}  // namespace conform::http1::testing
