// The HTTP/2 client's verbs and shared judgements against scripted peers in memory.
#include <gtest/gtest.h>

#include "harness/engine/case.hpp"
#include "harness/engine/context.hpp"
#include "harness/http2/client.hpp"
#include "harness/http2/expect.hpp"
#include "harness/net/memory_connection.hpp"

namespace conform::h2 {
namespace {

// How the scripted peer answers a HEADERS frame.
enum class answer { respond_200, respond_400, goaway_protocol, goaway_frame_size, rst_protocol, rst_cancel, close, silent };

// A minimal h2 server: SETTINGS and ACK for the preface, PINGs answered, and HEADERS
// answered as told, always after some unrelated frames so waits must skip them.
class peer : public net::scripted_peer {
 public:
  explicit peer(answer a, bool http1 = false) : answer_(a), http1_(http1) {}

  void receive(std::string_view bytes, net::peer_reply& reply) override {
    if (http1_) {
      reply.bytes = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
      reply.close = true;
      return;
    }
    if (bytes.starts_with(client_preface)) {
      bytes.remove_prefix(client_preface.size());
      reply.bytes += settings({{setting::max_concurrent_streams, 100}}).bytes();
    }
    reader_.feed(bytes);
    for (frame f; reader_.next(f) == frame_reader::status::frame;) react(f, reply);
  }

 private:
  void react(frame const& f, net::peer_reply& reply) {
    if (f.type == frame_type::settings && !f.has(flag::ack)) reply.bytes += settings_ack().bytes();
    if (f.type == frame_type::ping && !f.has(flag::ack)) reply.bytes += ping(f.payload, true).bytes();
    if (f.type != frame_type::headers) return;
    reply.bytes += window_update(0, 1000).bytes() + ping("unrelat!").bytes() + settings().bytes();
    auto const response = [&](std::string_view status) {
      hpack_block b;
      b.fields({{":status", std::string(status)}, {"content-type", "text/plain"}});
      // Split in two so the client must merge a CONTINUATION.
      auto const block = b.bytes();
      reply.bytes += headers(f.stream_id, block.substr(0, 2), false, false).bytes() +
                     continuation(f.stream_id, block.substr(2)).bytes() + data(f.stream_id, "hello", true).bytes();
    };
    switch (answer_) {
      case answer::respond_200: response("200"); break;
      case answer::respond_400: response("400"); break;
      case answer::goaway_protocol: reply.bytes += goaway(f.stream_id, 0x1).bytes(); break;
      case answer::goaway_frame_size: reply.bytes += goaway(f.stream_id, 0x6).bytes(); break;
      case answer::rst_protocol: reply.bytes += rst_stream(f.stream_id, error_code::protocol_error).bytes(); break;
      case answer::rst_cancel: reply.bytes += rst_stream(f.stream_id, error_code::cancel).bytes(); break;
      case answer::close: reply.close = true; break;
      case answer::silent: break;
    }
  }

  answer answer_;
  bool http1_;
  frame_reader reader_;
};

struct fixture {
  explicit fixture(answer a, bool http1 = false)
      : connect([a, http1](target const&, connect_request const&, transcript& log, auto) {
          return std::make_unique<net::memory_connection>(log, log.open_connection("memory"),
                                                          std::make_unique<peer>(a, http1));
        }),
        cx(t, def, log, connect, timing{}, 1) {}

  target t = *parse_target("http://127.0.0.1:1/").value;
  case_def def{.id = "t/x"};
  transcript log;
  connector connect;
  context cx;
};

TEST(h2_client, handshake_and_a_response_with_continuation) {
  fixture fx(answer::respond_200);
  client c(fx.cx);
  ASSERT_EQ(c.handshake(), "");
  EXPECT_EQ(c.peer_setting(setting::max_concurrent_streams, 0), 100u);
  c.send(c.get(1));
  auto const e = c.wait_for([](frame const& f) { return f.type == frame_type::headers; });
  ASSERT_TRUE(e.is_frame(frame_type::headers)) << describe(e);
  field_list const want = {{":status", "200"}, {"content-type", "text/plain"}};
  EXPECT_EQ(e.fields, want);
  bool noted = false;
  for (auto const& ev : fx.log.events()) noted |= ev.data.find(":status: 200") != std::string::npos;
  EXPECT_TRUE(noted) << "decoded header fields are noted in the transcript";
}

TEST(h2_client, connection_error_verdicts) {
  auto judge = [](answer a) {
    fixture fx(a);
    client c(fx.cx);
    EXPECT_EQ(c.handshake(), "");
    c.send(c.get(1));
    return expect_connection_error(c, {error_code::protocol_error});
  };
  EXPECT_EQ(judge(answer::goaway_protocol).what, judgement::kind::as_required);
  EXPECT_EQ(judge(answer::close).what, judgement::kind::closed);
  auto const wrong = judge(answer::goaway_frame_size);
  EXPECT_EQ(wrong.what, judgement::kind::wrong_code);
  EXPECT_NE(wrong.got.find("FRAME_SIZE_ERROR"), std::string::npos) << wrong.got;
  EXPECT_EQ(resolve(to_outcome(wrong), requirement_level::must), verdict::warn);
  auto const scoped = judge(answer::rst_protocol);
  EXPECT_EQ(scoped.what, judgement::kind::wrong_scope);
  EXPECT_EQ(resolve(to_outcome(scoped), requirement_level::must), verdict::warn);
  auto const none = judge(answer::respond_200);
  EXPECT_EQ(none.what, judgement::kind::missing);
  EXPECT_EQ(resolve(to_outcome(none), requirement_level::must), verdict::fail);
}

TEST(h2_client, stream_error_verdicts) {
  auto judge = [](answer a, bool response_allowed = false) {
    fixture fx(a);
    client c(fx.cx);
    EXPECT_EQ(c.handshake(), "");
    c.send(c.get(1));
    return expect_stream_error(c, 1, {error_code::protocol_error}, response_allowed);
  };
  EXPECT_EQ(judge(answer::rst_protocol).what, judgement::kind::as_required);
  EXPECT_EQ(judge(answer::goaway_protocol).what, judgement::kind::as_required);
  EXPECT_EQ(judge(answer::close).what, judgement::kind::closed);
  EXPECT_EQ(judge(answer::rst_cancel).what, judgement::kind::wrong_code);
  EXPECT_EQ(judge(answer::respond_200).what, judgement::kind::missing);  // skipped, then nothing
  EXPECT_EQ(judge(answer::respond_200, true).what, judgement::kind::missing);
  EXPECT_NE(judge(answer::respond_200, true).got.find("200 response"), std::string::npos);
  EXPECT_EQ(judge(answer::respond_400).what, judgement::kind::missing);
  EXPECT_EQ(judge(answer::respond_400, true).what, judgement::kind::closed);
  EXPECT_EQ(judge(answer::silent).what, judgement::kind::missing);
}

TEST(h2_client, ping_ack_proves_liveness) {
  fixture fx(answer::silent);
  client c(fx.cx);
  ASSERT_EQ(c.handshake(), "");
  EXPECT_EQ(expect_ping_ack(c).what, judgement::kind::as_required);
}

TEST(h2_client, an_http1_answer_gets_its_own_words) {
  fixture fx(answer::silent, true);
  client c(fx.cx);
  auto const failure = c.handshake();
  EXPECT_NE(failure.find("HTTP/1"), std::string::npos) << failure;
  EXPECT_NE(failure.find("does not speak HTTP/2"), std::string::npos) << failure;
}

}  // namespace
}  // namespace conform::h2
