// The shapes HTTP/2 cases take (h2spec's verifiers, with RFC 9113's acceptable
// outcomes and the verdict policy of harness/http2/expect.hpp): open a connection and
// handshake, send frames, then judge one of
//   - a connection error (GOAWAY with the code, or a close);
//   - a stream error (RST_STREAM or GOAWAY with the code, or a close);
//   - the connection still usable (the frames were ignored: a PING is answered);
//   - a response (HEADERS on the stream).
#pragma once

#include <functional>
#include <vector>

#include "harness/engine/context.hpp"
#include "harness/engine/outcome.hpp"
#include "harness/http2/client.hpp"
#include "harness/http2/expect.hpp"

namespace conform::http2 {

using h2::error_code;
using frames = std::vector<h2::raw_frame>;
using make_frames = std::function<frames(h2::client&)>;

// Connects and handshakes (with `ours` as our SETTINGS), then runs `body`. A failed
// handshake is an ERROR (the probe found the target speaks HTTP/2, so something else
// went wrong).
outcome with_client(context& cx, std::function<outcome(h2::client&)> const& body);
outcome with_client(context& cx, std::vector<h2::settings_entry> const& ours,
                    std::function<outcome(h2::client&)> const& body);

// A whole response as the target sent it: the HEADERS event (its fields decoded), the
// DATA payloads, every frame of the stream and whether END_STREAM came. `stopped` is
// what ended the wait when the response did not complete.
struct response {
  h2::event head;
  std::string body;
  std::vector<h2::frame> frames;
  bool complete = false;
  h2::event stopped;
  bool answered() const { return head.is_frame(h2::frame_type::headers); }
  std::string status() const;
};
// Sends `method path` on `stream` (END_STREAM) and reads its response to the end.
response fetch(h2::client& c, std::uint32_t stream, std::string_view method = "GET", std::string_view path = "/");

outcome connection_error_after(context& cx, make_frames const& send, std::vector<error_code> const& codes);
outcome stream_error_after(context& cx, make_frames const& send, std::uint32_t stream,
                           std::vector<error_code> const& codes, bool response_allowed = false);
// A malformed request (RFC 9113 §8.1.1): a stream error PROTOCOL_ERROR, or a 4xx
// response that ends the stream (the RFC lets a server answer before resetting).
outcome malformed_request(context& cx, h2::field_list const& fields, bool end_stream = true);
outcome still_usable_after(context& cx, make_frames const& send);
outcome response_after(context& cx, make_frames const& send, std::uint32_t stream = 1);

// A request's header block with the target's :authority and scheme.
std::string request_block(h2::client& c, std::string_view method = "GET", std::string_view path = "/",
                          h2::field_list const& extra = {});

}  // namespace conform::http2
