// The reference HTTP/2 connection (RFC 9113) driven by the harness's independent codec:
// exchanges, flow control, every refusal with the error code the RFC names, and the
// abuse limits.
#include <gtest/gtest.h>

#include "reference/http2/tests/peer.hpp"

namespace conform::reference::http2::testing {
namespace {

using h2::error_code;
namespace ft = h2::frame_type;

std::vector<received> ready(peer& p) {
  p.handshake();
  return p.send(h2::settings_ack());
}

TEST(reference_h2, preface_answered_with_settings_first_then_ack) {
  peer p;
  auto const frames = p.handshake();
  ASSERT_GE(frames.size(), 2u);
  EXPECT_EQ(frames[0].f.type, ft::settings);
  EXPECT_FALSE(frames[0].f.has(h2::flag::ack));
  EXPECT_NE(find(frames, ft::settings), nullptr);
  bool acked = false;
  for (auto const& r : frames) acked |= r.f.type == ft::settings && r.f.has(h2::flag::ack);
  EXPECT_TRUE(acked);
}

TEST(reference_h2, get_root_and_echo) {
  peer p;
  ready(p);
  auto const frames = p.send(h2::headers(1, p.get_block("/")));
  auto const* h = find(frames, ft::headers, 1);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(field(*h, ":status"), "200");
  EXPECT_FALSE(body_of(frames, 1).empty());
  auto const echo = p.send(h2::headers(3, p.get_block("/echo", "POST", {{"content-type", "text/x-test"}}), false).bytes() +
                           h2::data(3, "hello ").bytes() + h2::data(3, "world", true).bytes());
  auto const* eh = find(echo, ft::headers, 3);
  ASSERT_NE(eh, nullptr);
  EXPECT_EQ(field(*eh, "content-type"), "text/x-test");
  EXPECT_EQ(body_of(echo, 3), "hello world");
  EXPECT_EQ(p.conn().open_streams(), 0u);
}

TEST(reference_h2, stream_lines_are_data_frames_and_1xx_are_interim_headers) {
  peer p;
  ready(p);
  auto const frames = p.send(h2::headers(1, p.get_block("/stream/3")));
  int data_frames = 0;
  for (auto const& r : frames) data_frames += r.f.type == ft::data && !r.f.payload.empty();
  EXPECT_EQ(data_frames, 3);
  EXPECT_EQ(body_of(frames, 1), "line 0 of 3\nline 1 of 3\nline 2 of 3\n");
  auto const interim = p.send(h2::headers(3, p.get_block("/status/103")));
  ASSERT_GE(interim.size(), 2u);
  EXPECT_EQ(field(interim[0], ":status"), "103");
  EXPECT_FALSE(interim[0].f.has(h2::flag::end_stream));
}

TEST(reference_h2, flow_control_holds_data_until_window_update) {
  peer p;
  ready(p);
  auto const first = p.send(h2::headers(1, p.get_block("/bytes/100000")));
  EXPECT_EQ(body_of(first, 1).size(), 65535u);
  auto const rest = p.send(h2::window_update(0, 100000).bytes() + h2::window_update(1, 100000).bytes());
  EXPECT_EQ(body_of(rest, 1).size(), 100000u - 65535u);
}

TEST(reference_h2, initial_window_size_of_one_gives_one_octet) {
  peer p;
  p.handshake();
  p.send(h2::settings({{h2::setting::initial_window_size, 1}}));
  auto const frames = p.send(h2::headers(1, p.get_block("/")));
  auto const* d = find(frames, ft::data, 1);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->f.payload.size(), 1u);
}

TEST(reference_h2, any_split_of_the_input_gives_the_same_answer) {
  std::string const all = std::string(h2::client_preface) + h2::settings().bytes() + h2::headers(1, peer().get_block("/headers")).bytes();
  peer whole;
  auto const want = body_of(whole.send(all), 1);
  ASSERT_FALSE(want.empty());
  for (std::size_t cut = 1; cut < all.size(); cut += 3) {
    peer p;
    auto got = p.send(all.substr(0, cut));
    auto more = p.send(all.substr(cut));
    got.insert(got.end(), more.begin(), more.end());
    EXPECT_EQ(body_of(got, 1), want) << cut;
  }
}

struct refusal {
  char const* name;
  std::string (*frames)(peer&);
  std::uint8_t type;  // GOAWAY or RST_STREAM
  error_code code;
};

std::uint32_t code_of(received const& r) {
  return r.f.type == ft::goaway ? static_cast<std::uint32_t>(r.f.goaway()->code) : static_cast<std::uint32_t>(*r.f.rst_code());
}

class refusals : public ::testing::TestWithParam<refusal> {};

TEST_P(refusals, answer_with_the_rfc_error) {
  auto const& c = GetParam();
  peer p;
  ready(p);
  auto const frames = p.send(c.frames(p));
  auto const* r = find(frames, c.type);
  ASSERT_NE(r, nullptr) << c.name << ": no " << h2::frame_type_name(c.type);
  EXPECT_EQ(code_of(*r), static_cast<std::uint32_t>(c.code)) << c.name << ": " << r->f.summary();
}

std::string with_get(peer& p, std::string const& tail) { return h2::headers(1, p.get_block("/"), false).bytes() + tail; }

INSTANTIATE_TEST_SUITE_P(
    reference_h2, refusals,
    ::testing::Values(
        refusal{"data_stream_0", [](peer&) { return h2::data(0, "x").bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"data_idle", [](peer&) { return h2::data(1, "x").bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"ping_length", [](peer&) { return std::move(h2::ping("1234567")).bytes(); }, ft::goaway, error_code::frame_size_error},
        refusal{"ping_stream", [](peer&) { auto f = h2::ping(); f.stream_id = 1; return f.bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"settings_ack_payload", [](peer&) { auto f = h2::settings({{1, 1}}); f.flags = 1; return f.bytes(); }, ft::goaway, error_code::frame_size_error},
        refusal{"settings_length", [](peer&) { return h2::unknown(ft::settings, 0, "12345").bytes(); }, ft::goaway, error_code::frame_size_error},
        refusal{"enable_push_2", [](peer&) { return h2::settings({{h2::setting::enable_push, 2}}).bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"initial_window_too_big", [](peer&) { return h2::settings({{h2::setting::initial_window_size, 0x80000000u}}).bytes(); }, ft::goaway, error_code::flow_control_error},
        refusal{"max_frame_size_small", [](peer&) { return h2::settings({{h2::setting::max_frame_size, 16383}}).bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"window_update_0", [](peer&) { return h2::window_update(0, 0).bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"window_overflow", [](peer&) { return h2::window_update(0, 0x7fffffff).bytes(); }, ft::goaway, error_code::flow_control_error},
        refusal{"stream_window_overflow", [](peer& p) { return with_get(p, h2::window_update(1, 0x7fffffff).bytes()); }, ft::rst_stream, error_code::flow_control_error},
        refusal{"stream_window_update_0", [](peer& p) { return with_get(p, h2::window_update(1, 0).bytes()); }, ft::rst_stream, error_code::protocol_error},
        refusal{"rst_idle", [](peer&) { return h2::rst_stream(1, error_code::cancel).bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"push_promise", [](peer&) { return h2::push_promise(1, 2, "").bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"even_stream", [](peer& p) { return h2::headers(2, p.get_block("/")).bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"continuation_interrupted", [](peer& p) { return h2::headers(1, p.get_block("/"), true, false).bytes() + h2::ping().bytes(); }, ft::goaway, error_code::protocol_error},
        refusal{"hpack_index_0", [](peer&) { return h2::headers(1, std::string(1, '\x80')).bytes(); }, ft::goaway, error_code::compression_error},
        refusal{"uppercase_name", [](peer& p) { return h2::headers(1, p.get_block("/", "GET", {{"X-Upper", "1"}})).bytes(); }, ft::rst_stream, error_code::protocol_error},
        refusal{"te_gzip", [](peer& p) { return h2::headers(1, p.get_block("/", "GET", {{"te", "gzip"}})).bytes(); }, ft::rst_stream, error_code::protocol_error},
        refusal{"connection_field", [](peer& p) { return h2::headers(1, p.get_block("/", "GET", {{"connection", "close"}})).bytes(); }, ft::rst_stream, error_code::protocol_error},
        refusal{"data_after_end_stream", [](peer& p) { return h2::headers(1, p.get_block("/stream/10000")).bytes() + h2::data(1, "x").bytes(); }, ft::rst_stream, error_code::stream_closed},
        refusal{"content_length_mismatch", [](peer& p) { return h2::headers(1, p.get_block("/echo", "POST", {{"content-length", "3"}}), false).bytes() + h2::data(1, "ab", true).bytes(); }, ft::rst_stream, error_code::protocol_error},
        refusal{"trailers_without_end_stream", [](peer& p) { return with_get(p, h2::headers(1, h2::hpack_block().literal(h2::literal_kind::without_indexing, "x-t", "1").bytes(), false).bytes()); }, ft::rst_stream, error_code::protocol_error},
        refusal{"self_dependency", [](peer& p) { return std::move(h2::headers(1, p.get_block("/"))).with_priority(1, 16).bytes(); }, ft::rst_stream, error_code::protocol_error},
        refusal{"frame_too_large", [](peer&) { return h2::data(1, std::string(16385, 'x')).bytes(); }, ft::goaway, error_code::frame_size_error},
        refusal{"padding_too_long", [](peer& p) { return with_get(p, std::move(h2::data(1, "ab")).padded(5, 0).bytes()); }, ft::goaway, error_code::protocol_error}),
    [](auto const& p) { return std::string(p.param.name); });

TEST(reference_h2, invalid_preface_is_a_protocol_error) {
  peer p;
  auto const frames = p.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  auto const* g = find(frames, ft::goaway);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->f.goaway()->code, error_code::protocol_error);
  EXPECT_TRUE(p.conn().finished());
}

TEST(reference_h2, closed_and_skipped_stream_ids_get_different_errors) {
  peer a;
  ready(a);
  a.send(h2::headers(1, a.get_block("/")));
  auto const again = a.send(h2::headers(1, a.get_block("/")));
  EXPECT_EQ(find(again, ft::goaway)->f.goaway()->code, error_code::stream_closed);
  peer b;
  ready(b);
  b.send(h2::headers(5, b.get_block("/")));
  auto const lower = b.send(h2::headers(3, b.get_block("/")));
  EXPECT_EQ(find(lower, ft::goaway)->f.goaway()->code, error_code::protocol_error);
}

TEST(reference_h2, unknown_frames_settings_and_priority_are_ignored) {
  peer p;
  ready(p);
  auto const frames = p.send(h2::unknown(0x21, 0, "whatever").bytes() + h2::settings({{0x99, 1}}).bytes() +
                             h2::priority(9, 0).bytes() + h2::ping("12345678").bytes());
  EXPECT_EQ(find(frames, ft::goaway), nullptr);
  ASSERT_NE(find(frames, ft::ping), nullptr);
  EXPECT_EQ(find(frames, ft::ping)->f.payload, "12345678");
}

TEST(reference_h2, max_concurrent_streams_refuses_the_extra_one) {
  peer p({.max_concurrent_streams = 2});
  ready(p);
  p.send(h2::headers(1, p.get_block("/echo", "POST"), false).bytes() + h2::headers(3, p.get_block("/echo", "POST"), false).bytes());
  auto const frames = p.send(h2::headers(5, p.get_block("/")));
  ASSERT_NE(find(frames, ft::rst_stream, 5), nullptr);
  EXPECT_EQ(*find(frames, ft::rst_stream, 5)->f.rst_code(), error_code::refused_stream);
}

TEST(reference_h2, continuation_flood_is_enhance_your_calm) {
  peer p;
  ready(p);
  std::string flood = h2::headers(1, p.get_block("/"), true, false).bytes();
  for (int i = 0; i < 40; ++i) flood += h2::continuation(1, std::string(16000, 'a'), false).bytes();
  auto const frames = p.send(flood);
  ASSERT_NE(find(frames, ft::goaway), nullptr);
  EXPECT_EQ(find(frames, ft::goaway)->f.goaway()->code, error_code::enhance_your_calm);
}

TEST(reference_h2, rapid_reset_is_enhance_your_calm) {
  peer p;
  ready(p);
  std::string burst;
  for (std::uint32_t id = 1; id < 1000; id += 2)
    burst += h2::headers(id, p.get_block("/stream/10000")).bytes() + h2::rst_stream(id, error_code::cancel).bytes();
  auto const frames = p.send(burst);
  ASSERT_NE(find(frames, ft::goaway), nullptr);
  EXPECT_EQ(find(frames, ft::goaway)->f.goaway()->code, error_code::enhance_your_calm);
}

TEST(reference_h2, ping_flood_against_a_client_that_never_reads_is_bounded) {
  peer p;
  ready(p);
  std::string pings;
  for (int i = 0; i < 20000; ++i) pings += h2::ping("12345678").bytes();
  for (int round = 0; round < 20 && !p.conn().finished(); ++round) p.conn().feed(pings);  // output never consumed
  EXPECT_TRUE(p.conn().finished());
  EXPECT_LT(p.conn().output().size(), 8u << 20);
  EXPECT_EQ(p.conn().last_violation(), "ping_flood");
}

TEST(reference_h2, graceful_shutdown_finishes_open_streams) {
  peer p;
  ready(p);
  p.send(h2::headers(1, p.get_block("/echo", "POST"), false));
  p.conn().begin_shutdown();
  EXPECT_FALSE(p.conn().finished());
  auto const frames = p.send(h2::data(1, "done", true));
  EXPECT_EQ(body_of(frames, 1), "done");
  EXPECT_TRUE(p.conn().finished());
}

// RFC 9113 §6.8: the client's GOAWAY gets ours (last stream 1, NO_ERROR); stream 1
// still finishes, a stream opened after it is ignored, then the connection ends.
TEST(reference_h2, client_goaway_answered_with_own_then_open_streams_finish) {
  peer p;
  ready(p);
  auto const first = p.send(h2::headers(1, p.get_block("/echo", "POST"), false).bytes() +
                            h2::goaway(0, static_cast<std::uint32_t>(error_code::no_error)).bytes());
  auto const* g = find(first, ft::goaway);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->f.goaway()->last_stream_id, 1u);
  EXPECT_EQ(g->f.goaway()->code, error_code::no_error);
  EXPECT_FALSE(p.conn().finished());
  auto const beyond = p.send(h2::headers(3, p.get_block("/")));
  EXPECT_EQ(find(beyond, ft::headers, 3), nullptr);
  auto const rest = p.send(h2::data(1, "hi", true));
  EXPECT_NE(find(rest, ft::headers, 1), nullptr);
  EXPECT_EQ(body_of(rest, 1), "hi");
  EXPECT_TRUE(p.conn().finished());
}

// RFC 9113 §8.5: CONNECT is answered at its HEADERS, without waiting for END_STREAM.
TEST(reference_h2, connect_answered_before_end_stream) {
  peer p;
  ready(p);
  h2::hpack_block b;
  b.fields({{":method", "CONNECT"}, {":authority", "127.0.0.1:1"}});
  auto const frames = p.send(h2::headers(1, b.bytes(), false));
  auto const* h = find(frames, ft::headers, 1);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(field(*h, ":status"), "405");
}

}  // namespace
}  // namespace conform::reference::http2::testing
