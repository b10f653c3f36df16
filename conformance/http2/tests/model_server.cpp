#include "conformance/http2/tests/model_server.hpp"

#include <algorithm>
#include <utility>

#include "harness/http2/frame_builder.hpp"
#include "harness/http2/hpack_encoder.hpp"

namespace conform::http2::testing {
namespace {

using h2::error_code;
namespace ft = h2::frame_type;

// The kinds of representation in a header block (RFC 7541 §6), found by walking its
// integers and string lengths; the model can then refuse one kind when told to.
struct block_kinds {
  bool incremental = false, without = false, never = false, size_update = false, huffman = false;
  bool dynamic_reference = false;       // an index past the static table (RFC 7541 §2.3.3)
  std::uint64_t largest_incremental = 0;  // the longest string added to the dynamic table
};

bool read_int(std::string_view& b, int prefix, std::uint64_t& v) {
  if (b.empty()) return false;
  std::uint64_t const max = (1u << prefix) - 1;
  v = static_cast<unsigned char>(b[0]) & max;
  b.remove_prefix(1);
  if (v < max) return true;
  for (int shift = 0; !b.empty() && shift < 35; shift += 7) {
    auto const c = static_cast<unsigned char>(b[0]);
    b.remove_prefix(1);
    v += static_cast<std::uint64_t>(c & 0x7f) << shift;
    if (!(c & 0x80)) return true;
  }
  return false;
}

// Skips a string literal; `length` gets its encoded length.
bool skip_string(std::string_view& b, block_kinds& k, std::uint64_t& length) {
  if (b.empty()) return false;
  k.huffman |= (static_cast<unsigned char>(b[0]) & 0x80) != 0;
  if (!read_int(b, 7, length) || length > b.size()) return false;
  b.remove_prefix(length);
  return true;
}

block_kinds kinds_of(std::string_view b) {
  block_kinds k;
  while (!b.empty()) {
    auto const first = static_cast<unsigned char>(b[0]);
    std::uint64_t index = 0;
    int prefix = 4;
    if (first & 0x80) {
      if (!read_int(b, 7, index)) break;
      k.dynamic_reference |= index > 61;
      continue;
    }
    if (first & 0x40) k.incremental = true, prefix = 6;
    else if (first & 0x20) {
      k.size_update = true;
      if (!read_int(b, 5, index)) break;
      continue;
    } else if (first & 0x10) k.never = true;
    else k.without = true;
    if (!read_int(b, prefix, index)) break;
    k.dynamic_reference |= index > 61;
    std::uint64_t name = 0, value = 0;
    if (index == 0 && !skip_string(b, k, name)) break;
    if (!skip_string(b, k, value)) break;
    if (prefix == 6) k.largest_incremental = std::max(k.largest_incremental, name + value);
  }
  return k;
}

}  // namespace

void model_server::receive(std::string_view bytes, net::peer_reply& reply) {
  reply_ = &reply;
  if (done_) return;
  if (!preface_done_) {
    preface_.append(bytes);
    std::size_t const n = std::min(preface_.size(), h2::client_preface.size());
    if (preface_.compare(0, n, h2::client_preface.substr(0, n)) != 0 && enforces("preface"))
      return connection_error(error_code::protocol_error);
    if (preface_.size() < h2::client_preface.size()) return;
    preface_done_ = true;
    bytes = std::string_view(preface_).substr(h2::client_preface.size());
    if (broken("settings_not_first")) out(h2::ping("model!!!").bytes());
    out(settings_preface());
  }
  reader_.feed(bytes);
  while (!done_) {
    h2::frame f;
    auto const s = reader_.next(f);
    if (s == h2::frame_reader::status::need_more) break;
    if (s == h2::frame_reader::status::error) {  // padding longer than the payload
      if (enforces("padding")) connection_error(error_code::protocol_error);
      done_ = true;
      break;
    }
    handle(f);
  }
}

void model_server::handle(h2::frame const& f) {
  if (stalled_) return;
  if (block_stream_ != 0 && !(f.type == ft::continuation && f.stream_id == block_stream_)) {
    if (enforces("interleaved")) return connection_error(error_code::protocol_error);
    return;  // the faulty model skips the intruder and waits for the block to go on
  }
  if (f.payload.size() > h2::default_max_frame_size && enforces("frame_size"))
    return f.type == ft::data ? stream_error(f.stream_id, error_code::frame_size_error)
                              : connection_error(error_code::frame_size_error);
  if ((f.reserved_bit && broken("reserved_bit_error")) || (f.type == ft::ping && (f.flags & ~1) && broken("undefined_flags_error")))
    return connection_error(error_code::protocol_error);
  switch (f.type) {
    case ft::data: return on_data(f);
    case ft::headers: return on_headers(f);
    case ft::priority: return on_priority(f);
    case ft::rst_stream: return on_rst_stream(f);
    case ft::settings: return on_settings(f);
    case ft::window_update: return on_window_update(f);
    case ft::push_promise:
      if (enforces("push_promise")) connection_error(error_code::protocol_error);
      return;
    case ft::ping:
      if (f.stream_id != 0 && enforces("stream_id")) return connection_error(error_code::protocol_error);
      if (f.payload.size() != 8 && enforces("frame_length")) return connection_error(error_code::frame_size_error);
      if (!f.has(h2::flag::ack) && flooded(pings_, "ping_flood_stall")) return;
      if (f.has(h2::flag::ack) ? broken("ack_ping_acks") : !broken("no_ping_ack")) out(h2::ping(f.payload, true).bytes());
      return;
    case ft::goaway:
      // The faulty model ignores a GOAWAY on a stream rather than taking it as a GOAWAY.
      if (f.stream_id != 0) return enforces("stream_id") ? connection_error(error_code::protocol_error) : void();
      if (f.goaway() && static_cast<std::uint32_t>(f.goaway()->code) > 0xd && broken("unknown_code_error"))
        return connection_error(error_code::protocol_error);
      return on_goaway(f);
    case ft::continuation:
      if (block_stream_ == 0) {
        if (enforces("stray_continuation")) connection_error(error_code::protocol_error);
        return;
      }
      block_ += f.payload;
      if (block_.size() > (1u << 20) && enforces("header_block_limit")) return connection_error(error_code::enhance_your_calm);
      if (f.has(h2::flag::end_headers)) on_block(block_stream_, block_end_stream_, block_);
      return;
    default:
      if (broken("unknown_type_error")) connection_error(error_code::protocol_error);
  }
}

void model_server::on_data(h2::frame const& f) {
  std::uint32_t const id = f.stream_id;
  if (id == 0) return enforces("stream_0") ? connection_error(error_code::protocol_error) : void();
  if (id > last_stream_) return enforces("idle") ? connection_error(error_code::protocol_error) : void();
  if (f.payload.empty() && !f.has(h2::flag::end_stream) && ++empty_data_ > flood_limit)
    return broken("empty_data_stall") ? void(stalled_ = true) : connection_error(error_code::enhance_your_calm);
  if (broken("refuse_padding") && f.has(h2::flag::padded)) return stream_error(id, error_code::refused_stream);
  if (broken("refuse_data")) return stream_error(id, error_code::refused_stream);
  auto const it = streams_.find(id);
  if (it == streams_.end() || it->second.remote_closed) {
    if (it == streams_.end() && broken("reset_stream_frames_error")) return connection_error(error_code::stream_closed);
    if (enforces(it == streams_.end() ? "closed" : "half_closed")) stream_error(id, error_code::stream_closed);
    return;
  }
  auto& s = it->second;
  s.received += f.payload.size();
  if (!f.has(h2::flag::end_stream)) return;
  s.remote_closed = true;
  if (s.has_length && s.received > s.content_length && enforces("content_length"))
    return stream_error(id, error_code::protocol_error);
  if (s.has_length && s.received < s.content_length && enforces("content_length_short"))
    return stream_error(id, error_code::protocol_error);
  respond(id);
}

void model_server::on_headers(h2::frame const& f) {
  std::uint32_t const id = f.stream_id;
  if (id == 0) return enforces("stream_0") ? connection_error(error_code::protocol_error) : void();
  if (id % 2 == 0 && enforces("even")) return connection_error(error_code::protocol_error);
  if (id == h2::max_window && broken("max_stream_id")) return connection_error(error_code::protocol_error);
  if ((broken("refuse_padding") && f.has(h2::flag::padded)) || (broken("refuse_priority") && f.has(h2::flag::priority)) ||
      (broken("refuse_continuation") && !f.has(h2::flag::end_headers)))
    return stream_error(id, error_code::refused_stream);
  block_stream_ = id;
  block_end_stream_ = f.has(h2::flag::end_stream);
  block_ = f.payload;
  self_dependent_ = f.depends_on == id;
  if (f.has(h2::flag::end_headers)) on_block(id, block_end_stream_, block_);
}

void model_server::on_block(std::uint32_t id, bool end_stream, std::string const& block) {
  block_stream_ = 0;
  auto const k = kinds_of(block);
  auto const r = inflater_.inflate(block);
  if (!r.ok()) {
    if (enforces("hpack")) connection_error(error_code::compression_error);
    return;
  }
  if ((k.incremental && broken("refuse_incremental")) || (k.without && broken("refuse_without_indexing")) ||
      (k.never && broken("refuse_never_indexed")) || (k.huffman && broken("refuse_huffman")) ||
      (k.size_update && broken("refuse_size_update")) || (k.dynamic_reference && broken("refuse_dynamic_reference")))
    return stream_error(id, error_code::refused_stream);
  if (k.largest_incremental > 4096 && broken("refuse_oversized_entry")) return connection_error(error_code::compression_error);
  if (header_list_too_large(r.fields)) return stream_error(id, error_code::refused_stream);
  if (self_dependent_ && enforces("self_dependency")) {
    last_stream_ = std::max(last_stream_, id);
    return stream_error(id, error_code::protocol_error);
  }
  auto const it = streams_.find(id);
  if (it != streams_.end()) {
    auto& s = it->second;
    if (s.remote_closed) {
      if (enforces("half_closed")) stream_error(id, error_code::stream_closed);
      return;
    }
    if (!end_stream && enforces("trailers_end_stream")) return stream_error(id, error_code::protocol_error);
    if (malformed(r.fields, true)) return stream_error(id, error_code::protocol_error);
    if (s.has_length && s.received != s.content_length && enforces("content_length_trailers"))
      return stream_error(id, error_code::protocol_error);
    if (broken("refuse_trailers")) return stream_error(id, error_code::refused_stream);
    s.remote_closed = true;
    return respond(id);
  }
  bool const reuse = broken("id_reuse");  // the faulty model takes any id not open as new
  if (closed_.count(id) && !reuse) {
    if (enforces("closed")) connection_error(error_code::stream_closed);
    return;
  }
  if (id < last_stream_ && !reuse) {
    if (enforces("decreasing")) connection_error(error_code::protocol_error);
    return;
  }
  request(id, r.fields, end_stream);
}

void model_server::request(std::uint32_t id, h2::field_list const& fields, bool end_stream) {
  bool const beyond_goaway = going_away_ && id > last_stream_;
  last_stream_ = std::max(last_stream_, id);
  if (beyond_goaway && !broken("process_beyond_goaway")) return;  // §6.8: ignored
  if (streams_.size() >= 100 && enforces("max_concurrent")) return stream_error(id, error_code::refused_stream);
  if (malformed(fields, false)) return stream_error(id, error_code::protocol_error);
  stream s;
  s.window = initial_window_;
  s.remote_closed = end_stream;
  bool connect = false;
  for (auto const& f : fields) {
    if (f.name == ":method" && f.value == "POST" && broken("refuse_post")) return stream_error(id, error_code::refused_stream);
    connect |= f.name == ":method" && f.value == "CONNECT";
    if (f.name == ":method") s.method = f.value;
    if (f.name == ":path") s.path = f.value;
    if (f.name != "content-length") continue;
    bool const digits = !f.value.empty() && f.value.size() < 19 && f.value.find_first_not_of("0123456789") == std::string::npos;
    if (!digits && enforces("content_length_invalid")) return stream_error(id, error_code::protocol_error);
    s.has_length = digits;
    s.content_length = digits ? std::stoull(f.value) : 0;
  }
  if (end_stream && s.has_length && s.content_length != 0 && enforces("content_length_no_data"))
    return stream_error(id, error_code::protocol_error);
  streams_[id] = s;
  if (end_stream || connect) respond(id);  // §8.5: a CONNECT is answered before its tunnel carries anything
}

void model_server::on_settings(h2::frame const& f) {
  if (f.stream_id != 0 && enforces("stream_id")) return connection_error(error_code::protocol_error);
  if (f.has(h2::flag::ack)) {
    if (!f.payload.empty() && enforces("frame_length")) connection_error(error_code::frame_size_error);
    return;
  }
  if (f.payload.size() % 6 != 0) {
    if (enforces("frame_length")) connection_error(error_code::frame_size_error);
    return;
  }
  if (flooded(settings_frames_, "settings_flood_stall")) return;
  bool window_seen = false;
  auto const entries = f.settings();
  for (auto const& e : *entries) {
    bool const values = enforces("settings_values");
    if (e.id == h2::setting::enable_push && e.value > 1 && values) return connection_error(error_code::protocol_error);
    if (e.id == h2::setting::initial_window_size && e.value > h2::max_window && values)
      return connection_error(error_code::flow_control_error);
    if (e.id == h2::setting::max_frame_size && (e.value < 16384 || e.value > 0xffffff) && values)
      return connection_error(error_code::protocol_error);
    if (e.id > 0x8 && broken("unknown_setting_error")) return connection_error(error_code::protocol_error);
    if (e.id == h2::setting::initial_window_size && e.value == h2::max_window && broken("max_window_refused"))
      return connection_error(error_code::flow_control_error);
    if (e.id == h2::setting::max_frame_size && e.value == 0xffffff && broken("max_frame_size_refused"))
      return connection_error(error_code::protocol_error);
    if (e.id == h2::setting::header_table_size && !broken("no_size_update")) table_size_update_ = e.value;
    if (e.id != h2::setting::initial_window_size || (window_seen && broken("first_setting_wins"))) continue;
    window_seen = true;
    std::int64_t const delta = static_cast<std::int64_t>(e.value) - initial_window_;
    initial_window_ = e.value;
    if (broken("ignore_window_change")) continue;
    for (auto& [sid, s] : streams_) {
      s.window += delta;
      if (s.window > h2::max_window && enforces("window_overflow")) return connection_error(error_code::flow_control_error);
    }
  }
  if (!broken("no_settings_ack")) out(broken("ack_payload") ? h2::unknown(ft::settings, 0, std::string_view("\0\x03\0\0\0\x01", 6), h2::flag::ack).bytes() : h2::settings_ack().bytes());
  for (auto const& [sid, s] : std::map<std::uint32_t, stream>(streams_)) flush(sid);
}

void model_server::on_window_update(h2::frame const& f) {
  if (f.payload.size() != 4) {
    if (enforces("frame_length")) connection_error(error_code::frame_size_error);
    return;
  }
  std::uint32_t const inc = *f.window_increment();
  std::uint32_t const id = f.stream_id;
  if (id == 0) {
    if (inc == 0 && enforces("zero_increment")) return connection_error(error_code::protocol_error);
    connection_window_ += inc;
    if (connection_window_ > h2::max_window && enforces("window_overflow")) return connection_error(error_code::flow_control_error);
    for (auto const& [sid, s] : std::map<std::uint32_t, stream>(streams_)) flush(sid);
    return;
  }
  if (id > last_stream_) return enforces("idle") ? connection_error(error_code::protocol_error) : void();
  if (inc == 0 && enforces("zero_increment")) return stream_error(id, error_code::protocol_error);
  auto const it = streams_.find(id);
  if (it == streams_.end()) {
    if (broken("closed_window_update_error")) connection_error(error_code::stream_closed);
    return;  // §5.1: a closed stream's WINDOW_UPDATE is ignored
  }
  it->second.window += inc;
  if (it->second.window > h2::max_window && enforces("window_overflow")) return stream_error(id, error_code::flow_control_error);
  if (!broken("window_update_half_closed")) flush(id);
}

void model_server::on_rst_stream(h2::frame const& f) {
  if (f.stream_id == 0) return enforces("stream_0") ? connection_error(error_code::protocol_error) : void();
  if (f.payload.size() != 4 && enforces("frame_length")) return connection_error(error_code::frame_size_error);
  if (f.stream_id > last_stream_) return enforces("idle") ? connection_error(error_code::protocol_error) : void();
  if (f.rst_code() && static_cast<std::uint32_t>(*f.rst_code()) > 0xd && broken("unknown_code_error"))
    return connection_error(error_code::protocol_error);
  if (++resets_ > flood_limit)  // CVE-2023-44487: streams opened and reset at once
    return broken("rapid_reset_stall") ? void(stalled_ = true) : connection_error(error_code::enhance_your_calm);
  if (closed_.count(f.stream_id) && broken("closed_rst_error")) return connection_error(error_code::stream_closed);
  streams_.erase(f.stream_id);
  closed_.insert(f.stream_id);
}

void model_server::on_priority(h2::frame const& f) {
  if (f.stream_id == 0) return enforces("stream_0") ? connection_error(error_code::protocol_error) : void();
  if (f.payload.size() != 5) {
    if (enforces("frame_length")) stream_error(f.stream_id, error_code::frame_size_error);
    return;
  }
  if (broken("refuse_priority")) return connection_error(error_code::protocol_error);
  std::uint32_t const dep = *f.window_increment();  // the same 31 bits at the same place
  if (dep == f.stream_id && enforces("self_dependency")) stream_error(f.stream_id, error_code::protocol_error);
}

void model_server::connection_error(error_code code) {
  if (!broken("close_without_goaway"))
    out(h2::goaway(broken("goaway_last_zero") ? 0 : last_stream_, static_cast<std::uint32_t>(code)).bytes());
  if (!broken("no_close_after_goaway")) reply_->close = true;
  done_ = true;
}

void model_server::stream_error(std::uint32_t id, error_code code) {
  out(h2::rst_stream(id, code).bytes());
  streams_.erase(id);
  closed_.insert(id);
  last_stream_ = std::max(last_stream_, id);
}

}  // namespace conform::http2::testing
