// The WebSocket peer verbs server cases are written in (RFC 6455): open (the opening
// handshake), send frames whole or chopped, and observe what the target does — its
// messages (reassembled, inflated when permessage-deflate is in use), pings, pongs,
// its close frame and the end of the TCP connection. Built on a connection from the
// context, so a case runs the same against a real target or a scripted peer.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/close_report.hpp"
#include "harness/http1/message.hpp"
#include "harness/net/connection.hpp"
#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/handshake.hpp"
#include "harness/websocket/permessage_deflate.hpp"

namespace conform {
class context;
}

namespace conform::ws {

// One thing the target did.
struct event {
  enum class kind { text, binary, ping, pong, close, problem };
  kind what = kind::text;
  std::string payload;  // message or control payload; for a problem, what was wrong
  bool operator==(event const&) const = default;
};
event text_event(std::string_view payload);
event binary_event(std::string_view payload);
event pong_event(std::string_view payload);
std::string describe(event const&);
std::string describe(std::vector<event> const&);

// How the TCP connection stood when observation ended.
enum class ending { open, closed, reset, failed };

// How stimulus bytes are written: all at once, one write per frame, or in pieces.
struct chop {
  std::size_t size = 0;  // 0: one write for everything
  bool per_frame = false;
};
inline constexpr chop whole{};
inline constexpr chop frame_wise{0, true};
inline constexpr chop octet_wise{1, false};

class client {
 public:
  explicit client(context& cx);
  ~client();

  // Dials and runs the opening handshake (path and Host from the target unless set).
  // Empty on success, else why the target did not complete it.
  std::string open(opening o = {});
  // Dials and sends `o`, returns the target's answer (for handshake cases).
  struct answer {
    std::optional<h1::response> response;
    std::string failure;  // when no response came
  };
  answer attempt(opening o);
  std::string const& key() const { return key_; }
  std::optional<deflate_agreement> const& deflate() const { return deflate_; }

  bool send(frame_spec const& f, chop how = whole) { return send_frames({f}, how); }
  bool send_frames(std::vector<frame_spec> const& frames, chop how = whole);
  bool send_bytes(std::string_view bytes, std::size_t chop_size = 0);
  // The bytes send_frames would write for `f` (masking as our role requires), for cases
  // that cut one frame's bytes themselves.
  std::string wire(frame_spec const& f) const;
  // A message compressed with the negotiated permessage-deflate (RSV1 set), split in
  // `fragments` frames, or in frames of `fragment_size` compressed octets when that is set.
  bool send_compressed(std::uint8_t op, std::string_view message, std::size_t fragments = 1,
                       std::size_t fragment_size = 0);
  // Sends our close frame (first, or in reply).
  bool send_close(frame_spec const& f);

  // Reads until `count` events have arrived, the target's close frame arrives, the
  // connection ends or the deadline passes. Returns the events seen in this call.
  std::vector<event> collect(std::size_t count, net::clock::time_point deadline);
  std::vector<event> collect(std::size_t count);
  // Reads until the connection ends (answering the target's close frame with ours),
  // or the deadline passes. Returns the events seen in this call.
  std::vector<event> until_closed(net::clock::time_point deadline);
  std::vector<event> until_closed();
  // Normal closure started by us: close 1000, then until_closed().
  std::vector<event> close_normally();

  // The state of the close handshake.
  bool target_sent_close() const { return target_close_.has_value(); }
  std::optional<std::uint16_t> target_close_code() const;
  bool harness_sent_close() const { return harness_closed_; }
  bool harness_closed_first() const { return harness_first_; }
  ending connection_end() const { return end_; }
  // Grades the close against the codes the target may send; `require_clean` when the
  // target must answer or send a close frame before the TCP close.
  close_report grade_close(std::vector<int> expected, bool require_clean, close_report::side expected_closer) const;

 private:
  // The target is a client (conform serve --client-tests): we speak as the server.
  bool server_role() const;
  bool read_more(net::clock::time_point deadline);
  bool next_event(event& out, net::clock::time_point deadline);
  bool on_frame(frame& f, event& out);
  bool finish_message(event& out);

  context& cx_;
  std::unique_ptr<net::connection> conn_;
  frame_reader reader_;
  std::string key_;
  std::optional<deflate_agreement> deflate_;
  std::unique_ptr<deflater> deflater_;
  std::unique_ptr<inflater> inflater_;
  // The message being reassembled.
  std::optional<std::uint8_t> message_op_;
  bool message_compressed_ = false;
  std::string message_;
  std::optional<std::string> target_close_;  // its payload
  bool harness_closed_ = false;
  bool harness_first_ = false;
  ending end_ = ending::open;
  bool broken_ = false;  // a problem was reported: stop reading frames
};

}  // namespace conform::ws
