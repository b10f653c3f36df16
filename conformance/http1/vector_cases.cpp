// Every request vector of conformance/vectors/http1/ becomes a case: the vector's bytes
// and a canary GET / are written together (a framing probe), and what the target did
// is judged against the outcomes the vector accepts. One table per vector file, in
// file order, so `conform list` reads like the files.
#include <map>
#include <stdexcept>

#include "conformance/http1/suite.hpp"
#include "conformance/http1/vectors.hpp"
#include "conformance/http1/verify.hpp"
#include "harness/engine/context.hpp"

namespace conform::http1 {

// Generated from conformance/vectors/http1/*.md by cmake/embed_text.cmake.
std::vector<std::pair<std::string_view, std::string>> const& embedded_vector_files();

namespace {

std::string describe_accepted(request_vector const& v) {
  std::vector<std::string> parts;
  std::string statuses;
  for (std::size_t i = 0; i < v.statuses.size(); ++i) statuses += (i ? " or " : "") + std::to_string(v.statuses[i]);
  std::string const body = v.body ? "the body \"" + h1::escape(*v.body) + "\" read" : "the request processed";
  for (auto o : v.accept) {
    switch (o) {
      case vector_outcome::reject: parts.push_back(statuses + " and then the connection closed"); break;
      case vector_outcome::reject_open: parts.push_back(statuses + " with the next request still answered"); break;
      case vector_outcome::frame: parts.push_back(body + " and the next request answered intact"); break;
      case vector_outcome::frame_then_close: parts.push_back(body + " and then the connection closed"); break;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? (i + 1 == parts.size() ? ", or " : ", ") : "") + parts[i];
  return out;
}

// The bytes for this target, with any --header fields after the request line.
std::string request_bytes(context& cx, request_vector const& v) {
  auto bytes = v.bytes(cx.target_info().authority(), body_path(cx));
  auto const& extra = cx.target_info().extra_headers;
  if (extra.empty()) return bytes;
  auto const eol = bytes.find("\r\n");
  if (eol == std::string::npos) return bytes;
  std::string fields;
  for (auto const& [name, value] : extra) fields += name + ": " + value + "\r\n";
  return bytes.insert(eol + 2, fields);
}

outcome accepted(request_vector const& v, std::string story) {
  // A choice the RFC leaves open is information, not a pass mark.
  if (v.level == requirement_level::may) return info(std::move(story));
  return pass();
}

outcome judge(context& cx, request_vector const& v, framing_result const& f) {
  using k = framing_result::kind;
  auto const expected = describe_accepted(v);
  bool const framed_ok = v.accepts(vector_outcome::frame) || v.accepts(vector_outcome::frame_then_close);
  switch (f.what) {
    case k::desync: return fail(expected, f.story + ": request smuggling is possible through this target");
    case k::refused_and_closed:
      if (v.accepts(vector_outcome::reject) || v.accepts(vector_outcome::reject_open)) return accepted(v, "refused: " + f.story);
      break;
    case k::refused_kept_open:
      if (v.accepts(vector_outcome::reject_open)) return accepted(v, "refused and kept in step: " + f.story);
      break;
    case k::other_error_and_closed:
      // 404 or 405: the path does not take this method; 501 to a method other than GET,
      // HEAD or POST: the server does not implement it. Either way the body went unread.
      if (framed_ok && (f.first.message.status == 404 || f.first.message.status == 405 ||
                        (f.first.message.status == 501 && v.method() != "GET" && v.method() != "HEAD" && v.method() != "POST")))
        return unexercised(f);
      break;
    case k::processed:
    case k::processed_and_closed: {
      if (!framed_ok) break;
      if (f.what == k::processed && !v.accepts(vector_outcome::frame)) return violation(expected, f.story);
      if (v.body) {
        auto const framed = expect_body_framed(cx, f, *v.body);
        if (framed.what != outcome::kind::pass) return framed;
      }
      return accepted(v, "processed: " + f.story);
    }
    case k::no_answer:
    case k::closed_silently:
    case k::malformed: break;
  }
  // Outside every outcome the RFC allows: for a MAY vector that still breaks the
  // SHOULD of RFC 9112 §2.2 (answer what you cannot parse with 400).
  if (v.level == requirement_level::may) return warn(expected, f.story);
  return violation(expected, f.story);
}

std::map<std::string, request_vector const*, std::less<>> const& by_id() {
  static auto const index = [] {
    std::map<std::string, request_vector const*, std::less<>> m;
    for (auto const& v : all_vectors()) m.emplace(v.id, &v);
    return m;
  }();
  return index;
}

outcome run_vector(context& cx) {
  auto const it = by_id().find(cx.current_case().id);
  if (it == by_id().end()) return error("no vector has the id " + std::string(cx.current_case().id));
  auto const& v = *it->second;
  cx.note(v.file + ":" + std::to_string(v.line) + ": " + v.why);
  return judge(cx, v, probe_framing(cx, request_bytes(cx, v), v.method(), v.statuses));
}

}  // namespace

std::vector<request_vector> const& all_vectors() {
  static auto const vectors = [] {
    std::vector<request_vector> all;
    std::vector<std::string> errors;
    for (auto const& [name, text] : embedded_vector_files()) {
      auto parsed = parse_vectors(text, name, errors);
      all.insert(all.end(), std::make_move_iterator(parsed.begin()), std::make_move_iterator(parsed.end()));
    }
    if (!errors.empty()) throw std::logic_error("conformance/vectors/http1/" + errors.front());
    return all;
  }();
  return vectors;
}

std::vector<std::span<case_def const>> vector_tables() {
  static auto const tables = [] {
    // One case_def list per file; views point into all_vectors(), which never changes.
    std::vector<std::vector<case_def>> per_file;
    std::string_view file;
    for (auto const& v : all_vectors()) {
      if (v.file != file) per_file.emplace_back(), file = v.file;
      std::vector<std::string_view> see_also(v.see_also.begin(), v.see_also.end());
      per_file.back().push_back({.id = v.id,
                                 .section = v.section,
                                 .level = v.level,
                                 .title = v.title,
                                 .requirement = v.requirement,
                                 .see_also = std::move(see_also),
                                 .run = run_vector});
    }
    return per_file;
  }();
  std::vector<std::span<case_def const>> spans;
  for (auto const& t : tables) spans.emplace_back(t);
  return spans;
}

}  // namespace conform::http1
