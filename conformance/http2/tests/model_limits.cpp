// The model server's limits and graceful shutdown (RFC 9113 §6.8, §10.5, RFC 8441 §3):
// what it advertises, how it bounds floods and header lists, and how it answers the
// client's GOAWAY.
#include "conformance/http2/tests/model_server.hpp"

#include "harness/http2/frame_builder.hpp"

namespace conform::http2::testing {

using h2::error_code;

std::string model_server::settings_preface() const {
  std::vector<h2::settings_entry> ours{{h2::setting::max_concurrent_streams, 100}};
  if (broken("server_push_setting")) ours.push_back({h2::setting::enable_push, 1});
  if (broken("bad_max_frame_size")) ours.push_back({h2::setting::max_frame_size, 100});
  if (!broken("no_connect_protocol")) ours.push_back({h2::setting::enable_connect_protocol, 1});
  return h2::settings(ours).bytes();
}

// Counts one more frame of a flood. Past the limit the faulty model stops answering
// anything (the symptom of exhaustion a flood aims at); the compliant one goes on.
bool model_server::flooded(std::uint32_t& counter, std::string_view stall_fault) {
  if (++counter <= flood_limit || !broken(stall_fault)) return false;
  stalled_ = true;
  return true;
}

// RFC 9113 §6.5.2 accounting: names, values and 32 octets each; 64 KiB is the limit.
bool model_server::header_list_too_large(h2::field_list const& fields) const {
  std::size_t size = 0;
  for (auto const& f : fields) size += f.name.size() + f.value.size() + 32;
  return size > 64 * 1024 && enforces("header_list_limit");
}

// §6.8: the client opens no more streams. Ours names the last stream we will process;
// the open ones finish, then the connection closes.
void model_server::on_goaway(h2::frame const&) {
  if (!going_away_) {
    going_away_ = true;
    if (!broken("close_without_goaway")) out(h2::goaway(last_stream_, static_cast<std::uint32_t>(error_code::no_error)).bytes());
  }
  if (broken("goaway_drops_streams")) {
    reply_->close = true;
    done_ = true;
    return;
  }
  maybe_close_after_goaway();
}

void model_server::maybe_close_after_goaway() {
  if (!going_away_ || !streams_.empty()) return;
  reply_->close = true;
  done_ = true;
}

}  // namespace conform::http2::testing
