// Limits and performance (Autobahn|Testsuite group 9): large messages, large messages
// in many fragments or written in small chops, and 1000 round trips. They measure
// (throughput, round-trip time) as INFO and FAIL only on wrong content or a missed
// deadline (the case timeout). Exclusive and heavy: they run alone, with --heavy.
#include <chrono>
#include <cstdio>
#include <deque>

#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/verify.hpp"

namespace conform::websocket {
namespace {

using clock = std::chrono::steady_clock;

struct load_row {
  std::string_view name;
  std::uint8_t op;
  std::size_t size;
  std::size_t fragment = 0;  // fragment size; 0: one frame
  std::size_t chop = 0;      // write size; 0: one write
  int rounds = 1;            // messages sent one after the other, each awaited
};

constexpr std::size_t KiB = 1024, MiB = 1024 * 1024;

constexpr load_row rows[] = {
    {"text-64k", 1, 64 * KiB}, {"text-256k", 1, 256 * KiB}, {"text-1m", 1, MiB},
    {"text-4m", 1, 4 * MiB},   {"text-8m", 1, 8 * MiB},     {"text-16m", 1, 16 * MiB},
    {"binary-64k", 2, 64 * KiB}, {"binary-256k", 2, 256 * KiB}, {"binary-1m", 2, MiB},
    {"binary-4m", 2, 4 * MiB},   {"binary-8m", 2, 8 * MiB},     {"binary-16m", 2, 16 * MiB},
    {"text-4m-fragments-64", 1, 4 * MiB, 64},       {"text-4m-fragments-256", 1, 4 * MiB, 256},
    {"text-4m-fragments-1k", 1, 4 * MiB, KiB},      {"text-4m-fragments-4k", 1, 4 * MiB, 4 * KiB},
    {"text-4m-fragments-16k", 1, 4 * MiB, 16 * KiB}, {"text-4m-fragments-64k", 1, 4 * MiB, 64 * KiB},
    {"text-4m-fragments-256k", 1, 4 * MiB, 256 * KiB}, {"text-4m-fragments-1m", 1, 4 * MiB, MiB},
    {"text-4m-fragments-4m", 1, 4 * MiB, 4 * MiB},
    {"binary-4m-fragments-64", 2, 4 * MiB, 64},       {"binary-4m-fragments-256", 2, 4 * MiB, 256},
    {"binary-4m-fragments-1k", 2, 4 * MiB, KiB},      {"binary-4m-fragments-4k", 2, 4 * MiB, 4 * KiB},
    {"binary-4m-fragments-16k", 2, 4 * MiB, 16 * KiB}, {"binary-4m-fragments-64k", 2, 4 * MiB, 64 * KiB},
    {"binary-4m-fragments-256k", 2, 4 * MiB, 256 * KiB}, {"binary-4m-fragments-1m", 2, 4 * MiB, MiB},
    {"binary-4m-fragments-4m", 2, 4 * MiB, 4 * MiB},
    {"text-1m-chops-64", 1, MiB, 0, 64},     {"text-1m-chops-128", 1, MiB, 0, 128},
    {"text-1m-chops-256", 1, MiB, 0, 256},   {"text-1m-chops-512", 1, MiB, 0, 512},
    {"text-1m-chops-1k", 1, MiB, 0, KiB},    {"text-1m-chops-2k", 1, MiB, 0, 2 * KiB},
    {"binary-1m-chops-64", 2, MiB, 0, 64},   {"binary-1m-chops-128", 2, MiB, 0, 128},
    {"binary-1m-chops-256", 2, MiB, 0, 256}, {"binary-1m-chops-512", 2, MiB, 0, 512},
    {"binary-1m-chops-1k", 2, MiB, 0, KiB},  {"binary-1m-chops-2k", 2, MiB, 0, 2 * KiB},
    {"text-rtt-0", 1, 0, 0, 0, 1000},       {"text-rtt-16", 1, 16, 0, 0, 1000},
    {"text-rtt-64", 1, 64, 0, 0, 1000},     {"text-rtt-256", 1, 256, 0, 0, 1000},
    {"text-rtt-1k", 1, KiB, 0, 0, 1000},    {"text-rtt-4k", 1, 4 * KiB, 0, 0, 1000},
    {"binary-rtt-0", 2, 0, 0, 0, 1000},     {"binary-rtt-16", 2, 16, 0, 0, 1000},
    {"binary-rtt-64", 2, 64, 0, 0, 1000},   {"binary-rtt-256", 2, 256, 0, 0, 1000},
    {"binary-rtt-1k", 2, KiB, 0, 0, 1000},  {"binary-rtt-4k", 2, 4 * KiB, 0, 0, 1000},
};

std::vector<frame_spec> message_frames(load_row const& r, std::string const& payload) {
  if (r.fragment == 0) return {ws::data_frame(r.op, payload)};
  std::vector<frame_spec> frames;
  for (std::size_t at = 0; at < payload.size(); at += r.fragment)
    frames.push_back(ws::data_frame(at == 0 ? r.op : 0, payload.substr(at, r.fragment), at + r.fragment >= payload.size()));
  return frames;
}

std::string rate(double octets, double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f MB/s", seconds > 0 ? octets / seconds / 1e6 : 0.0);
  return buf;
}

outcome load(context& cx) {
  auto const& r = row_for(cx, rows);
  ws::client c(cx);
  if (auto e = open_or_error(c)) return *e;
  auto const payload = r.op == 1 ? text_payload(r.size) : binary_payload(r.size);
  auto const expected = r.op == 1 ? ws::text_event(payload) : ws::binary_event(payload);
  auto const frames = message_frames(r, payload);
  auto const started = clock::now();
  std::chrono::microseconds slowest{0};
  for (int i = 0; i < r.rounds; ++i) {
    auto const sent = clock::now();
    c.send_frames(frames, {r.chop, false});
    auto const got = c.collect(1, cx.deadline());
    slowest = std::max(slowest, std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - sent));
    if (got.empty()) {
      auto o = fail(ws::describe(expected) + " within the case timeout", "nothing (round " + std::to_string(i + 1) + ")");
      c.close_normally();
      o.close = c.grade_close({1000}, true, close_report::side::harness);
      return o;
    }
    if (got[0] != expected) {
      c.close_normally();
      auto o = fail(ws::describe(expected) + " with the payload as sent", ws::describe(got[0]) + ", different");
      o.close = c.grade_close({1000}, true, close_report::side::harness);
      return o;
    }
  }
  double const seconds = std::chrono::duration<double>(clock::now() - started).count();
  c.close_normally();
  auto const close = c.grade_close({1000}, true, close_report::side::harness);
  std::string what = r.rounds > 1 ? std::to_string(r.rounds) + " round trips of " + std::to_string(r.size) +
                                        " octets in " + std::to_string(seconds * 1000).substr(0, 7) + " ms (slowest " +
                                        std::to_string(slowest.count()) + " µs)"
                                  : std::to_string(r.size) + " octets echoed in " +
                                        std::to_string(seconds * 1000).substr(0, 7) + " ms (" +
                                        rate(2.0 * static_cast<double>(r.size), seconds) + ")";
  auto o = info(what).with("seconds", std::to_string(seconds));
  o.close = close;
  return o;
}

constexpr std::string_view rule = "The length of the \"Payload data\", in bytes: if 0-125, that is the payload "
                                  "length. [...] If 127, the following 8 bytes interpreted as a 64-bit unsigned "
                                  "integer [...] are the payload length.";

std::vector<case_def> build() {
  static std::deque<std::string> text;
  // Autobahn's numbering: 9.<group>.<n>, six or nine rows per group.
  constexpr int group_sizes[] = {6, 6, 9, 9, 6, 6, 6, 6};
  std::vector<case_def> out;
  std::size_t row = 0;
  for (int g = 0; g < 8; ++g)
    for (int n = 1; n <= group_sizes[g]; ++n, ++row) {
      auto const& r = rows[row];
      auto const& id = text.emplace_back("ws/limits/" + std::string(r.name));
      auto const& title = text.emplace_back(
          r.rounds > 1 ? "1000 round trips of " + std::string(r.name.substr(0, r.name.find('-'))) + " messages (" +
                             std::to_string(r.size) + " octets): the round-trip time"
                       : "a large message echoed intact: " + std::string(r.name) + " (throughput)");
      auto const& see = text.emplace_back("autobahn:9." + std::to_string(g + 1) + "." + std::to_string(n));
      out.push_back({.id = id, .section = "RFC 6455 §5.2", .level = requirement_level::info, .title = title,
                     .requirement = rule, .see_also = {see}, .needs = {capability::websocket}, .exclusive = true,
                     .heavy = true, .run = load});
    }
  return out;
}

}  // namespace

std::span<case_def const> limits_cases() {
  static std::vector<case_def> const table = build();
  return table;
}

}  // namespace conform::websocket
