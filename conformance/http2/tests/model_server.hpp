// A scripted HTTP/2 server for the suite's self-tests: a small, strict model of a
// compliant server (independent of the reference: built from the harness's frame
// codec, with libnghttp2's inflater for requests), which can be told to break exactly
// one rule. Each rule it enforces has a key; the fault names the rule it then ignores
// (or, for positive cases, the feature it then refuses).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "harness/http2/frame.hpp"
#include "harness/http2/frame_reader.hpp"
#include "harness/http2/hpack_inflater.hpp"
#include "harness/net/memory_connection.hpp"

namespace conform::http2::testing {

class model_server final : public net::scripted_peer {
 public:
  explicit model_server(std::string_view fault) : fault_(fault) {}
  void receive(std::string_view bytes, net::peer_reply& reply) override;

  static constexpr std::string_view body = "hello, world";

 private:
  struct stream {
    bool remote_closed = false;
    bool responded = false;
    std::int64_t window = 65535;
    std::string pending;  // response body waiting for window
    bool has_length = false;
    std::uint64_t content_length = 0;
    std::uint64_t received = 0;
    std::string method, path;
  };

  bool enforces(std::string_view rule) const { return fault_ != rule; }
  bool broken(std::string_view feature) const { return fault_ == feature; }
  void handle(h2::frame const& f);
  void on_data(h2::frame const& f);
  void on_headers(h2::frame const& f);
  void on_block(std::uint32_t id, bool end_stream, std::string const& block);
  void on_settings(h2::frame const& f);
  void on_window_update(h2::frame const& f);
  void on_rst_stream(h2::frame const& f);
  void on_priority(h2::frame const& f);
  void on_goaway(h2::frame const& f);                     // model_limits.cpp
  bool flooded(std::uint32_t& counter, std::string_view stall_fault);  // model_limits.cpp
  bool header_list_too_large(h2::field_list const& fields) const;     // model_limits.cpp
  void maybe_close_after_goaway();                        // model_limits.cpp
  std::string settings_preface() const;                   // model_limits.cpp
  void request(std::uint32_t id, h2::field_list const& fields, bool end_stream);
  bool malformed(h2::field_list const& fields, bool trailers) const;  // model_fields.cpp
  bool malformed_connect(h2::field_list const& fields) const;         // model_fields.cpp
  bool bad_characters(h2::field const& f) const;                      // model_fields.cpp
  void respond(std::uint32_t id);                         // model_responses.cpp
  void flush(std::uint32_t id);                           // model_responses.cpp
  void finish(std::uint32_t id);                          // model_responses.cpp
  void connection_error(h2::error_code code);
  void stream_error(std::uint32_t id, h2::error_code code);
  void out(std::string const& bytes) { reply_->bytes += bytes; }

  std::string fault_;
  net::peer_reply* reply_ = nullptr;
  std::string preface_;
  bool preface_done_ = false;
  bool done_ = false;
  h2::frame_reader reader_{1 << 24};
  h2::hpack_inflater inflater_;
  std::map<std::uint32_t, stream> streams_;
  std::set<std::uint32_t> closed_;
  std::uint32_t last_stream_ = 0;
  std::uint32_t block_stream_ = 0;  // a header block in progress
  bool block_end_stream_ = false;
  bool self_dependent_ = false;
  std::string block_;
  std::int64_t connection_window_ = 65535;
  std::int64_t initial_window_ = 65535;
  // Abuse counters (RFC 9113 §10.5): past `flood_limit` the model either keeps
  // answering (or ends with ENHANCE_YOUR_CALM) or, with a stall fault, goes silent.
  static constexpr std::uint32_t flood_limit = 500;
  std::uint32_t settings_frames_ = 0, pings_ = 0, empty_data_ = 0, resets_ = 0;
  bool stalled_ = false;
  bool going_away_ = false;               // the client's GOAWAY arrived; ours is sent
  std::int64_t table_size_update_ = -1;  // the client's new SETTINGS_HEADER_TABLE_SIZE, to signal (RFC 7541 §4.2)
};

}  // namespace conform::http2::testing
