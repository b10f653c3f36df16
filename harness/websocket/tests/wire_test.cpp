// The test side's WebSocket wire layer: frames written and read back, bounds, UTF-8,
// the handshake's accept value, and permessage-deflate round trips.
#include <gtest/gtest.h>

#include <random>

#include "harness/http1/response_reader.hpp"
#include "harness/websocket/frame.hpp"
#include "harness/websocket/frame_reader.hpp"
#include "harness/websocket/handshake.hpp"
#include "harness/websocket/permessage_deflate.hpp"
#include "harness/websocket/utf8.hpp"

namespace conform::ws {
namespace {

frame read_one(std::string const& bytes) {
  frame_reader r;
  r.feed(bytes);
  frame f;
  EXPECT_EQ(r.next(f), frame_reader::state::frame) << r.error();
  return f;
}

TEST(WsFrame, EncodesRfcExampleUnmaskedHello) {
  frame_spec f = text_frame("Hello");
  f.masked = false;
  EXPECT_EQ(encode(f), std::string("\x81\x05Hello"));
}

TEST(WsFrame, EncodesRfcExampleMaskedHello) {
  frame_spec f = text_frame("Hello");
  f.mask_key = {0x37, 0xfa, 0x21, 0x3d};
  EXPECT_EQ(encode(f), std::string("\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"));
}

TEST(WsFrame, RoundTripsEveryLengthForm) {
  for (auto form : {length_form::minimal, length_form::bits16, length_form::bits64}) {
    frame_spec spec = binary_frame(std::string(300, 'x'));
    spec.form = form;
    spec.rsv = 5;
    auto const f = read_one(encode(spec));
    EXPECT_EQ(f.payload, std::string(300, 'x'));
    EXPECT_EQ(f.rsv, 5);
    EXPECT_TRUE(f.masked);
    EXPECT_EQ(f.minimal_length, form != length_form::bits64);
  }
}

TEST(WsFrame, NonMinimalSmallLengthIsNoted) {
  frame_spec spec = text_frame("hi");
  spec.form = length_form::bits16;
  EXPECT_FALSE(read_one(encode(spec)).minimal_length);
}

TEST(WsFrame, SplitAtEveryOffsetGivesTheSameFrame) {
  auto const bytes = encode(close_frame(1000, "bye")) + encode(text_frame("next"));
  for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
    frame_reader r;
    frame f;
    r.feed(bytes.substr(0, cut));
    int got = 0;
    while (r.next(f) == frame_reader::state::frame) ++got;
    r.feed(bytes.substr(cut));
    while (r.next(f) == frame_reader::state::frame) ++got;
    EXPECT_EQ(got, 2);
    EXPECT_EQ(f.payload, "next");
  }
}

TEST(WsFrame, HugeLengthIsAnErrorNotAnAllocation) {
  frame_spec spec = binary_frame("");
  spec.masked = false;
  spec.declared_length = std::uint64_t{1} << 63;
  frame_reader r;
  r.feed(encode(spec));
  frame f;
  EXPECT_EQ(r.next(f), frame_reader::state::failed);
  spec.declared_length = std::uint64_t{1} << 40;
  frame_reader r2(1024);
  r2.feed(encode(spec));
  EXPECT_EQ(r2.next(f), frame_reader::state::failed);
  EXPECT_NE(r2.error().find("cap"), std::string::npos);
}

TEST(WsFrame, ClosePayloadCodeAndReason) {
  auto const f = read_one(encode(close_frame(1002, "why")));
  EXPECT_EQ(close_code_of(f.payload), 1002);
  EXPECT_EQ(close_reason_of(f.payload), "why");
  EXPECT_FALSE(close_code_of("x"));
}

TEST(WsUtf8, AcceptsValidAndRejectsKuhnsInvalid) {
  EXPECT_TRUE(is_valid_utf8("hello\xF0\xA4\xAD\xA2world"));
  EXPECT_TRUE(is_valid_utf8("\xef\xbf\xbf"));
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));
  for (std::string_view bad : {"\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xfe", "\x80",
                               "\xf8\x88\x80\x80\x80", "\xc1\xbf"})
    EXPECT_FALSE(is_valid_utf8(bad)) << bad;
}

TEST(WsUtf8, FailsFastAndReportsTheOffset) {
  utf8_validator v;
  EXPECT_EQ(v.feed("\x65\x64\x69\x74\x65\x64\xED"), utf8_validator::state::incomplete);
  EXPECT_EQ(v.feed("\xA0\x80"), utf8_validator::state::invalid);
  EXPECT_EQ(v.valid_prefix(), 7u);
}

TEST(WsHandshake, AcceptValueMatchesRfc6455Example) {
  EXPECT_EQ(accept_for("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  std::mt19937_64 rng(1);
  EXPECT_EQ(make_key(rng).size(), 24u);
}

h1::response parse(std::string const& bytes) {
  h1::response_reader r;
  r.feed(bytes);
  return r.take();
}

TEST(WsHandshake, ChecksTheResponse) {
  std::string const key = "dGhlIHNhbXBsZSBub25jZQ==";
  auto const ok = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n";
  EXPECT_EQ(check_response(parse(std::string(ok) + "\r\n"), key), "");
  EXPECT_NE(check_response(parse(std::string(ok) + "Sec-WebSocket-Protocol: chat\r\n\r\n"), key), "");
  EXPECT_EQ(check_response(parse(std::string(ok) + "Sec-WebSocket-Protocol: chat\r\n\r\n"), key, "soap, chat"), "");
  EXPECT_NE(check_response(parse(std::string(ok) + "Sec-WebSocket-Extensions: permessage-deflate; x=1\r\n\r\n"), key,
                           {}, "permessage-deflate"),
            "");
  EXPECT_EQ(check_response(parse(std::string(ok) +
                                 "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10\r\n\r\n"),
                           key, {}, "permessage-deflate; client_max_window_bits"),
            "");
  EXPECT_NE(check_response(parse("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"), key), "");
}

TEST(WsDeflate, RoundTripsWithAndWithoutContextTakeover) {
  for (bool reset : {false, true}) {
    deflater d(15, reset);
    inflater i(15, reset, 1 << 20);
    for (int n = 0; n < 3; ++n) {
      std::string const msg = "Hello, Hello, Hello " + std::to_string(n) + std::string(1000, 'a');
      auto const packed = d.compress(msg);
      EXPECT_LT(packed.size(), msg.size());
      std::string out, error;
      ASSERT_TRUE(i.decompress(packed, out, error)) << error;
      EXPECT_EQ(out, msg);
    }
  }
}

TEST(WsDeflate, RfcExampleAndBounds) {
  inflater i(15, false, 100);
  std::string out, error;
  ASSERT_TRUE(i.decompress(std::string("\xf2\x48\xcd\xc9\xc9\x07\x00", 7), out, error)) << error;
  EXPECT_EQ(out, "Hello");
  inflater small(15, false, 100);
  deflater d(15, false);
  EXPECT_FALSE(small.decompress(d.compress(std::string(10000, 'z')), out, error));
  EXPECT_FALSE(inflater(15, false, 100).decompress("\xff\xff\xff", out, error));
}

TEST(WsDeflate, ParsesOffersAndParameters) {
  auto const e = parse_extensions({"permessage-deflate; client_max_window_bits=\"10\"; server_no_context_takeover"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].name, "permessage-deflate");
  ASSERT_EQ(e[0].params.size(), 2u);
  EXPECT_EQ(e[0].params[0].second, "10");
  deflate_params p;
  p.client_max_window_bits = true;
  p.server_no_context_takeover = true;
  EXPECT_EQ(p.offer(), "permessage-deflate; server_no_context_takeover; client_max_window_bits");
}

}  // namespace
}  // namespace conform::ws

// Regression (found by DeflateProperties.MessagesRoundTripUnderAnyAgreement): zlib wrote
// nothing for a second empty message, and the empty payload read back as garbage.
TEST(WsDeflate, EmptyMessagesAfterEachOtherStayReadable) {
  conform::ws::deflater d(9, false);
  conform::ws::inflater i(9, false, 1024);
  for (int n = 0; n < 4; ++n) {
    auto const payload = d.compress("");
    EXPECT_EQ(payload, std::string(1, '\0'));
    std::string got, error;
    ASSERT_TRUE(i.decompress(payload, got, error)) << error;
    EXPECT_EQ(got, "");
  }
  std::string got, error;
  ASSERT_TRUE(i.decompress(d.compress("after"), got, error)) << error;
  EXPECT_EQ(got, "after");
}
