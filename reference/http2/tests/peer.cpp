#include "reference/http2/tests/peer.hpp"

namespace conform::reference::http2::testing {

std::vector<received> peer::send(std::string const& bytes) {
  conn_.feed(bytes);
  return drain();
}

std::vector<received> peer::drain() {
  std::vector<received> out;
  for (int rounds = 0; rounds < 1000 && !conn_.output().empty(); ++rounds) {
    reader_.feed(conn_.output());
    conn_.consume_output(conn_.output().size());
    h2::frame f;
    while (reader_.next(f) == h2::frame_reader::status::frame) {
      received r{f, {}};
      if (f.type == h2::frame_type::headers) r.fields = inflater_.inflate(f.payload).fields;
      out.push_back(std::move(r));
    }
  }
  return out;
}

std::string peer::get_block(std::string const& path, std::string const& method, h2::field_list const& extra) {
  h2::hpack_block b;
  b.fields(h2::request_fields(method, path, "localhost", "http", extra));
  return b.bytes();
}

received const* find(std::vector<received> const& frames, std::uint8_t type, std::uint32_t stream) {
  for (auto const& r : frames)
    if (r.f.type == type && (stream == ~0u || r.f.stream_id == stream)) return &r;
  return nullptr;
}

std::string field(received const& r, std::string const& name) {
  for (auto const& f : r.fields)
    if (f.name == name) return f.value;
  return {};
}

std::string body_of(std::vector<received> const& frames, std::uint32_t stream) {
  std::string out;
  for (auto const& r : frames)
    if (r.f.type == h2::frame_type::data && r.f.stream_id == stream) out += r.f.payload;
  return out;
}

}  // namespace conform::reference::http2::testing
