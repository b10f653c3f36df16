#include "reference/http2/endpoint_bridge.hpp"

#include <cctype>

#include "reference/http1/request.hpp"
#include "reference/http1/response_writer.hpp"
#include "reference/http1/router.hpp"

namespace conform::reference::http2 {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// RFC 9113 §8.2.2: these never appear in HTTP/2.
bool connection_specific(std::string_view name) {
  return name == "connection" || name == "keep-alive" || name == "transfer-encoding" || name == "upgrade" ||
         name == "proxy-connection";
}

// One "HTTP/1.1 200 OK\r\nName: value\r\n...\r\n" head, consumed from `text`.
response_head take_head(std::string_view& text, bool& chunked) {
  response_head head;
  auto const end = text.find("\r\n\r\n");
  std::string_view block = text.substr(0, end);
  text.remove_prefix(end + 4);
  auto const line_end = block.find("\r\n");
  head.status = std::stoi(std::string(block.substr(9, 3)));
  head.fields.push_back({":status", std::string(block.substr(9, 3)), false});
  block.remove_prefix(line_end == std::string_view::npos ? block.size() : line_end + 2);
  while (!block.empty()) {
    auto const next = block.find("\r\n");
    std::string_view const line = block.substr(0, next);
    block.remove_prefix(next == std::string_view::npos ? block.size() : next + 2);
    auto const colon = line.find(':');
    std::string name = lower(line.substr(0, colon));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (name == "transfer-encoding") chunked = true;
    if (connection_specific(name)) continue;
    head.fields.push_back({std::move(name), std::string(value), false});
  }
  return head;
}

// The data of the chunks in `framed` ("5\r\nhello\r\n...0\r\n\r\n"), one piece each. Our
// producers write whole chunks per call, so no chunk spans two calls.
void split_chunks(std::string_view framed, std::vector<std::string>& pieces) {
  while (!framed.empty()) {
    auto const line_end = framed.find("\r\n");
    std::size_t const size = std::stoul(std::string(framed.substr(0, line_end)), nullptr, 16);
    framed.remove_prefix(line_end + 2);
    if (size == 0) return;
    pieces.emplace_back(framed.substr(0, size));
    framed.remove_prefix(size + 2);
  }
}

}  // namespace

response_body::response_body(std::string inline_body, std::unique_ptr<http1::body_producer> producer, bool chunked)
    : inline_(std::move(inline_body)), producer_(std::move(producer)), chunked_(chunked) {}

bool response_body::next(std::vector<std::string>& pieces, std::size_t budget) {
  if (!inline_.empty()) {
    pieces.push_back(std::move(inline_));
    inline_.clear();
    return !producer_;
  }
  if (!producer_) return true;
  std::string out;
  bool const done = producer_->produce(out, budget);
  if (chunked_) {
    split_chunks(out, pieces);
  } else if (!out.empty()) {
    pieces.push_back(std::move(out));
  }
  if (done) producer_.reset();
  return done;
}

response serve(request_head const& head, std::string const& body, std::string_view date) {
  http1::request req;
  req.set_request_line(head.method, head.path, 11);
  if (!head.authority.empty()) req.add_field("host", head.authority);
  for (auto const& f : head.fields)
    if (f.name != "host" || head.authority.empty()) req.add_field(f.name, f.value);
  // set_path takes views into the request's own copy of the target.
  std::string_view const target = req.target();
  auto const q = target.find('?');
  req.set_path(target.substr(0, q), q == std::string_view::npos ? std::string_view{} : target.substr(q + 1));
  req.body() = body;

  std::string wire;
  http1::response_context context{.version = 11, .head = head.method == "HEAD", .keep_alive = true, .date = date};
  http1::response_writer writer(wire, context);
  http1::answer(http1::route(req), req, writer);

  response out;
  std::string_view text = wire;
  bool chunked = false;
  for (;;) {
    response_head h = take_head(text, chunked);
    if (h.status >= 200) {
      out.head = std::move(h);
      break;
    }
    out.interim.push_back(std::move(h));
  }
  out.body = response_body(std::string(text), writer.take_producer(), chunked);
  return out;
}

response plain_response(int status, std::string_view text, std::string_view date) {
  response out;
  out.head.status = status;
  out.head.fields = {{":status", std::to_string(status), false},
                     {"date", std::string(date), false},
                     {"content-type", "text/plain; charset=utf-8", false},
                     {"content-length", std::to_string(text.size()), false}};
  out.body = response_body(std::string(text), nullptr, false);
  return out;
}

}  // namespace conform::reference::http2
