// The model server's input side: strict request parsing (RFC 9112 §2–§7), validation,
// framing, persistence — each leniency behind the fault that names it.
#include <algorithm>
#include <cctype>

#include "conformance/http1/tests/scripted_server.hpp"
#include "conformance/http1/tests/scripted_text.hpp"

namespace conform::http1::testing {
namespace {

constexpr std::string_view known_methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"};

}  // namespace

std::optional<std::string_view> scripted_server::request::field(std::string_view name) const {
  for (auto const& [n, v] : fields)
    if (iequal(n, name)) return v;
  return std::nullopt;
}

std::size_t scripted_server::request::count(std::string_view name) const {
  return static_cast<std::size_t>(std::count_if(fields.begin(), fields.end(), [&](auto const& f) { return iequal(f.first, name); }));
}


void scripted_server::receive(std::string_view bytes, net::peer_reply& reply) {
  if (closing_) return;
  in_.append(bytes);
  process(reply);
}

void scripted_server::end_of_input(net::peer_reply& reply) {
  if (!closing_) reply.close = true;
  closing_ = true;
}

void scripted_server::idle(net::peer_reply& reply) {
  // The model's header timeout: a head begun and not finished gets 408 and a close.
  if (closing_ || in_.empty() || in_.find("\r\n\r\n") != std::string::npos || is(fault::no_header_timeout)) return;
  reply.bytes = error_response(408, true);
  reply.close = true;
  closing_ = true;
}

void scripted_server::process(net::peer_reply& reply) {
  std::vector<std::string> batch;
  bool close_now = false;
  bool close_after_batch = false;
  while (!closing_ && !close_now) {
    auto p = parse_one();
    if (p.what == parse_result::kind::incomplete) {
      if (p.send_continue && !continue_sent_ && !is(fault::ignore_expect_continue)) {
        batch.push_back("HTTP/1.1 100 Continue\r\n\r\n");
        continue_sent_ = true;
      }
      break;
    }
    in_.erase(0, p.consumed);
    continue_sent_ = false;
    if (p.what == parse_result::kind::reject) {
      if (p.status != 0) batch.push_back(error_response(p.status, p.close));  // 0: closed without a word
      close_now = p.close;
      continue;
    }
    auto const& req = p.req;
    auto const connection = req.field("connection");
    bool const asked_close = connection && iequal(*connection, "close");
    bool const asked_keep_alive = connection && iequal(*connection, "keep-alive");
    bool const http10_close = req.minor == 0 && !asked_keep_alive && !is(fault::keep_alive_http10);
    bool const will_close = (asked_close && !is(fault::ignore_connection_close)) || http10_close || req.close_after ||
                            is(fault::close_without_announcing);
    auto const resp = route(req);
    batch.push_back(serialize(req, resp, will_close && !is(fault::close_without_announcing)));
    if (will_close && asked_close && is(fault::process_after_close)) close_after_batch = true;
    else if (will_close || resp.status == 101 || resp.delimited_by_close) close_now = true;
  }
  if (is(fault::reverse_pipelined)) std::reverse(batch.begin(), batch.end());
  for (auto const& b : batch) reply.bytes += b;
  if (close_now || close_after_batch) {
    closing_ = true;
    reply.close = true;
  }
}

std::optional<int> scripted_server::normalize(request& req) const {
  if (req.target.size() > 8192) return is(fault::long_target_431) ? 431 : 414;
  auto& method = req.method;
  if (is(fault::method_case_insensitive))
    for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (std::find(std::begin(known_methods), std::end(known_methods), method) == std::end(known_methods))
    return is(fault::unknown_method_as_405) ? 405 : 501;

  auto& target = req.target;
  if (!valid_request_target(target) && !is(fault::accept_whitespace_in_target)) return 400;
  bool const absolute = target.starts_with("http://") || target.starts_with("https://");
  if (absolute) {
    if (is(fault::reject_absolute_form)) return 400;
    auto const authority_start = target.find("//") + 2;
    auto const path = target.find('/', authority_start);
    auto const authority = target.substr(authority_start, path - authority_start);
    if (is(fault::host_over_absolute_form) && req.field("host") && *req.field("host") != authority) return 400;
    target = path == std::string::npos ? "/" : target.substr(path);
  } else if (target == "*") {
    if (method != "OPTIONS" && !is(fault::accept_asterisk_with_get)) return 400;
    if (is(fault::reject_options_asterisk)) return 400;
    if (method != "OPTIONS") target = "/";
  } else if (!target.starts_with("/")) {
    if (method != "CONNECT" && !is(fault::accept_authority_with_get)) return 400;
    target = "/";
  }

  auto const hosts = req.count("host");
  if (hosts == 0 && req.minor >= 1 && !is(fault::accept_missing_host)) return 400;
  if (hosts > 1 && !is(fault::accept_duplicate_host)) return 400;
  if (hosts == 1 && !valid_host_value(*req.field("host")) && !absolute && !is(fault::accept_invalid_host)) return 400;
  return std::nullopt;
}

}  // namespace conform::http1::testing
