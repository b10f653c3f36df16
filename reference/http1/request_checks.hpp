// The checks made once a request's header is complete, in the order they are made:
// framing first (a framing error leaves the rest of the connection unreadable), then
// Host, the request-target, the method, Expect and the body size.
#pragma once

#include <cstdint>
#include <optional>

#include "reference/http1/limits.hpp"
#include "reference/http1/request.hpp"
#include "reference/http1/violation.hpp"

namespace conform::reference::http1 {

struct header_facts;

// Checks `req` and fills in its derived members (path, query, content_length, chunked,
// expect_continue). `content_length` is the value Beast validated, if any.
violation check_request(request& req, header_facts const& facts,
                        std::optional<std::uint64_t> content_length, http1_limits const& limits);

}  // namespace conform::reference::http1
