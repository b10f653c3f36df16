// A test client for the reference HTTP/2 connection, built from the harness's
// independent codec (frame builder, frame reader, HPACK encoder, libnghttp2's
// inflater), so the reference is never checked with its own code.
#pragma once

#include <string>
#include <vector>

#include "harness/http2/frame_builder.hpp"
#include "harness/http2/frame_reader.hpp"
#include "harness/http2/hpack_encoder.hpp"
#include "harness/http2/hpack_inflater.hpp"
#include "reference/http2/connection.hpp"

namespace conform::reference::http2::testing {

namespace h2 = conform::h2;

struct received {
  h2::frame f;
  h2::field_list fields;  // decoded, for HEADERS
};

class peer {
 public:
  explicit peer(limits l = {}) : conn_(l) { conn_.set_date("Mon, 01 Jan 2024 00:00:00 GMT"); }

  // Preface and an empty SETTINGS; returns the server's frames so far.
  std::vector<received> handshake() { return send(std::string(h2::client_preface) + h2::settings().bytes()); }
  std::vector<received> send(std::string const& bytes);
  std::vector<received> send(h2::raw_frame const& f) { return send(f.bytes()); }
  std::string get_block(std::string const& path, std::string const& method = "GET", h2::field_list const& extra = {});
  // The frames produced since the last call (e.g. after consume_output freed room).
  std::vector<received> drain();

  connection& conn() { return conn_; }

 private:
  connection conn_;
  h2::frame_reader reader_{1 << 24};
  h2::hpack_inflater inflater_;
};

// The first frame of `type` on `stream` (any stream when stream is ~0u), or nullptr.
received const* find(std::vector<received> const& frames, std::uint8_t type, std::uint32_t stream = ~0u);
std::string field(received const& r, std::string const& name);
std::string body_of(std::vector<received> const& frames, std::uint32_t stream);

}  // namespace conform::reference::http2::testing
