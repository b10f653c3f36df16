// RFC 7692 §7 permessage-deflate over whole message streams: Autobahn|Testsuite groups
// 12 (five corpora, the default offer) and 13 (one corpus, seven offers of
// server_no_context_takeover and server_max_window_bits). Each case negotiates the
// extension, sends 1000 compressed messages of one size (whole, or in frames of 256
// compressed octets) pipelined in windows, and requires every echo, inflated by the
// harness codec with the agreed parameters, to equal what was sent; then a clean
// close. The 216 cases are generated from families x sizes. A target that declines
// the extension gets SKIP (Autobahn's UNIMPLEMENTED).
#include <algorithm>
#include <atomic>
#include <deque>
#include <stdexcept>

#include "conformance/websocket/deflate_corpora.hpp"
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

struct family {
  std::string_view autobahn;  // "12.1"
  std::string_view name;      // id segment
  corpus source;
  std::uint8_t op;
  std::string_view offer;  // Sec-WebSocket-Extensions
  std::string_view what;   // for titles
};

constexpr std::string_view default_offer = "permessage-deflate; client_max_window_bits";

// 13.x: Autobahn's (requestNoContextTakeover, requestMaxWindowBits) offers, i.e.
// server_no_context_takeover and server_max_window_bits (0: not sent).
constexpr family families[] = {
    {"12.1", "json", corpus::json, 1, default_offer, "JSON data (text)"},
    {"12.2", "bitmap", corpus::bitmap, 2, default_offer, "a 1-bit bitmap (binary)"},
    {"12.3", "german-text", corpus::german_text, 2, default_offer, "German text (binary)"},
    {"12.4", "html", corpus::html, 1, default_offer, "HTML (text)"},
    {"12.5", "pdf", corpus::pdf, 2, default_offer, "a PDF (binary)"},
    {"13.1", "offer-default", corpus::json, 1, default_offer, "JSON, default offer"},
    {"13.2", "offer-no-context-takeover", corpus::json, 1,
     "permessage-deflate; client_max_window_bits; server_no_context_takeover", "JSON, server_no_context_takeover"},
    {"13.3", "offer-window-9", corpus::json, 1, "permessage-deflate; client_max_window_bits; server_max_window_bits=9",
     "JSON, server_max_window_bits=9"},
    {"13.4", "offer-window-15", corpus::json, 1,
     "permessage-deflate; client_max_window_bits; server_max_window_bits=15", "JSON, server_max_window_bits=15"},
    {"13.5", "offer-no-context-takeover-window-9", corpus::json, 1,
     "permessage-deflate; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9",
     "JSON, server_no_context_takeover and server_max_window_bits=9"},
    {"13.6", "offer-no-context-takeover-window-15", corpus::json, 1,
     "permessage-deflate; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15",
     "JSON, server_no_context_takeover and server_max_window_bits=15"},
    {"13.7", "offer-list", corpus::json, 1,
     "permessage-deflate; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, "
     "permessage-deflate; client_max_window_bits; server_no_context_takeover, "
     "permessage-deflate; client_max_window_bits",
     "JSON, three offers in order of preference"},
};

// Autobahn's 18 points: ten sizes in one frame, eight in frames of 256 octets.
struct size_point {
  std::size_t size;
  std::size_t fragment;  // compressed octets per frame; 0: one frame
};
constexpr size_point points[] = {
    {16, 0},       {64, 0},       {256, 0},      {1024, 0},     {4096, 0},     {8192, 0},
    {16384, 0},    {32768, 0},    {65536, 0},    {131072, 0},   {256, 256},    {1024, 256},
    {4096, 256},   {8192, 256},   {16384, 256},  {32768, 256},  {65536, 256},  {131072, 256},
};
std::atomic<std::size_t> messages = 1000;  // per case, as Autobahn (self-tests use fewer)
constexpr std::size_t heavy_from = 4096;   // larger cases run with --heavy (see docs/architecture.md)
constexpr std::size_t window_octets = 256 * 1024;  // pipelined before reading the echoes

struct stream_case {
  std::string id;
  family const* fam = nullptr;
  size_point point{};
};
std::deque<stream_case> table;  // filled once by build(), found by case id

stream_case const& row(context& cx) {
  for (auto const& r : table)
    if (r.id == cx.current_case().id) return r;
  throw std::logic_error("no permessage-deflate row for " + std::string(cx.current_case().id));
}

std::string preview(std::string_view s) {
  return std::to_string(s.size()) + " octets" + (s.size() > 16 ? "" : " \"" + std::string(s) + "\"");
}

// The first echo that differs from message `index`, described; empty when all match.
std::string compare(std::vector<event> const& got, stream_case const& r, std::size_t first) {
  for (std::size_t i = 0; i < got.size(); ++i) {
    auto const sent = corpus_message(r.fam->source, first + i, r.point.size);
    auto const& e = got[i];
    bool const kind_ok = e.what == (r.fam->op == 1 ? event::kind::text : event::kind::binary);
    if (!kind_ok || e.payload != sent)
      return "message " + std::to_string(first + i + 1) + ": " + ws::describe(e).substr(0, 200) + " (" +
             preview(e.payload) + ") instead of the " + preview(sent) + " sent";
  }
  return {};
}

outcome closing(ws::client& c, outcome o) {
  c.close_normally();
  o.close = c.grade_close({1000}, true, close_report::side::harness);
  return o;
}

outcome compressed_stream(context& cx) {
  auto const& r = row(cx);
  ws::client c(cx);
  ws::opening o;
  o.extensions = std::string(r.fam->offer);
  if (auto e = open_or_error(c, o)) return *e;
  if (!c.deflate()) {
    c.close_normally();
    return skip("the target declined permessage-deflate (offered \"" + std::string(r.fam->offer) + "\")");
  }
  auto const count = std::max<std::size_t>(1, messages.load());
  auto const per_window = std::max<std::size_t>(1, window_octets / std::max<std::size_t>(r.point.size, 1));
  for (std::size_t first = 0; first < count; first += per_window) {
    auto const n = std::min(per_window, count - first);
    for (std::size_t i = first; i < first + n; ++i)
      c.send_compressed(r.fam->op, corpus_message(r.fam->source, i, r.point.size), 1, r.point.fragment);
    auto const got = c.collect(n, cx.deadline());
    if (auto why = compare(got, r, first); !why.empty())
      return closing(c, fail("every echo, inflated, equal to the message sent", why));
    if (got.size() < n)
      return closing(c, fail(std::to_string(count) + " echoed messages within the case timeout",
                             std::to_string(first + got.size()) + " messages"));
  }
  return closing(c, pass(std::to_string(count) + " compressed messages of " + std::to_string(r.point.size) +
                         " octets echoed intact"));
}

constexpr std::string_view rule =
    "To receive a message, an endpoint decompresses the payload data [...] by appending 4 octets of 0x00 0x00 0xff "
    "0xff to the tail end of the payload of the message and decompressing the resulting data using DEFLATE.";
constexpr std::string_view section = "RFC 7692 §7.2";

std::string size_name(size_point p) {
  auto const n = p.size >= 1024 ? std::to_string(p.size / 1024) + "k" : std::to_string(p.size);
  return n + (p.fragment ? "-fragments-" + std::to_string(p.fragment) : "");
}

std::vector<case_def> build() {
  static std::deque<std::string> text;
  std::vector<case_def> out;
  for (auto const& f : families) {
    int n = 0;
    for (auto const& p : points) {
      auto const group = f.autobahn.substr(0, 2) == "12" ? std::string("compressed") : std::string("parameters");
      auto const& id =
          table.emplace_back(stream_case{"ws/deflate/" + group + "-" + std::string(f.name) + "-" + size_name(p), &f, p})
              .id;
      auto const& title = text.emplace_back(
          "1000 compressed messages of " + std::to_string(p.size) + " octets of " + std::string(f.what) +
          (p.fragment ? ", in frames of 256 octets," : "") + " are echoed intact");
      auto const& see = text.emplace_back("autobahn:" + std::string(f.autobahn) + "." + std::to_string(++n));
      out.push_back({.id = id, .section = section, .level = requirement_level::must, .title = title,
                     .requirement = rule, .see_also = {see}, .needs = {capability::websocket, capability::deflate},
                     .heavy = p.size >= heavy_from, .run = compressed_stream});
    }
  }
  return out;
}

}  // namespace

void set_deflate_stream_messages(std::size_t n) { messages = n; }

std::span<case_def const> deflate_stream_cases() {
  static std::vector<case_def> const cases = build();
  return cases;
}

}  // namespace conform::websocket
