// Properties of the reference's state: the HTTP/1 request reader gives the same
// requests however the bytes arrive; the HTTP/2 stream state machine and flow-control
// window follow models written here from RFC 9113 §5.1 and §6.9 (rc::state).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <rapidcheck/state.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "reference/http1/request_reader.hpp"
#include "reference/http2/flow_window.hpp"
#include "reference/http2/rfc9113_5_1_stream_state.hpp"

namespace conform {
namespace {

namespace h1 = reference::http1;
namespace h2 = reference::http2;

struct written_request {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string body;
  bool chunked = false;
  std::string bytes;
};

// How a counterexample prints: the request's bytes, escaped.
void showValue(written_request const& w, std::ostream& os) {
  for (unsigned char c : w.bytes) {
    if (c == '\r') os << "\\r";
    else if (c == '\n') os << "\\n";
    else if (c < 0x20 || c >= 0x7f) os << "\\x" << "0123456789abcdef"[c >> 4] << "0123456789abcdef"[c & 15];
    else os << c;
  }
}

rc::Gen<written_request> request_gen() {
  return rc::gen::exec([] {
    written_request w;
    w.method = *rc::gen::element<std::string>("GET", "POST", "PUT", "DELETE", "OPTIONS");
    w.target = "/" + *rc::gen::container<std::string>(rc::gen::elementOf(std::string("abcxyz019-._~/")));
    auto const n = *rc::gen::inRange<std::size_t>(0, 6);
    for (std::size_t i = 0; i < n; ++i)
      w.fields.emplace_back("X-F" + std::to_string(i), *rc::gen::container<std::string>(rc::gen::inRange<char>(0x21, 0x7f)));
    if (w.method == "POST" || w.method == "PUT") {
      w.body = *rc::gen::container<std::string>(rc::gen::arbitrary<char>());
      w.chunked = *rc::gen::arbitrary<bool>();
    }
    w.bytes = w.method + " " + w.target + " HTTP/1.1\r\nHost: example\r\n";
    for (auto const& [name, value] : w.fields) w.bytes += name + ": " + value + "\r\n";
    if (!w.body.empty() && w.chunked) {
      w.bytes += "Transfer-Encoding: chunked\r\n\r\n";
      for (std::size_t at = 0; at < w.body.size(); at += 7) {
        auto const piece = w.body.substr(at, 7);
        char size[16];
        std::snprintf(size, sizeof size, "%zx", piece.size());
        w.bytes += std::string(size) + "\r\n" + piece + "\r\n";
      }
      w.bytes += "0\r\n\r\n";
    } else if (!w.body.empty()) {
      w.bytes += "Content-Length: " + std::to_string(w.body.size()) + "\r\n\r\n" + w.body;
    } else {
      w.bytes += "\r\n";
    }
    return w;
  });
}

struct read_request {
  std::string method, target, body;
  std::vector<std::pair<std::string, std::string>> fields;
  bool operator==(read_request const&) const = default;
};

// Feeds `pieces` one after another; returns every request read, or fails the property.
std::vector<read_request> read_all(std::vector<std::string> const& pieces) {
  h1::request_reader reader(reference::http1_limits{});
  h1::byte_buffer in;
  std::vector<read_request> out;
  for (auto const& p : pieces) {
    in.append(p);
    for (;;) {
      auto const e = reader.read(in);
      RC_ASSERT(e != h1::request_reader::event::rejected);
      if (e == h1::request_reader::event::need_more) break;
      if (e == h1::request_reader::event::header_done) {
        reader.keep_body(true);
        continue;
      }
      auto const& r = reader.current();
      read_request got{std::string(r.method_text()), std::string(r.target()), r.body(), {}};
      for (std::size_t i = 0; i < r.field_count(); ++i) got.fields.emplace_back(r.field_name(i), r.field_value(i));
      out.push_back(std::move(got));
      reader.next();
    }
  }
  return out;
}

RC_GTEST_PROP(ReferenceStateProperties, RequestReaderIsSplitInvariant, ()) {
  auto const requests = *rc::gen::container<std::vector<written_request>>(*rc::gen::inRange<std::size_t>(1, 4), request_gen());
  std::string bytes;
  for (auto const& w : requests) bytes += w.bytes;
  auto const whole = read_all({bytes});
  RC_ASSERT(whole.size() == requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    RC_ASSERT(whole[i].method == requests[i].method);
    RC_ASSERT(whole[i].target == requests[i].target);
    RC_ASSERT(whole[i].body == requests[i].body);
  }
  auto cuts = *rc::gen::container<std::vector<std::size_t>>(*rc::gen::inRange<std::size_t>(1, 20),
                                                            rc::gen::inRange<std::size_t>(0, bytes.size() + 1));
  cuts.push_back(0);
  cuts.push_back(bytes.size());
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::string> pieces;
  for (std::size_t i = 1; i < cuts.size(); ++i) pieces.push_back(bytes.substr(cuts[i - 1], cuts[i] - cuts[i - 1]));
  RC_ASSERT(read_all(pieces) == whole);
}

// --- RFC 9113 §5.1, as a table the test writes for itself --------------------------

struct stream_model {
  h2::stream_state state = h2::stream_state::idle;
};
using stream_sut = h2::stream_state;

struct recv_headers : rc::state::Command<stream_model, stream_sut> {
  bool end_stream = *rc::gen::arbitrary<bool>();
  void checkPreconditions(stream_model const& m) const override {
    // HEADERS opens an idle stream, or carries trailers on an open one (then END_STREAM).
    RC_PRE(m.state == h2::stream_state::idle || (end_stream && h2::peer_may_send(m.state)));
  }
  void apply(stream_model& m) const override {
    if (m.state == h2::stream_state::idle) m.state = end_stream ? h2::stream_state::half_closed_remote : h2::stream_state::open;
    else m.state = m.state == h2::stream_state::open ? h2::stream_state::half_closed_remote : h2::stream_state::closed;
  }
  void run(stream_model const& m, stream_sut& s) const override {
    s = h2::on_recv_headers(s, end_stream);
    stream_model next = m;
    apply(next);
    RC_ASSERT(s == next.state);
  }
  void show(std::ostream& os) const override { os << "recv HEADERS" << (end_stream ? " END_STREAM" : ""); }
};

struct recv_end_stream : rc::state::Command<stream_model, stream_sut> {
  void checkPreconditions(stream_model const& m) const override { RC_PRE(h2::peer_may_send(m.state)); }
  void apply(stream_model& m) const override {
    m.state = m.state == h2::stream_state::open ? h2::stream_state::half_closed_remote : h2::stream_state::closed;
  }
  void run(stream_model const& m, stream_sut& s) const override {
    s = h2::on_recv_end_stream(s);
    stream_model next = m;
    apply(next);
    RC_ASSERT(s == next.state);
  }
  void show(std::ostream& os) const override { os << "recv END_STREAM"; }
};

struct send_end_stream : rc::state::Command<stream_model, stream_sut> {
  void checkPreconditions(stream_model const& m) const override {
    RC_PRE(m.state == h2::stream_state::open || m.state == h2::stream_state::half_closed_remote);
  }
  void apply(stream_model& m) const override {
    m.state = m.state == h2::stream_state::open ? h2::stream_state::half_closed_local : h2::stream_state::closed;
  }
  void run(stream_model const& m, stream_sut& s) const override {
    s = h2::on_send_end_stream(s);
    stream_model next = m;
    apply(next);
    RC_ASSERT(s == next.state);
  }
  void show(std::ostream& os) const override { os << "send END_STREAM"; }
};

struct reset : rc::state::Command<stream_model, stream_sut> {
  void checkPreconditions(stream_model const& m) const override { RC_PRE(m.state != h2::stream_state::idle); }
  void apply(stream_model& m) const override { m.state = h2::stream_state::closed; }
  void run(stream_model const&, stream_sut& s) const override {
    s = h2::on_reset(s);
    RC_ASSERT(s == h2::stream_state::closed);
  }
  void show(std::ostream& os) const override { os << "RST_STREAM"; }
};

RC_GTEST_PROP(ReferenceStateProperties, StreamStatesFollowTheRfcDiagram, ()) {
  stream_model model;
  stream_sut sut = h2::stream_state::idle;
  rc::state::check(model, sut, rc::state::gen::execOneOfWithArgs<recv_headers, recv_end_stream, send_end_stream, reset>());
  // Only open and half-closed (local) let the peer send (RFC 9113 §5.1).
  RC_ASSERT(h2::peer_may_send(sut) == (sut == h2::stream_state::open || sut == h2::stream_state::half_closed_local));
}

// --- RFC 9113 §6.9: one window, against a plain integer ---------------------------

struct window_model {
  std::int64_t size = 65535;
};

struct grow : rc::state::Command<window_model, h2::flow_window> {
  std::int64_t by = *rc::gen::oneOf(rc::gen::inRange<std::int64_t>(1, 70000), rc::gen::inRange<std::int64_t>(1, 0x7fffffff));
  void apply(window_model& m) const override {
    if (m.size + by <= 0x7fffffff) m.size += by;
  }
  void run(window_model const& m, h2::flow_window& w) const override {
    RC_ASSERT(w.grow(by) == (m.size + by <= 0x7fffffff));  // beyond 2^31-1: FLOW_CONTROL_ERROR (§6.9.1)
    window_model next = m;
    apply(next);
    RC_ASSERT(w.size() == next.size);
  }
  void show(std::ostream& os) const override { os << "grow " << by; }
};

struct consume : rc::state::Command<window_model, h2::flow_window> {
  std::int64_t n = *rc::gen::inRange<std::int64_t>(0, 100000);
  void apply(window_model& m) const override {
    if (n <= m.size) m.size -= n;
  }
  void run(window_model const& m, h2::flow_window& w) const override {
    RC_ASSERT(w.consume(n) == (n <= m.size));  // more than the window: FLOW_CONTROL_ERROR
    window_model next = m;
    apply(next);
    RC_ASSERT(w.size() == next.size);
    RC_ASSERT(w.available() == std::max<std::int64_t>(next.size, 0));
  }
  void show(std::ostream& os) const override { os << "consume " << n; }
};

RC_GTEST_PROP(ReferenceStateProperties, FlowWindowFollowsItsModel, ()) {
  window_model model;
  h2::flow_window window;
  rc::state::check(model, window, rc::state::gen::execOneOfWithArgs<grow, consume>());
}

}  // namespace
}  // namespace conform
