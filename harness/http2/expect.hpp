// The judgements HTTP/2 cases share: a connection error (RFC 9113 §5.4.1), a stream
// error (§5.4.2), a PING answered (proof the connection is still usable). Each accepts
// every outcome the RFC allows, says which one happened, and tells a wrong error code
// apart from a missing reaction.
//
// Verdict policy (docs/architecture.md, "HTTP/2 verdicts"): the error the RFC names,
// or a close without GOAWAY (§5.4.1 lets an endpoint close at once), PASSes; a GOAWAY
// or RST_STREAM with another code WARNs (the target did react, with the wrong code,
// which h2spec passes silently); no reaction at all is a violation of the case's rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/outcome.hpp"
#include "harness/http2/client.hpp"

namespace conform::h2 {

struct judgement {
  enum class kind {
    as_required,  // the frame and code the RFC names
    closed,       // the connection ended without that frame: allowed, noted
    wrong_code,   // the right kind of frame with another error code
    wrong_scope,  // a stream error (RST_STREAM) where the RFC names a connection error
    missing,      // no reaction the RFC allows
  };

  kind what = kind::missing;
  std::string expected;
  std::string got;
};

// GOAWAY with one of `codes`, or the connection closed or reset.
judgement expect_connection_error(client&, std::vector<error_code> const& codes);

// RST_STREAM on `stream` with one of `codes`, a connection error with one of them, or
// the connection closed. With `response_allowed` (malformed requests, RFC 9113 §8.1.1:
// "a server MAY send an HTTP response prior to closing or resetting the stream") a 4xx
// response that ends the stream is also accepted; any other response is a violation.
judgement expect_stream_error(client&, std::uint32_t stream, std::vector<error_code> const& codes,
                              bool response_allowed = false);

// Sends PING and waits for its ACK with the same opaque data (h2spec's liveness idiom).
judgement expect_ping_ack(client&, std::string_view opaque = "livenes!");

// PASS, PASS with the note, WARN, or a violation of the case's rule.
outcome to_outcome(judgement const&);

// "PROTOCOL_ERROR or STREAM_CLOSED"
std::string codes_text(std::vector<error_code> const& codes);

}  // namespace conform::h2
