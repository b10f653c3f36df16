#include "reports/byte_text.hpp"

#include <cstdint>

namespace conform::reports {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

// One well-formed UTF-8 sequence at the start of `s` (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or length 0 when there is none.
struct code_point {
  char32_t value = 0;
  std::size_t length = 0;
};

code_point decode(std::string_view s) {
  auto const byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
  std::uint8_t const lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t value = 0, minimum = 0;
  if ((lead & 0xE0) == 0xC0) length = 2, value = lead & 0x1F, minimum = 0x80;
  else if ((lead & 0xF0) == 0xE0) length = 3, value = lead & 0x0F, minimum = 0x800;
  else if ((lead & 0xF8) == 0xF0) length = 4, value = lead & 0x07, minimum = 0x10000;
  else return {};
  if (s.size() < length) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {};
    value = (value << 6) | (byte(i) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {value, length};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_hex_byte(std::string& out, std::uint8_t b) {
  out += "\\x";
  out += hex_digits[b >> 4];
  out += hex_digits[b & 0xF];
}

void append_hex_code_point(std::string& out, char32_t cp) {
  out += "\\u{";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex_digits[(cp >> shift) & 0xF];
  out += '}';
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF; }

}  // namespace

std::string bytes_to_latin1(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char b : bytes) append_utf8(out, b);
  return out;
}

std::optional<std::string> latin1_to_bytes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto const cp = decode(text);
    if (cp.length == 0 || cp.value > 0xFF) return std::nullopt;
    out += static_cast<char>(cp.value);
    text.remove_prefix(cp.length);
  }
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto const cp = decode(text);
    if (cp.length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      text.remove_prefix(1);
    } else {
      out.append(text.substr(0, cp.length));
      text.remove_prefix(cp.length);
    }
  }
  return out;
}

std::string escape_bytes(std::string_view bytes, bool break_after_lf) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (unsigned char b : bytes) {
    switch (b) {
      case '\\': out += "\\\\"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += break_after_lf ? "\\n\n" : "\\n"; break;
      default:
        if (b >= 0x20 && b < 0x7F) out += static_cast<char>(b);
        else append_hex_byte(out, b);
    }
  }
  return out;
}

std::string escape_controls(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto const cp = decode(text);
    if (cp.length == 0) {
      append_hex_byte(out, static_cast<std::uint8_t>(text[0]));
      text.remove_prefix(1);
      continue;
    }
    if (cp.value == '\n' && keep_newlines) out += '\n';
    else if (cp.value == '\n') out += "\\n";
    else if (cp.value == '\r') out += "\\r";
    else if (cp.value == '\t') out += '\t';
    else if (cp.value < 0x80 && is_control(cp.value)) append_hex_byte(out, static_cast<std::uint8_t>(cp.value));
    else if (is_control(cp.value)) append_hex_code_point(out, cp.value);
    else out.append(text.substr(0, cp.length));
    text.remove_prefix(cp.length);
  }
  return out;
}

}  // namespace conform::reports
