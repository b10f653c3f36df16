// The text forms raw bytes take in reports. report.json must be valid UTF-8 yet keep
// every byte a target sent, so wire bytes travel as ISO-8859-1 code points; people
// read them with control bytes spelt out ("\r\n", "\x00"), never raw, because XML 1.0
// cannot carry most of them and a terminal would obey them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conform::reports {

// Each byte becomes the code point of the same value, UTF-8 encoded: lossless, valid
// UTF-8, and ASCII unchanged.
std::string bytes_to_latin1(std::string_view bytes);

// The inverse; empty when `text` is not UTF-8 or holds a code point above U+00FF.
std::optional<std::string> latin1_to_bytes(std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD, so a message that
// quotes a target's bytes cannot make the JSON unwritable.
std::string valid_utf8(std::string_view text);

// Bytes for reading: printable ASCII as is; backslash as "\\"; CR, LF and tab as "\r",
// "\n" and "\t"; every other byte as "\xHH". With `break_after_lf`, a real line break
// follows each "\n" so an HTTP message keeps its shape.
std::string escape_bytes(std::string_view bytes, bool break_after_lf);

// UTF-8 text for places that must not receive control characters (terminals, XML):
// C0 controls, DEL, C1 controls and U+FFFE/U+FFFF become "\xHH" or "\u{HHHH}", ill-formed
// sequences "\xHH" per byte. Line feeds are kept when `keep_newlines`, else "\n".
std::string escape_controls(std::string_view text, bool keep_newlines);

}  // namespace conform::reports
