// The harness's HTTP/2 frame builder and reader (RFC 9113 §4.1, §6).
#include <gtest/gtest.h>

#include "harness/http2/frame_builder.hpp"
#include "harness/http2/frame_reader.hpp"

namespace conform::h2 {
namespace {

frame read_one(std::string const& bytes) {
  frame_reader r;
  r.feed(bytes);
  frame f;
  EXPECT_EQ(r.next(f), frame_reader::status::frame) << r.error();
  return f;
}

TEST(h2_frames, header_layout_is_rfc9113_section_4_1) {
  auto const b = window_update(3, 0x1234).bytes();
  EXPECT_EQ(b, std::string("\x00\x00\x04\x08\x00\x00\x00\x00\x03\x00\x00\x12\x34", 13));
  auto const r = std::move(ping("12345678")).with_reserved_bit().bytes();
  EXPECT_EQ(static_cast<unsigned char>(r[5]), 0x80u);
  auto const f = read_one(r);
  EXPECT_TRUE(f.reserved_bit);
  EXPECT_EQ(f.stream_id, 0u);
}

TEST(h2_frames, a_length_field_can_lie) {
  auto const b = std::move(ping("12345678")).with_length(6).bytes();
  EXPECT_EQ(b.substr(0, 3), std::string("\x00\x00\x06", 3));
  EXPECT_EQ(b.size(), 17u);
}

TEST(h2_frames, padding_and_priority_are_removed_when_read) {
  auto const f = read_one(std::move(headers(1, "block")).with_priority(0, 255).padded(3).bytes());
  EXPECT_TRUE(f.has(flag::padded));
  EXPECT_TRUE(f.has(flag::priority));
  EXPECT_EQ(f.payload, "block");
  auto const d = read_one(std::move(data(1, "body", true)).padded(10).bytes());
  EXPECT_EQ(d.payload, "body");
}

TEST(h2_frames, padding_longer_than_the_payload_is_named) {
  frame_reader r;
  r.feed(std::move(data(1, "ab")).padded(9, 0).bytes());
  frame f;
  EXPECT_EQ(r.next(f), frame_reader::status::error);
  EXPECT_NE(r.error().find("padding"), std::string::npos);
}

TEST(h2_frames, frames_above_our_max_frame_size_are_refused_not_buffered) {
  frame_reader r(16384);
  r.feed(data(1, std::string(16385, 'x')).bytes().substr(0, 9));
  frame f;
  EXPECT_EQ(r.next(f), frame_reader::status::error);
  EXPECT_NE(r.error().find("16385"), std::string::npos);
}

TEST(h2_frames, an_http1_answer_is_recognised) {
  frame_reader r;
  r.feed("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
  frame f;
  EXPECT_EQ(r.next(f), frame_reader::status::error);
  EXPECT_TRUE(r.saw_http1());
}

TEST(h2_frames, split_input_gives_the_same_frames) {
  std::string const all = settings({{setting::max_concurrent_streams, 100}}).bytes() + goaway(7, 1, "bye").bytes();
  for (std::size_t cut = 0; cut <= all.size(); ++cut) {
    frame_reader r;
    r.feed(all.substr(0, cut));
    std::vector<frame> got;
    frame f;
    while (r.next(f) == frame_reader::status::frame) got.push_back(f);
    r.feed(all.substr(cut));
    while (r.next(f) == frame_reader::status::frame) got.push_back(f);
    ASSERT_EQ(got.size(), 2u) << cut;
    EXPECT_EQ(got[0].settings()->at(0).value, 100u);
    EXPECT_EQ(got[1].goaway()->last_stream_id, 7u);
    EXPECT_EQ(got[1].goaway()->code, error_code::protocol_error);
    EXPECT_EQ(got[1].goaway()->debug, "bye");
  }
}

TEST(h2_frames, summaries_name_types_flags_and_codes) {
  EXPECT_EQ(read_one(rst_stream(5, error_code::stream_closed).bytes()).summary(),
            "RST_STREAM stream=5 length=4 error=STREAM_CLOSED");
  EXPECT_EQ(read_one(headers(1, "x", true, true).bytes()).summary(),
            "HEADERS stream=1 flags=END_STREAM|END_HEADERS length=1");
  EXPECT_EQ(read_one(unknown(0x21, 0, "", 0x80).bytes()).summary(), "0x21 (unknown) stream=0 flags=0x80 length=0");
  EXPECT_EQ(to_string(static_cast<error_code>(0x99)), "0x99 (unknown)");
}

}  // namespace
}  // namespace conform::h2
