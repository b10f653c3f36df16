// Differential fuzz target: Boost.Beast's HTTP/1 response parser against the harness's
// response reader. Beast is strict and widely deployed; the harness reader is tolerant
// (it reads through grammar problems, noting each, to judge them). So wherever Beast
// accepts a whole response, the harness must read it too; and where the harness also
// found nothing wrong with it, both must read the same message: the same status, the same
// body and the same length on the wire. A different length is the request-smuggling kind
// of disagreement (the two would split a stream of responses differently). Where the
// harness noted a violation, the two recover from invalid input in their own ways (Beast
// 1.81 ends a Transfer-Encoding list at the first non-token octet, so it reads
// "chunked\xee" and "chunked x" as chunked and "g\xd4zip, chunked" as not; the harness
// takes the last element as the final coding, RFC 9112 §6.3), and the judge reports the
// violation.
// The first byte picks GET or HEAD and the size of each read by the harness; the rest
// is the wire.
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "harness/http1/response_reader.hpp"

namespace {

namespace http = boost::beast::http;

struct read_result {
  int status = 0;
  std::string body{};
  std::size_t wire_size = 0;
  bool valid = true;  // no grammar problem noted (the harness's reading only)
};

// Beast's reading, or nothing when Beast refuses the input, it ends too early, or Beast
// cannot read it right.
std::optional<read_result> beast_read(std::string_view in, bool head) {
  http::response_parser<http::string_body> parser;
  parser.header_limit(4096);
  parser.body_limit(1 << 16);
  parser.eager(true);
  parser.skip(head);
  boost::beast::error_code ec;
  // Beast gets everything at once, as a read loop would after the peer sent it all and
  // closed: put the unread rest until Beast wants more, then put_eof. (Its own split
  // handling is not under test: Debian's Beast 1.81 asserts when a remainder shorter than
  // a chunk header is put again, boostorg/beast#2861, fixed upstream in 2024; found by
  // this target, docs/fuzzing.md.)
  std::size_t used = 0;
  while (!parser.is_done()) {
    std::size_t const taken =
        used == in.size() ? 0 : parser.put(boost::asio::buffer(in.data() + used, in.size() - used), ec);
    used += taken;
    bool const wants_more = ec == http::error::need_more || taken == 0;
    if (ec && ec != http::error::need_more) return std::nullopt;
    ec = {};
    if (wants_more) {  // the input is exhausted: the peer closed here
      if (!parser.got_some()) return std::nullopt;  // put_eof's precondition
      parser.put_eof(ec);  // ends a close-delimited body; anything else is an error
      if (ec || !parser.is_done()) return std::nullopt;
    }
  }
  auto const& msg = parser.get();
  // Beast 1.81 reads a Transfer-Encoding list as bare tokens, so a coding with parameters
  // ("gzip;q=1, chunked", valid by RFC 9112 §7) hides the chunked after it: not compared.
  for (auto [f, last] = msg.equal_range(http::field::transfer_encoding); f != last; ++f) {
    if (f->value().find(';') != boost::beast::string_view::npos) return std::nullopt;
  }
  return read_result{static_cast<int>(msg.result_int()), msg.body(), used, true};
}

std::optional<read_result> harness_read(std::string_view in, bool head, std::size_t step) {
  using conform::h1::response_reader;
  response_reader reader({.max_head = 1 << 16, .max_line = 1 << 16, .max_body = 1 << 17});
  reader.answering(head ? "HEAD" : "GET");
  while (!in.empty() && reader.current() == response_reader::state::need_more) {
    in.remove_prefix(reader.feed(in.substr(0, step)));
  }
  if (reader.current() == response_reader::state::need_more) reader.end_of_input();
  if (reader.current() != response_reader::state::done) {
    if (!reader.noted().empty()) return read_result{.valid = false};  // failed reading invalid input
    return std::nullopt;
  }
  auto r = reader.take();
  return read_result{r.status, r.body, r.wire_size, r.violations.empty()};
}

[[noreturn]] void disagree(char const* what, read_result const& beast, std::optional<read_result> const& ours) {
  std::fprintf(stderr, "Beast and the harness disagree on %s: Beast status %d, body %zu bytes, %zu on the wire; ",
               what, beast.status, beast.body.size(), beast.wire_size);
  if (ours) {
    std::fprintf(stderr, "harness status %d, body %zu bytes, %zu on the wire\n", ours->status, ours->body.size(),
                 ours->wire_size);
  } else {
    std::fprintf(stderr, "the harness could not read it\n");
  }
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  bool const head = (data[0] & 1) != 0;
  std::size_t const step = 1 + (data[0] >> 1);
  std::string_view const in(reinterpret_cast<char const*>(data) + 1, size - 1);
  auto const beast = beast_read(in, head);
  if (!beast) return 0;  // Beast refused: the tolerant reader may read it or not
  auto const ours = harness_read(in, head, step);
  if (ours && !ours->valid) return 0;
  if (!ours) disagree("whether the response is readable", *beast, ours);
  if (ours->status != beast->status) disagree("the status", *beast, ours);
  if (ours->wire_size != beast->wire_size) disagree("where the response ends", *beast, ours);
  if (ours->body != beast->body) disagree("the body", *beast, ours);
  return 0;
}
