#include "harness/http2/frame.hpp"

#include <array>
#include <cstdio>

namespace conform::h2 {
namespace {

std::uint32_t read32(std::string_view p, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(p[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(p[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(p[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[at + 3]));
}

std::string hex_byte(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%x", v);
  return buf;
}

constexpr std::array<std::string_view, 14> error_names = {
    "NO_ERROR",       "PROTOCOL_ERROR", "INTERNAL_ERROR",    "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT",
    "STREAM_CLOSED",  "FRAME_SIZE_ERROR", "REFUSED_STREAM",  "CANCEL",             "COMPRESSION_ERROR",
    "CONNECT_ERROR",  "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"};

constexpr std::array<std::string_view, 10> type_names = {"DATA",         "HEADERS", "PRIORITY", "RST_STREAM",
                                                         "SETTINGS",     "PUSH_PROMISE", "PING", "GOAWAY",
                                                         "WINDOW_UPDATE", "CONTINUATION"};

std::string flag_names(std::uint8_t type, std::uint8_t flags) {
  std::string out;
  auto add = [&](std::uint8_t bit, std::string_view name) {
    if (!(flags & bit)) return;
    if (!out.empty()) out += '|';
    out += name;
    flags = static_cast<std::uint8_t>(flags & ~bit);
  };
  if (type == frame_type::settings || type == frame_type::ping) add(flag::ack, "ACK");
  if (type == frame_type::data || type == frame_type::headers) add(flag::end_stream, "END_STREAM");
  if (type == frame_type::headers || type == frame_type::push_promise || type == frame_type::continuation)
    add(flag::end_headers, "END_HEADERS");
  if (type == frame_type::data || type == frame_type::headers || type == frame_type::push_promise)
    add(flag::padded, "PADDED");
  if (type == frame_type::headers) add(flag::priority, "PRIORITY");
  if (flags) {
    if (!out.empty()) out += '|';
    out += hex_byte(flags);
  }
  return out;
}

}  // namespace

std::string to_string(error_code code) {
  auto const v = static_cast<std::uint32_t>(code);
  if (v < error_names.size()) return std::string(error_names[v]);
  return hex_byte(v) + " (unknown)";
}

std::string frame_type_name(std::uint8_t type) {
  if (type < type_names.size()) return std::string(type_names[type]);
  return hex_byte(type) + " (unknown)";
}

std::optional<error_code> frame::rst_code() const {
  if (payload.size() < 4) return std::nullopt;
  return static_cast<error_code>(read32(payload, 0));
}

std::optional<std::uint32_t> frame::window_increment() const {
  if (payload.size() < 4) return std::nullopt;
  return read32(payload, 0) & 0x7fffffff;
}

std::optional<frame::goaway_fields> frame::goaway() const {
  if (payload.size() < 8) return std::nullopt;
  return goaway_fields{read32(payload, 0) & 0x7fffffff, static_cast<error_code>(read32(payload, 4)),
                       payload.substr(8)};
}

std::optional<std::vector<settings_entry>> frame::settings() const {
  if (payload.size() % 6 != 0) return std::nullopt;
  std::vector<settings_entry> out;
  for (std::size_t at = 0; at < payload.size(); at += 6) {
    auto const id = static_cast<std::uint16_t>((static_cast<unsigned char>(payload[at]) << 8) |
                                               static_cast<unsigned char>(payload[at + 1]));
    out.push_back({id, read32(payload, at + 2)});
  }
  return out;
}

std::string frame::summary() const {
  std::string out = frame_type_name(type) + " stream=" + std::to_string(stream_id);
  if (auto const f = flag_names(type, flags); !f.empty()) out += " flags=" + f;
  out += " length=" + std::to_string(payload.size());
  if (type == frame_type::rst_stream && rst_code()) out += " error=" + to_string(*rst_code());
  if (type == frame_type::window_update && window_increment())
    out += " increment=" + std::to_string(*window_increment());
  if (type == frame_type::goaway) {
    if (auto const g = goaway()) {
      out += " last_stream_id=" + std::to_string(g->last_stream_id) + " error=" + to_string(g->code);
      if (!g->debug.empty()) out += " debug=\"" + g->debug.substr(0, 80) + "\"";
    }
  }
  if (type == frame_type::settings) {
    if (auto const s = settings()) {
      for (auto const& e : *s) out += " " + hex_byte(e.id) + "=" + std::to_string(e.value);
    }
  }
  return out;
}

}  // namespace conform::h2
