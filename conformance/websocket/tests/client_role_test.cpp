// The ws cases with the roles swapped (conform serve --client-tests): against a scripted
// echo CLIENT, the Autobahn-numbered cases pass; against clients that break a rule —
// unmasked frames, no echo, no close answer — they fail. This is the runner the
// fuzzing server uses (run_one with a target that is a client).
#include <gtest/gtest.h>

#include "conformance/index.hpp"
#include "harness/cli/client_tests.hpp"
#include "harness/engine/runner.hpp"
#include "harness/net/memory_connection.hpp"
#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/utf8.hpp"

namespace conform::websocket {
namespace {

enum class client_fault { none, unmasked, no_echo, ignores_close };

// A WebSocket client after its handshake: echoes every message (masked), answers pings,
// answers the server's close and fails the connection on what RFC 6455 forbids a
// server to send (masked frames, RSV bits, reserved opcodes, bad UTF-8).
class echo_client final : public net::scripted_peer {
 public:
  explicit echo_client(client_fault fault) : fault_(fault) {}

  void receive(std::string_view bytes, net::peer_reply& reply) override {
    if (closed_) return;
    reader_.feed(bytes);
    ws::frame f;
    for (auto st = reader_.next(f); st == ws::frame_reader::state::frame && !closed_; st = reader_.next(f)) on_frame(f, reply);
    // Fail fast (RFC 6455 §8.1): the text of a frame still arriving is checked too.
    if (!closed_ && reader_.partial(f) && (f.op == 1 || (f.op == 0 && op_ == 1)) && !f.masked) {
      auto probe = text_;
      if (probe.feed(f.payload) == ws::utf8_validator::state::invalid) fail(1007, reply);
    }
  }

 private:
  void send(ws::frame_spec f, net::peer_reply& reply) {
    f.masked = fault_ != client_fault::unmasked;
    reply.bytes += ws::encode(f);
  }

  void fail(std::uint16_t code, net::peer_reply& reply) {
    send(ws::close_frame(code), reply);
    reply.close = closed_ = true;
  }

  void on_frame(ws::frame const& f, net::peer_reply& reply) {
    if (f.masked || f.rsv || (f.op > 2 && f.op < 8) || f.op > 10) return fail(1002, reply);
    if (ws::is_control(f.op) && (!f.fin || f.payload.size() > 125)) return fail(1002, reply);
    if (f.op == 0x8) {
      if (fault_ == client_fault::ignores_close) return;
      if (f.payload.size() == 1) return fail(1002, reply);
      if (f.payload.empty()) return fail(1000, reply);
      auto const code = *ws::close_code_of(f.payload);
      bool const valid = (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006) ||
                         (code >= 3000 && code <= 4999);
      if (!valid) return fail(1002, reply);
      if (!ws::is_valid_utf8(ws::close_reason_of(f.payload))) return fail(1007, reply);
      return fail(code, reply);
    }
    if (f.op == 0x9) return send(ws::control_frame(ws::opcode::pong, f.payload), reply);
    if (f.op == 0xA) return;
    if (f.op == 0 && !op_) return fail(1002, reply);
    if (f.op != 0 && op_) return fail(1002, reply);
    if (f.op != 0) op_ = f.op;
    message_ += f.payload;
    if (*op_ == 1 && text_.feed(f.payload) == ws::utf8_validator::state::invalid) return fail(1007, reply);
    if (!f.fin) return;
    if (*op_ == 1 && text_.current() != ws::utf8_validator::state::valid) return fail(1007, reply);
    text_.reset();
    if (fault_ != client_fault::no_echo) send(ws::data_frame(*op_, message_), reply);
    message_.clear();
    op_.reset();
  }

  client_fault fault_;
  ws::frame_reader reader_{1u << 24};
  std::optional<std::uint8_t> op_;
  std::string message_;
  ws::utf8_validator text_;  // the text message so far
  bool closed_ = false;
};

case_result run_against(registered_case const& c, client_fault fault) {
  target t;
  t.url = "ws-client://scripted";
  t.scheme = "ws";
  t.peer_is_client = true;
  t.offers.add(capability::websocket);
  connector const connect = [fault](target const&, connect_request const&, transcript& log, std::chrono::steady_clock::time_point) {
    return std::unique_ptr<net::connection>(
        std::make_unique<net::memory_connection>(log, log.open_connection("scripted client"), std::make_unique<echo_client>(fault)));
  };
  return run_one(c, {t, {}}, 0, connect, {std::chrono::milliseconds(5000), std::chrono::milliseconds(200)}, 1);
}

registered_case const& by_number(std::string_view number) {
  static auto const table = cli::client_case_table(false);
  for (auto const& c : table)
    if (cli::autobahn_number(c) == number) return c;
  throw std::logic_error("no client case " + std::string(number));
}

TEST(ClientRole, TheTableIsAutobahnsOrderWithoutHandshakeOrHeavyCases) {
  auto const table = cli::client_case_table(false);
  ASSERT_GE(table.size(), 240u);
  EXPECT_EQ(cli::autobahn_number(table.front()), "1.1.1");
  EXPECT_EQ(cli::autobahn_number(table.back()), "10.1.1");
  for (auto const& c : table) EXPECT_FALSE(c.def->heavy) << c.def->id;
  EXPECT_GT(cli::client_case_table(true).size(), table.size());
}

TEST(ClientRole, ACompliantClientPassesEveryCase) {
  for (auto const& c : cli::client_case_table(false)) {
    auto const r = run_against(c, client_fault::none);
    EXPECT_TRUE(r.status == verdict::pass || r.status == verdict::info) << c.def->id << ": " << r.message;
  }
}

TEST(ClientRole, AClientThatDoesNotMaskFails) {
  auto const r = run_against(by_number("1.1.2"), client_fault::unmasked);
  EXPECT_EQ(r.status, verdict::fail);
  EXPECT_NE(r.message.find("unmasked frame from the client"), std::string::npos) << r.message;
}

TEST(ClientRole, AClientThatDoesNotEchoFails) {
  auto const r = run_against(by_number("1.2.3"), client_fault::no_echo);
  EXPECT_EQ(r.status, verdict::fail) << r.message;
}

TEST(ClientRole, AClientThatIgnoresTheServersCloseIsGradedUnclean) {
  auto const r = run_against(by_number("7.1.1"), client_fault::ignores_close);
  ASSERT_TRUE(r.close);
  EXPECT_NE(r.close->verdict, close_report::grade::ok);
}

TEST(ClientRole, TheServerSideFramesGoUnmasked) {
  auto const r = run_against(by_number("1.1.2"), client_fault::none);
  ASSERT_EQ(r.status, verdict::pass) << r.message;
  for (auto const& e : r.log.events()) {
    if (e.what == transcript_event::kind::sent && e.data.size() > 1) {
      EXPECT_EQ(static_cast<unsigned char>(e.data[1]) & 0x80, 0) << "a masked frame from us";
    }
  }
}

}  // namespace
}  // namespace conform::websocket
