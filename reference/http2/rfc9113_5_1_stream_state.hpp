// RFC 9113 §5.1: the life of a stream, as the server sees it. The reference never
// pushes, so the reserved states are never entered; they are kept in the diagram so it
// reads as the RFC's.
//
/*
                              +--------+
                      send PP |        | recv PP
                     ,--------+  idle  +--------.
                    /         |        |         \
                   v          +--------+          v
            +----------+          |           +----------+
            |          |          | send H /  |          |
     ,------+ reserved |          | recv H    | reserved +------.
     |      | (local)  |          |           | (remote) |      |
     |      +---+------+          v           +------+---+      |
     |          |             +--------+             |          |
     |          |     recv ES |        | send ES     |          |
     |   send H |     ,-------+  open  +-------.     | recv H   |
     |          |    /        |        |        \    |          |
     |          v   v         +---+----+         v   v          |
     |      +----------+          |           +----------+      |
     |      |   half-  |          |           |   half-  |      |
     |      |  closed  |          | send R /  |  closed  |      |
     |      | (remote) |          | recv R    | (local)  |      |
     |      +----+-----+          |           +-----+----+      |
     |           |                |                 |           |
     |           | send ES /      |       recv ES / |           |
     |           |  send R /      v        send R / |           |
     |           |  recv R    +--------+   recv R   |           |
     | send R /  `----------->|        |<-----------'  send R / |
     | recv R                 | closed |               recv R   |
     `----------------------->|        |<-----------------------'
                              +--------+

   H: HEADERS (with its CONTINUATIONs)   ES: a frame with END_STREAM
   R: RST_STREAM                         PP: PUSH_PROMISE
*/
#pragma once

#include <cstdint>
#include <string_view>

namespace conform::reference::http2 {

enum class stream_state : std::uint8_t { idle, open, half_closed_remote, half_closed_local, closed };

std::string_view to_string(stream_state);

// One transition function per event. Each returns the next state; an event the state
// does not allow is the caller's to refuse before calling (it knows which error the
// RFC names for it).
stream_state on_recv_headers(stream_state, bool end_stream);
stream_state on_recv_end_stream(stream_state);
stream_state on_send_end_stream(stream_state);
stream_state on_reset(stream_state);  // RST_STREAM sent or received

// May the peer send DATA, or trailers, in this state? (open or half-closed (local))
bool peer_may_send(stream_state);

}  // namespace conform::reference::http2
