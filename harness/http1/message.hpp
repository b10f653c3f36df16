// HTTP/1 messages as the harness reads them from a target: exactly what came over the
// wire, plus every grammar problem noticed on the way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform::h1 {

struct field {
  std::string name;
  std::string value;
};

// Case-insensitive equality for field names and tokens (RFC 9110 §5.1).
bool iequals(std::string_view a, std::string_view b);

// Without leading and trailing SP and HTAB (OWS, RFC 9110 §5.6.3).
std::string_view trim_ows(std::string_view s);

// The elements of the comma-separated lists in every field called `name`, in order and
// OWS-trimmed; empty elements are left out, as RFC 9110 §5.6.1.2 asks of recipients.
std::vector<std::string_view> list_items(std::vector<field> const& fields, std::string_view name);

enum class framing {
  none,             // HEAD, 1xx, 204, 304: no content by definition
  content_length,   // RFC 9112 §6.3 item 6
  chunked,          // item 4
  close_delimited,  // item 8: everything until the connection closes
};

std::string_view to_string(framing);

struct response {
  std::string status_line;  // without its line terminator
  int version_major = 0;
  int version_minor = 0;
  int status = 0;
  std::string reason;
  std::vector<field> fields;
  std::vector<field> trailers;
  std::string body;  // with the transfer coding removed
  framing how = framing::none;
  std::vector<std::string> violations;  // grammar problems, in the order seen
  std::size_t wire_size = 0;            // bytes this response occupied on the wire

  bool interim() const { return status >= 100 && status < 200; }
  // The first field of that name, if any.
  std::optional<std::string_view> header(std::string_view name) const;
  std::size_t count(std::string_view name) const;
  // Whether a comma-separated list field (Connection, Transfer-Encoding) holds `token`.
  bool has_token(std::string_view name, std::string_view token) const;
  // "200 OK" — the status as a person reads it.
  std::string summary() const;
};

// Bytes made readable for messages and logs: CR, LF, TAB, NUL and other controls and
// non-ASCII shown as escapes ("\r\n", "\x00"), at most `limit` characters.
std::string escape(std::string_view bytes, std::size_t limit = 200);

}  // namespace conform::h1
