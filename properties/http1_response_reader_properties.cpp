// Properties of the harness's HTTP/1 response reader: any well-formed response it is
// given comes back as it was written (status, reason, fields, body, framing), and the
// result does not depend on how the bytes are split across reads.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <ostream>
#include <cstdio>
#include <string>
#include <vector>

#include "harness/http1/response_reader.hpp"

namespace conform::h1 {
namespace {

struct written {
  int status = 200;
  std::string reason;
  std::vector<field> fields;
  std::string body;
  framing how = framing::content_length;
  std::vector<std::size_t> chunk_sizes;  // for chunked: how the body is cut
};

rc::Gen<std::string> token() {
  return rc::gen::nonEmpty(rc::gen::container<std::string>(rc::gen::elementOf(std::string("abcdefghijklmnopqrstuvwxyz-ABCXYZ0123456789!#$%&'*+.^_`|~"))));
}

rc::Gen<std::string> field_value() {
  // VCHAR and SP inside, never at the ends (OWS is trimmed).
  return rc::gen::map(rc::gen::container<std::string>(rc::gen::inRange<char>(0x21, 0x7f)), [](std::string v) {
    if (v.size() > 2) v[v.size() / 2] = ' ';
    return v;
  });
}

rc::Gen<written> response_gen() {
  return rc::gen::exec([] {
    written w;
    w.status = *rc::gen::inRange(200, 600);
    auto const reason_words = *rc::gen::container<std::vector<std::string>>(*rc::gen::inRange<std::size_t>(0, 4), token());
    for (auto const& word : reason_words) w.reason += (w.reason.empty() ? "" : " ") + word;
    auto names = *rc::gen::container<std::vector<std::string>>(*rc::gen::inRange<std::size_t>(0, 6), token());
    for (auto& n : names) {
      n = "X-" + n;  // never a framing field
      w.fields.push_back({n, *field_value()});
    }
    bool const no_content = w.status == 204 || w.status == 304;
    w.how = no_content ? framing::none : *rc::gen::element(framing::content_length, framing::chunked, framing::close_delimited);
    if (!no_content) w.body = *rc::gen::container<std::string>(rc::gen::arbitrary<char>());
    for (std::size_t left = w.body.size(); left > 0;) {
      auto const n = static_cast<std::size_t>(*rc::gen::inRange<std::size_t>(1, left + 1));
      w.chunk_sizes.push_back(n);
      left -= n;
    }
    return w;
  });
}

std::string serialize(written const& w) {
  std::string out = "HTTP/1.1 " + std::to_string(w.status) + " " + w.reason + "\r\n";
  for (auto const& f : w.fields) out += f.name + ": " + f.value + "\r\n";
  if (w.how == framing::content_length) out += "Content-Length: " + std::to_string(w.body.size()) + "\r\n";
  if (w.how == framing::chunked) out += "Transfer-Encoding: chunked\r\n";
  out += "\r\n";
  if (w.how == framing::chunked) {
    std::size_t at = 0;
    for (auto n : w.chunk_sizes) {
      char size[24];
      std::snprintf(size, sizeof size, "%zx", n);
      out += std::string(size) + "\r\n" + w.body.substr(at, n) + "\r\n";
      at += n;
    }
    out += "0\r\n\r\n";
  } else {
    out += w.body;
  }
  return out;
}

// How RapidCheck prints a counterexample: the bytes on the wire, escaped.
void showValue(written const& w, std::ostream& os) { os << '"' << escape(serialize(w), 4096) << '"'; }

// Feeds `wire` cut at `cuts` (sorted offsets), then the end of input.
response read_split(std::string const& wire, std::vector<std::size_t> cuts) {
  response_reader reader;
  reader.answering("GET");
  std::size_t at = 0;
  cuts.push_back(wire.size());
  for (auto cut : cuts) {
    cut = std::clamp(cut, at, wire.size());
    reader.feed(std::string_view(wire).substr(at, cut - at));
    at = cut;
  }
  reader.end_of_input();
  RC_ASSERT(reader.current() == response_reader::state::done);
  return reader.take();
}

RC_GTEST_PROP(http1_response_reader, reads_back_what_was_written, ()) {
  auto const w = *response_gen();
  auto const r = read_split(serialize(w), {});
  RC_ASSERT(r.status == w.status);
  RC_ASSERT(r.reason == w.reason);
  RC_ASSERT(r.body == w.body);
  RC_ASSERT(r.how == w.how);
  RC_ASSERT(r.violations.empty());
  for (auto const& f : w.fields) RC_ASSERT(r.header(f.name).has_value());
}

RC_GTEST_PROP(http1_response_reader, any_split_gives_the_same_response, ()) {
  auto const w = *response_gen();
  auto const wire = serialize(w);
  auto cuts = *rc::gen::container<std::vector<std::size_t>>(rc::gen::inRange<std::size_t>(0, wire.size() + 1));
  std::sort(cuts.begin(), cuts.end());
  auto const whole = read_split(wire, {});
  auto const split = read_split(wire, cuts);
  RC_ASSERT(split.status == whole.status);
  RC_ASSERT(split.body == whole.body);
  RC_ASSERT(split.fields.size() == whole.fields.size());
  RC_ASSERT(split.wire_size == whole.wire_size);
}

}  // namespace
}  // namespace conform::h1
