// The HTTP/2 mutator: frames split at their 9-octet headers (RFC 9113 §4.1), changed
// where §4–§6 draw lines, and written again with the harness's raw frame builder.
#include <array>

#include "conformance/fuzz/h2_protocol.hpp"
#include "harness/http2/frame_builder.hpp"

namespace conform::fuzz {
namespace {

using rng_t = std::mt19937_64;

// Frames as written, without judging them: the header's fields and the payload.
std::optional<std::vector<h2::raw_frame>> split(std::string_view in) {
  std::vector<h2::raw_frame> out;
  while (!in.empty()) {
    if (in.size() < 9) return std::nullopt;
    auto const u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(in[i])); };
    std::size_t const length = (u(0) << 16) | (u(1) << 8) | u(2);
    if (in.size() < 9 + length) return std::nullopt;
    out.push_back({.type = static_cast<std::uint8_t>(u(3)), .flags = static_cast<std::uint8_t>(u(4)),
                   .stream_id = (u(5) << 24) | (u(6) << 16) | (u(7) << 8) | u(8),
                   .payload = std::string(in.substr(9, length)), .length = std::nullopt});
    in.remove_prefix(9 + length);
  }
  return out;
}

constexpr std::array<std::uint32_t, 10> stream_ids = {0, 1, 2, 3, 5, 0x7fffffff, 0x80000001, 101, 1, 3};
constexpr std::array<std::uint32_t, 9> setting_values = {0, 1, 2, 16383, 16384, 16777215, 16777216, 0x7fffffff, 0x80000000};

h2::raw_frame dictionary_frame(rng_t& rng) {
  switch (rng() % 12) {
    case 0: return h2::settings({{static_cast<std::uint16_t>(1 + rng() % 8), setting_values[rng() % setting_values.size()]}});
    case 1: return h2::settings_ack();
    case 2: return h2::window_update(static_cast<std::uint32_t>(rng() % 2), rng() % 2 ? 0 : 0x7fffffff);
    case 3: return h2::rst_stream(stream_ids[rng() % stream_ids.size()], static_cast<std::uint32_t>(rng() % 16));
    case 4: return h2::priority(1, rng() % 2 ? 1 : 3);
    case 5: return h2::continuation(1, "\x82", true);
    case 6: return h2::ping("12345678", rng() % 2 == 0);
    case 7: return h2::goaway(0, 0);
    case 8: return h2::unknown(static_cast<std::uint8_t>(10 + rng() % 240), 0, "??");
    case 9: return h2::data(1, "hello", true);
    case 10: return h2::push_promise(1, 2, "\x82");
    default: return h2::headers(static_cast<std::uint32_t>(1 + 2 * (rng() % 4)), "\x82\x86\x84\x41\x01x", true, true);
  }
}

void change_frame(h2::raw_frame& f, rng_t& rng) {
  switch (rng() % 9) {
    case 0: f.type = static_cast<std::uint8_t>(rng() % 11); break;
    case 1: f.flags ^= static_cast<std::uint8_t>(1u << (rng() % 8)); break;
    case 2: f.stream_id = stream_ids[rng() % stream_ids.size()]; break;
    case 3: f.length = static_cast<std::uint32_t>(f.payload.size() + 1 + rng() % 8); break;
    case 4: f.payload.resize(rng() % (f.payload.size() + 1)); break;
    case 5: if (!f.payload.empty()) f.payload[rng() % f.payload.size()] = static_cast<char>(rng()); break;
    case 6: f.payload.insert(rng() % (f.payload.size() + 1), rng() % 2 ? "\xff\xff\xff\xff\x0f" : "\x3f\xe1\xff\x03"); break;
    case 7: f = std::move(f).padded(static_cast<std::uint8_t>(rng() % 2 ? 0 : 255), rng() % 2 ? 0 : 4); break;
    default: f.payload.append(rng() % 2 ? 16384 : 8, '\0');
  }
}

}  // namespace

std::string mutate_h2(std::string_view input, std::vector<std::string> const& seeds, std::mt19937_64& rng) {
  auto frames = split(input);
  std::string out;
  if (!frames) {
    out = std::string(input);
  } else {
    auto const rounds = 1 + rng() % 3;
    for (std::size_t r = 0; r < rounds; ++r) {
      auto const at = frames->empty() ? 0 : rng() % frames->size();
      switch (frames->empty() ? 0 : rng() % 6) {
        case 0: frames->insert(frames->begin() + static_cast<std::ptrdiff_t>(at), dictionary_frame(rng)); break;
        case 1: frames->insert(frames->begin() + static_cast<std::ptrdiff_t>(at), (*frames)[at]); break;
        case 2: frames->erase(frames->begin() + static_cast<std::ptrdiff_t>(at)); break;
        case 3:
          if (auto more = split(seeds[rng() % seeds.size()])) frames->insert(frames->end(), more->begin(), more->end());
          break;
        default: change_frame((*frames)[at], rng);
      }
    }
    for (auto const& f : *frames) out += f.bytes();
  }
  if (rng() % 10 == 0 && !out.empty()) out[rng() % out.size()] = static_cast<char>(rng());
  return out;
}

std::vector<std::string> h2_units(std::string_view input) {
  std::vector<std::string> units;
  while (input.size() >= 9) {
    auto const u = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(input[i])); };
    std::size_t const size = 9 + ((u(0) << 16) | (u(1) << 8) | u(2));
    if (size > input.size()) break;
    units.emplace_back(input.substr(0, size));
    input.remove_prefix(size);
  }
  if (!input.empty()) units.emplace_back(input);
  return units;
}

}  // namespace conform::fuzz
