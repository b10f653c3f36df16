// "/stream/{n}": n short lines, each its own chunk of a chunked body to an HTTP/1.1
// client. An HTTP/1.0 client cannot receive chunked coding (RFC 9112 §6.1), so it gets
// the same lines with a Content-Length.
#include <algorithm>
#include <charconv>
#include <memory>

#include "reference/http1/endpoints/endpoint.hpp"

namespace conform::reference::http1 {
namespace {

constexpr std::uint64_t max_lines = 10'000;

// "line 7 of 10\n" into `buf`; returns its length.
std::size_t format_line(char (&buf)[64], std::uint64_t i, std::uint64_t n) {
  char* p = buf;
  auto put = [&p](std::string_view s) { p = std::copy(s.begin(), s.end(), p); };
  auto num = [&p, &buf](std::uint64_t v) { p = std::to_chars(p, buf + sizeof buf, v).ptr; };
  put("line ");
  num(i);
  put(" of ");
  num(n);
  put("\n");
  return static_cast<std::size_t>(p - buf);
}

class line_producer final : public body_producer {
 public:
  line_producer(std::uint64_t n, bool chunked) : n_(n), chunked_(chunked) {}

  bool produce(std::string& out, std::size_t budget) override {
    std::size_t const start = out.size();
    while (next_ < n_ && out.size() - start < budget) {
      char line[64];
      std::size_t const line_size = format_line(line, next_, n_);
      if (chunked_) {
        // chunk = chunk-size CRLF chunk-data CRLF (RFC 9112 §7.1)
        char size[17];
        out.append(size, std::to_chars(size, size + sizeof size, line_size, 16).ptr);
        out.append("\r\n");
        out.append(line, line_size);
        out.append("\r\n");
      } else {
        out.append(line, line_size);
      }
      ++next_;
    }
    if (next_ < n_) return false;
    if (chunked_) out.append("0\r\n\r\n");  // last-chunk, no trailers
    return true;
  }

 private:
  std::uint64_t n_;
  bool chunked_;
  std::uint64_t next_ = 0;
};

void respond_stream(exchange& ex) {
  std::uint64_t n = 0;
  if (!parse_decimal(ex.param, n) || n > max_lines) {
    respond_text(ex.out, 400, "400 Bad Request: /stream/{n} takes 0..10000\n");
    return;
  }
  ex.out.start(200);
  ex.out.field("Content-Type", "text/plain; charset=utf-8");
  if (ex.req.version() == 11) {
    ex.out.finish_chunked(std::make_unique<line_producer>(n, true));
    return;
  }
  std::uint64_t length = 0;
  char line[64];
  for (std::uint64_t i = 0; i < n; ++i) length += format_line(line, i, n);
  ex.out.finish_sized(length, std::make_unique<line_producer>(n, false));
}

}  // namespace

resource const stream_resource{"/stream/{n}", {method::get, method::head, method::options}, false,
                               respond_stream};

}  // namespace conform::reference::http1
