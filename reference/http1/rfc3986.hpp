// URI grammar the request checks need (RFC 3986 as used by RFC 9110 §4 and RFC 9112
// §3.2): the four request-target forms and the Host field value.
#pragma once

#include <string_view>

#include "reference/http1/method.hpp"
#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

struct target_parts {
  violation why = violation::none;
  std::string_view path;       // origin-form and absolute-form; empty means "/"
  std::string_view query;      // after '?', without it
  std::string_view authority;  // absolute-form and authority-form
};

// Splits a request-target and checks it is the form `m` allows: authority-form only
// for CONNECT, asterisk-form only for OPTIONS, origin- or absolute-form (http/https)
// for everything else (RFC 9112 §3.2).
target_parts parse_target(std::string_view target, method m);

// host = uri-host [ ":" port ] (RFC 9110 §7.2). An empty value is valid (a URI without
// an authority); a port is at most 65535 (a strict choice: RFC 3986 leaves it open).
bool is_valid_host_field(std::string_view value);

}  // namespace conform::reference::http1
