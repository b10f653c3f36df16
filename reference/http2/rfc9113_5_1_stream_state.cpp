#include "reference/http2/rfc9113_5_1_stream_state.hpp"

namespace conform::reference::http2 {

std::string_view to_string(stream_state s) {
  switch (s) {
    case stream_state::idle: return "idle";
    case stream_state::open: return "open";
    case stream_state::half_closed_remote: return "half-closed (remote)";
    case stream_state::half_closed_local: return "half-closed (local)";
    case stream_state::closed: return "closed";
  }
  return "?";
}

stream_state on_recv_headers(stream_state s, bool end_stream) {
  if (s == stream_state::idle) return end_stream ? stream_state::half_closed_remote : stream_state::open;
  return end_stream ? on_recv_end_stream(s) : s;  // trailers
}

stream_state on_recv_end_stream(stream_state s) {
  switch (s) {
    case stream_state::open: return stream_state::half_closed_remote;
    case stream_state::half_closed_local: return stream_state::closed;
    default: return s;
  }
}

stream_state on_send_end_stream(stream_state s) {
  switch (s) {
    case stream_state::open: return stream_state::half_closed_local;
    case stream_state::half_closed_remote: return stream_state::closed;
    default: return s;
  }
}

stream_state on_reset(stream_state) { return stream_state::closed; }

bool peer_may_send(stream_state s) { return s == stream_state::open || s == stream_state::half_closed_local; }

}  // namespace conform::reference::http2
