#include "reports/byte_text.hpp"

#include <gtest/gtest.h>

#include "reports/tests/sample_run.hpp"

namespace conform::reports {
namespace {

TEST(byte_text, latin1_round_trips_every_byte_value) {
  auto const bytes = testing::all_byte_values();
  auto const text = bytes_to_latin1(bytes);
  EXPECT_EQ(text.size(), 128u + 2 * 128u);  // ASCII one byte each, the rest two
  EXPECT_EQ(valid_utf8(text), text);
  auto const back = latin1_to_bytes(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, bytes);
}

TEST(byte_text, latin1_keeps_ascii_readable) {
  EXPECT_EQ(bytes_to_latin1("GET / HTTP/1.1\r\n"), "GET / HTTP/1.1\r\n");
  EXPECT_EQ(bytes_to_latin1("\xff"), "\xc3\xbf");
}

TEST(byte_text, latin1_to_bytes_refuses_what_is_not_latin1) {
  EXPECT_FALSE(latin1_to_bytes("\xe2\x82\xac").has_value());  // U+20AC
  EXPECT_FALSE(latin1_to_bytes("\xff").has_value());          // not UTF-8
}

TEST(byte_text, valid_utf8_replaces_ill_formed_sequences) {
  EXPECT_EQ(valid_utf8("ok \xc3\xa9"), "ok \xc3\xa9");
  EXPECT_EQ(valid_utf8("a\xff" "b"), "a\xef\xbf\xbd" "b");
  EXPECT_EQ(valid_utf8("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");  // overlong '/'
  EXPECT_EQ(valid_utf8("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate
}

TEST(byte_text, escape_bytes_spells_out_control_bytes) {
  EXPECT_EQ(escape_bytes(std::string_view("a\r\n\0\xff\\\t", 7), false), "a\\r\\n\\x00\\xff\\\\\\t");
  EXPECT_EQ(escape_bytes("a\r\nb", true), "a\\r\\n\nb");
}

TEST(byte_text, escape_controls_keeps_text_and_newlines_only) {
  EXPECT_EQ(escape_controls("caf\xc3\xa9 \xc2\xa7", false), "caf\xc3\xa9 \xc2\xa7");
  EXPECT_EQ(escape_controls("a\nb", true), "a\nb");
  EXPECT_EQ(escape_controls("a\nb", false), "a\\nb");
  EXPECT_EQ(escape_controls("\x1b[31m", true), "\\x1b[31m");
  EXPECT_EQ(escape_controls("\xc2\x9b", true), "\\u{009b}");   // C1 CSI
  EXPECT_EQ(escape_controls("\xef\xbf\xbf", true), "\\u{ffff}");  // not a character in XML
  EXPECT_EQ(escape_controls("\xff", true), "\\xff");
}

}  // namespace
}  // namespace conform::reports
