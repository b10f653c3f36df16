#include "harness/engine/transcript.hpp"

#include <algorithm>

namespace conform {

transcript::transcript(std::size_t byte_cap) : start_(clock::now()), cap_(byte_cap) {}

int transcript::open_connection(std::string_view description) {
  ++connections_;
  note(connections_, description);
  return connections_;
}

void transcript::sent(int connection, std::string_view bytes) {
  add(transcript_event::kind::sent, connection, bytes);
}

void transcript::received(int connection, std::string_view bytes) {
  add(transcript_event::kind::received, connection, bytes);
}

void transcript::note(int connection, std::string_view text) {
  add(transcript_event::kind::note, connection, text);
}

void transcript::add(transcript_event::kind what, int connection, std::string_view data) {
  auto const at = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start_);
  if (what == transcript_event::kind::note) {  // notes are the harness's own short words: always kept
    events_.push_back({at, what, connection, std::string(data)});
    return;
  }
  std::size_t const room = cap_ > stored_ ? cap_ - stored_ : 0;
  std::size_t const kept = std::min(room, data.size());
  dropped_ += data.size() - kept;
  if (kept == 0) return;
  stored_ += kept;
  events_.push_back({at, what, connection, std::string(data.substr(0, kept))});
}

}  // namespace conform
