// The HTTP/2 peer verbs cases are written in: open a connection and do the handshake,
// send frames (valid or not), and wait for the frame a case judges while skipping
// unrelated ones. Every frame read is noted in the transcript, header blocks decoded by
// libnghttp2's inflater. No socket here: the connection comes from the context.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/http2/frame.hpp"
#include "harness/http2/frame_builder.hpp"
#include "harness/http2/frame_reader.hpp"
#include "harness/http2/hpack_encoder.hpp"
#include "harness/http2/hpack_inflater.hpp"

namespace conform {
class context;
namespace net {
class connection;
}
}  // namespace conform

namespace conform::h2 {

// What one wait ended with.
struct event {
  enum class kind {
    frame,      // `received` holds it (a header block with its CONTINUATIONs merged)
    closed,     // clean end of stream from the target
    reset,      // the connection was reset
    timeout,    // nothing within the read timeout
    malformed,  // bytes that are not HTTP/2 frames; see detail
    http1,      // the target answered in HTTP/1 (it does not speak h2 on this port)
    failed,     // the transport failed; see detail
  };

  kind what = kind::timeout;
  frame received;
  field_list fields;  // the decoded header block of HEADERS / PUSH_PROMISE
  std::string detail;

  bool is_frame(std::uint8_t type) const { return what == kind::frame && received.type == type; }
  bool ended() const { return what == kind::closed || what == kind::reset; }
};

// "GOAWAY stream=0 ... error=PROTOCOL_ERROR", "the connection was closed", ...
std::string describe(event const&);

class client {
 public:
  // Connects to the context's target, offering ALPN "h2" over TLS.
  explicit client(context& cx);
  ~client();
  client(client const&) = delete;
  client& operator=(client const&) = delete;

  // RFC 9113 §3.4: our preface and SETTINGS (`ours`, default INITIAL_WINDOW_SIZE
  // 65535 as h2spec sends), then the target's SETTINGS (acknowledged) and the ACK of
  // ours, frames in between skipped. Empty on success, else what went wrong.
  std::string handshake(std::vector<settings_entry> const& ours = {{setting::initial_window_size, 65535}});

  bool send(raw_frame const& f) { return send_bytes(f.bytes()); }
  bool send(std::vector<raw_frame> const& frames);  // in one write
  bool send_bytes(std::string_view bytes);

  // The next event. A SETTINGS frame without ACK is acknowledged as it arrives (RFC
  // 9113 §6.5.3), so a case never has to.
  event next() { return next(cx_read_deadline()); }
  // Reads until a frame satisfies `want`, or the connection ends or times out; other
  // frames are skipped (and noted). `also_stop` ends the wait early on a frame that
  // settles the case the other way (a GOAWAY while waiting for a response).
  event wait_for(std::function<bool(frame const&)> const& want,
                 std::function<bool(frame const&)> const& also_stop = nullptr);

  // The header block of a request to this target (`:authority` from the target).
  std::string request_block(std::string_view method = "GET", std::string_view path = "/",
                            field_list const& extra = {}) const;
  // HEADERS with END_HEADERS carrying a GET for `path`.
  raw_frame get(std::uint32_t stream, std::string_view path = "/", bool end_stream = true) const;

  std::vector<settings_entry> const& peer_settings() const { return peer_settings_; }
  std::uint32_t peer_setting(std::uint16_t id, std::uint32_t otherwise) const;
  context& cx() { return cx_; }
  // Whether the connection has ended (closed, reset, failed).
  bool ended() const { return ended_; }

 private:
  using clock_point = std::chrono::steady_clock::time_point;
  clock_point cx_read_deadline() const;
  event next(clock_point until);
  // Reads more; an event when nothing more can come before `until`.
  std::optional<event> fill(clock_point until);
  event take_frame(frame f, clock_point until);
  event merge_header_block(frame first, clock_point until);

  context& cx_;
  std::unique_ptr<net::connection> conn_;
  frame_reader reader_;
  hpack_inflater inflater_;
  std::vector<settings_entry> peer_settings_;
  event pending_end_;  // what ended the stream of bytes, once it has
  bool ended_ = false;
};

}  // namespace conform::h2
