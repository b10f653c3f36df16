// The WebSocket mutator: client frames decoded, changed field by field where RFC 6455
// §5 draws its lines, and encoded again with the harness's raw frame builder (which
// writes any frame, valid or not).
#include <array>

#include "conformance/fuzz/ws_protocol.hpp"
#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"

namespace conform::fuzz {
namespace {

using rng_t = std::mt19937_64;

std::optional<std::vector<ws::frame_spec>> decode(std::string_view input) {
  ws::frame_reader reader(1u << 20);
  reader.feed(input);
  std::vector<ws::frame_spec> out;
  ws::frame f;
  for (;;) {
    auto const st = reader.next(f);
    if (st == ws::frame_reader::state::failed) return std::nullopt;
    if (st == ws::frame_reader::state::need_more) return reader.buffered() == 0 ? std::optional(out) : std::nullopt;
    out.push_back({.fin = f.fin, .rsv = f.rsv, .op = f.op, .masked = f.masked, .mask_key = f.mask_key,
                   .payload = f.payload, .form = ws::length_form::minimal, .declared_length = std::nullopt});
  }
}

constexpr std::array<std::string_view, 8> payload_bits = {
    "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xff", "\xe2\x82",
    std::string_view("\0", 1), "Hello"};
constexpr std::array<std::uint16_t, 12> close_codes = {1000, 1001, 1002, 1005, 1006, 999, 1004, 1015, 1016, 2999, 3000, 5000};

void change_payload(ws::frame_spec& f, rng_t& rng) {
  switch (rng() % 5) {
    case 0: f.payload.insert(rng() % (f.payload.size() + 1), payload_bits[rng() % payload_bits.size()]); break;
    case 1: f.payload.resize(rng() % (f.payload.size() + 1)); break;
    case 2: f.payload.append(rng() % 2 ? 126 - f.payload.size() % 126 : 200, 'x'); break;
    case 3: f.payload = ws::close_payload(close_codes[rng() % close_codes.size()], rng() % 4 ? "" : "\xff bye"); break;
    default: f.payload.assign(rng() % 2 ? 125 : 126, '*');
  }
}

void change_frame(ws::frame_spec& f, rng_t& rng) {
  switch (rng() % 8) {
    case 0: f.fin = !f.fin; break;
    case 1: f.rsv = static_cast<std::uint8_t>(1u << (rng() % 3)); break;
    case 2: f.op = static_cast<std::uint8_t>(rng() % 16); break;
    case 3: f.masked = !f.masked; break;
    case 4: f.form = static_cast<ws::length_form>(1 + rng() % 3); break;
    case 5: f.declared_length = rng() % 3 == 0 ? (std::uint64_t{1} << 63) - 1 : f.payload.size() + 1 + rng() % 64; break;
    default: change_payload(f, rng);
  }
}

void change_sequence(std::vector<ws::frame_spec>& frames, std::vector<std::string> const& seeds, rng_t& rng) {
  auto const at = frames.empty() ? 0 : rng() % frames.size();
  switch (rng() % 5) {
    case 0: if (!frames.empty()) frames.insert(frames.begin() + static_cast<std::ptrdiff_t>(at), frames[at]); break;
    case 1: if (!frames.empty()) frames.erase(frames.begin() + static_cast<std::ptrdiff_t>(at)); break;
    case 2:  // a control frame between fragments, or anywhere
      frames.insert(frames.begin() + static_cast<std::ptrdiff_t>(at),
                    ws::control_frame(rng() % 2 ? ws::opcode::ping : ws::opcode::pong, "ping"));
      break;
    case 3: if (frames.size() > 1) std::swap(frames[at], frames[rng() % frames.size()]); break;
    default:
      if (auto more = decode(seeds[rng() % seeds.size()])) frames.insert(frames.end(), more->begin(), more->end());
  }
}

}  // namespace

std::string mutate_ws(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) {
  auto frames = decode(input);
  std::string out;
  if (!frames || frames->empty()) {
    out = std::string(input);
  } else {
    auto const rounds = 1 + rng() % 3;
    for (std::size_t r = 0; r < rounds; ++r) {
      if (rng() % 3 == 0 || frames->empty()) change_sequence(*frames, seeds, rng);
      else change_frame((*frames)[rng() % frames->size()], rng);
    }
    for (auto const& f : *frames) out += ws::encode(f);
  }
  if (rng() % 10 == 0 && !out.empty()) out[rng() % out.size()] = static_cast<char>(rng());
  return out;
}

std::vector<std::string> ws_units(std::string_view input) {
  std::vector<std::string> units;
  ws::frame_reader reader(1u << 20);
  reader.feed(input);
  std::size_t used = 0;
  ws::frame f;
  while (reader.next(f) == ws::frame_reader::state::frame) {
    auto const now = input.size() - reader.buffered();
    units.emplace_back(input.substr(used, now - used));
    used = now;
  }
  if (used < input.size()) units.emplace_back(input.substr(used));
  return units;
}

}  // namespace conform::fuzz
