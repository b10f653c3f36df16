// The model's frames (RFC 6455 §5–§8, RFC 7692 §6): strict validation, echo, pongs and
// the closing handshake, unless a fault says otherwise.
#include "conformance/websocket/tests/model_server.hpp"
#include "harness/websocket/frame.hpp"

namespace conform::websocket::testing {
namespace {

bool valid_close_code(std::uint16_t code) {
  if (code < 1000 || code >= 5000) return false;
  if (code >= 1004 && code <= 1006) return false;
  return !(code >= 1015 && code < 3000);
}

}  // namespace

void model_server::receive(std::string_view bytes, net::peer_reply& reply) {
  if (done_) return;
  if (!open_) {
    head_.append(bytes);
    handshake(reply);
  } else {
    reader_.feed(bytes);
  }
  if (open_ && !done_) frames(reply);
}

void model_server::send(std::uint8_t op, std::string_view payload, net::peer_reply& reply, std::uint8_t rsv) {
  ws::frame_spec f = ws::data_frame(op, payload);
  f.masked = false;
  f.rsv = rsv;
  reply.bytes += ws::encode(f);
}

void model_server::fail(std::uint16_t code, net::peer_reply& reply) {
  send(0x8, ws::close_payload(code, {}), reply);
  reply.close = true;
  done_ = true;
}

void model_server::frames(net::peer_reply& reply) {
  ws::frame f;
  while (!done_) {
    auto const state = reader_.next(f);
    if (state == ws::frame_reader::state::failed) {
      if (!has(fault::wait_for_huge_length)) fail(1002, reply);
      return;
    }
    if (state == ws::frame_reader::state::need_more) break;
    partial_checked_ = 0;
    if (!on_frame(f, reply)) return;
  }
  if (done_) return;
  if (closing_) {
    reply.close = true;
    done_ = true;
    return;
  }
  if (partial_text_invalid()) return fail(1007, reply);
  if (has(fault::needs_whole_frames) && reader_.buffered() > 0) reader_ = ws::frame_reader{}, partial_checked_ = 0;
}

// A text message whose octets so far, the arriving frame's included, cannot be UTF-8.
bool model_server::partial_text_invalid() {
  if (has(fault::no_utf8_check) || has(fault::utf8_check_at_end) || message_compressed_) return false;
  ws::frame f;
  if (!reader_.partial(f, partial_checked_)) return false;
  bool const text = f.op == 0x1 || (f.op == 0x0 && message_op_ == 0x1);
  if (!text || (f.rsv & 4)) return false;
  if (partial_checked_ == 0) partial_utf8_ = f.op == 0x1 ? ws::utf8_validator{} : utf8_;
  partial_checked_ += f.payload.size();
  return partial_utf8_.feed(f.payload) == ws::utf8_validator::state::invalid;
}

bool model_server::on_frame(ws::frame& f, net::peer_reply& reply) {
  if (closing_ && !has(fault::echo_after_close) && !has(fault::pong_after_close)) return true;
  if (!f.masked && !has(fault::accept_unmasked)) return fail(1002, reply), false;
  bool const rsv1_ok = deflater_ && (f.op == 0x1 || f.op == 0x2) && f.rsv == 4;
  if (f.rsv != 0 && !rsv1_ok && !has(fault::accept_rsv)) return fail(1002, reply), false;
  bool const reserved = (f.op > 0x2 && f.op < 0x8) || f.op > 0xA;
  if (reserved) return has(fault::accept_reserved_opcode) ? true : (fail(1002, reply), false);
  if (ws::is_control(f.op) && !f.fin && has(fault::accept_fragmented_control)) return control_fragment_ = f, true;
  if (f.op == 0x0 && control_fragment_) {
    // The fault: a continuation completes a fragmented control frame.
    ws::frame whole = *control_fragment_;
    control_fragment_.reset();
    whole.payload += f.payload;
    whole.fin = true;
    return on_control(whole, reply);
  }
  if (ws::is_control(f.op)) return on_control(f, reply);
  if (closing_ && !has(fault::echo_after_close)) return true;
  return on_data(f, reply);
}

bool model_server::on_control(ws::frame& f, net::peer_reply& reply) {
  if (f.payload.size() > 125 && !has(fault::accept_long_control)) return fail(1002, reply), false;
  if (!f.fin && !has(fault::accept_fragmented_control)) return fail(1002, reply), false;
  if (f.op == 0x8) return on_close(f, reply);
  if (closing_ && !has(fault::pong_after_close)) return true;
  if (f.op == 0xA) {
    if (has(fault::pong_to_pong)) send(0xA, f.payload, reply);
    return true;
  }
  if (has(fault::no_pong)) return true;
  if (has(fault::pong_only_last) || (has(fault::pong_after_message) && message_op_)) {
    pending_pong_ = f.payload;
    return true;
  }
  send(0xA, has(fault::pong_empty) ? std::string() : f.payload, reply);
  return true;
}

bool model_server::on_close(ws::frame const& f, net::peer_reply& reply) {
  if (closing_) return true;
  if (has(fault::no_close_reply)) return true;
  if (pending_pong_ && has(fault::pong_only_last)) send(0xA, *pending_pong_, reply), pending_pong_.reset();
  std::uint16_t code = 1000;
  if (f.payload.size() == 1 && !has(fault::accept_one_octet_close)) return fail(1002, reply), false;
  if (f.payload.size() >= 2) {
    code = *ws::close_code_of(f.payload);
    bool const private_code = code >= 3000 && code < 5000;
    if ((!valid_close_code(code) && !has(fault::accept_bad_close_code)) ||
        (private_code && has(fault::reject_private_close_codes)))
      return fail(1002, reply), false;
    if (!ws::is_valid_utf8(ws::close_reason_of(f.payload)) &&
        !has(fault::accept_invalid_close_reason))
      return fail(1007, reply), false;
  }
  send(0x8, ws::close_payload(valid_close_code(code) ? code : 1000, {}), reply);
  closing_ = true;
  return true;
}

bool model_server::on_data(ws::frame& f, net::peer_reply& reply) {
  if (f.op == 0x0 && !message_op_) return has(fault::accept_orphan_continuation) ? true : (fail(1002, reply), false);
  if (f.op != 0x0 && message_op_) {
    if (!has(fault::accept_interleaved_data)) return fail(1002, reply), false;
    f.op = 0x0;
  }
  if (f.op != 0x0) {
    message_op_ = f.op;
    message_compressed_ = (f.rsv & 4) != 0 && inflater_;  // RSV1 means compressed only if negotiated
    message_.clear();
    utf8_.reset();
  }
  bool const check = *message_op_ == 0x1 && !message_compressed_ && !has(fault::no_utf8_check);
  if (check && !has(fault::utf8_check_at_end) && utf8_.feed(f.payload) == ws::utf8_validator::state::invalid)
    return fail(1007, reply), false;
  message_ += f.payload;
  if (has(fault::echo_fragments_separately) && !f.fin) echo(*message_op_, f.payload, reply), message_.clear();
  if (!f.fin) return true;
  auto const op = *message_op_;
  message_op_.reset();
  std::string text = std::move(message_);
  message_.clear();
  if (message_compressed_) {
    std::string plain, error;
    if (!inflater_->decompress(text, plain, error)) return fail(1007, reply), false;
    text = std::move(plain);
    if (op == 0x1 && !has(fault::no_utf8_check) && !ws::is_valid_utf8(text)) return fail(1007, reply), false;
  }
  if (check && has(fault::utf8_check_at_end) && !ws::is_valid_utf8(text)) return fail(1007, reply), false;
  if (check && !has(fault::utf8_check_at_end) && utf8_.current() != ws::utf8_validator::state::valid)
    return fail(1007, reply), false;
  echo(op, std::move(text), reply);
  if (pending_pong_ && has(fault::pong_after_message)) send(0xA, *pending_pong_, reply), pending_pong_.reset();
  return true;
}

void model_server::echo(std::uint8_t op, std::string payload, net::peer_reply& reply) {
  if (payload.empty() && has(fault::no_empty_echo)) return;
  if (has(fault::text_as_binary) && op == 0x1) op = 0x2;
  else if (has(fault::binary_as_text) && op == 0x2) op = 0x1;
  if (has(fault::truncate_long_echo) && payload.size() >= 126) payload.pop_back();
  if (deflater_ && has(fault::corrupt_compressed_echo) && !payload.empty()) payload.back() ^= 0x01;
  if (deflater_) return send(op, deflater_->compress(payload), reply, 4);
  send(op, payload, reply);
}

}  // namespace conform::websocket::testing
