// Every byte a case sent and received, with timestamps, plus what happened to each
// connection (connected, closed by the peer, reset, timed out) and the case's notes.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conform {

struct transcript_event {
  enum class kind { sent, received, note };

  std::chrono::microseconds at;  // since the case started
  kind what;
  int connection;    // 1, 2, … within the case; 0 for notes about the case itself
  std::string data;  // the bytes for sent/received, the text for a note
};

// Bounded: beyond `byte_cap` stored bytes, data is dropped and counted, so a target
// that floods cannot make a report grow without end.
class transcript {
 public:
  using clock = std::chrono::steady_clock;

  explicit transcript(std::size_t byte_cap = 1 << 20);

  int open_connection(std::string_view description);
  void sent(int connection, std::string_view bytes);
  void received(int connection, std::string_view bytes);
  void note(int connection, std::string_view text);

  std::vector<transcript_event> const& events() const { return events_; }
  std::size_t dropped_bytes() const { return dropped_; }
  clock::time_point started() const { return start_; }

 private:
  void add(transcript_event::kind, int connection, std::string_view data);

  clock::time_point start_;
  std::vector<transcript_event> events_;
  std::size_t cap_;
  std::size_t stored_ = 0;
  std::size_t dropped_ = 0;
  int connections_ = 0;
};

}  // namespace conform
