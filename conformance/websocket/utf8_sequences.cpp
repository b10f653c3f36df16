#include "conformance/websocket/utf8_sequences.hpp"

#include "harness/websocket/utf8.hpp"

namespace conform::websocket {
namespace {

using namespace std::string_literals;

std::vector<utf8_sequence> all(bool valid, std::vector<std::string> list) {
  std::vector<utf8_sequence> out;
  for (auto& s : list) out.push_back({valid, std::move(s)});
  return out;
}

// "κόσμε" and each of its prefixes; a prefix ending inside a code point is invalid.
std::vector<utf8_sequence> prefixes() {
  std::string const kosme = "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5";
  std::vector<utf8_sequence> out;
  for (std::size_t i = 1; i <= kosme.size(); ++i) out.push_back({ws::is_valid_utf8(kosme.substr(0, i)), kosme.substr(0, i)});
  return out;
}

std::string continuation_run() {
  std::string s;
  for (int c = 0x80; c < 0xbf; ++c) s += static_cast<char>(c);
  return s;
}

std::vector<utf8_sequence> lonely_starts() {
  std::vector<utf8_sequence> out;
  for (auto [from, to] : {std::pair{0xc0, 0xdf}, {0xe0, 0xef}, {0xf0, 0xf7}, {0xf8, 0xfb}, {0xfc, 0xfd}}) {
    std::string s;
    for (int c = from; c < to; ++c) s += static_cast<char>(c), s += ' ';
    out.push_back({false, s});
  }
  return out;
}

std::vector<std::string> const missing_last = {"\xc0", "\xe0\x80", "\xf0\x80\x80", "\xf8\x80\x80\x80",
                                               "\xfc\x80\x80\x80\x80", "\xdf", "\xef\xbf", "\xf7\xbf\xbf",
                                               "\xfb\xbf\xbf\xbf", "\xfd\xbf\xbf\xbf\xbf"};

std::string concatenated_missing() {
  std::string s;
  for (auto const& m : missing_last) s += m;
  return s;
}

// Non-characters U+FFFE, U+FFFF and U+nFFFE, U+nFFFF of every plane: valid UTF-8.
std::vector<utf8_sequence> noncharacters() {
  std::vector<utf8_sequence> out{{true, "\xef\xbf\xbe"}, {true, "\xef\xbf\xbf"}};
  for (char lead : {'\xf0', '\xf1', '\xf2', '\xf3', '\xf4'})
    for (char second : {'\x8f', '\x9f', '\xaf', '\xbf'}) {
      if (lead == '\xf4' && second != '\x8f') continue;  // above U+10FFFF
      for (char last : {'\xbe', '\xbf'}) {
        std::string s{lead, second, '\xbf', last};
        if (lead == '\xf0' && second == '\x8f') continue;  // overlong
        out.push_back({true, s});
      }
    }
  return out;
}

}  // namespace

std::vector<utf8_group> const& utf8_groups() {
  static std::vector<utf8_group> const groups{
      {5, "some-valid", "Some valid UTF-8 sequences",
       all(true, {"hello\x24world", "hello\xc2\xa2world", "hello\xe2\x82\xacworld", "hello\xf0\xa4\xad\xa2world",
                  "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"})},
      {6, "valid-prefix", "All prefixes of a valid UTF-8 string that contains multi-byte code points", prefixes()},
      {7, "first-of-length", "First possible sequence of a certain length",
       all(true, {"\x00"s, "\xc2\x80", "\xe0\xa0\x80", "\xf0\x90\x80\x80"})},
      {8, "first-of-length-5-6", "First possible sequence length 5/6 (invalid codepoints)",
       all(false, {"\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80"})},
      {9, "last-of-length", "Last possible sequence of a certain length",
       all(true, {"\x7f", "\xdf\xbf", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf"})},
      {10, "last-of-length-4-6", "Last possible sequence length 4/5/6 (invalid codepoints)",
       all(false, {"\xf7\xbf\xbf\xbf", "\xfb\xbf\xbf\xbf\xbf", "\xfd\xbf\xbf\xbf\xbf\xbf"})},
      {11, "boundary", "Other boundary conditions",
       {{true, "\xed\x9f\xbf"}, {true, "\xee\x80\x80"}, {true, "\xef\xbf\xbd"}, {true, "\xf4\x8f\xbf\xbf"},
        {false, "\xf4\x90\x80\x80"}}},
      {12, "unexpected-continuation", "Unexpected continuation bytes",
       all(false, {"\x80", "\xbf", "\x80\xbf", "\x80\xbf\x80", "\x80\xbf\x80\xbf", "\x80\xbf\x80\xbf\x80",
                   "\x80\xbf\x80\xbf\x80\xbf", continuation_run()})},
      {13, "lonely-start", "Lonely start characters", lonely_starts()},
      {14, "missing-last-continuation", "Sequences with last continuation byte missing", all(false, missing_last)},
      {15, "incomplete-concatenation", "Concatenation of incomplete sequences", all(false, {concatenated_missing()})},
      {16, "impossible-bytes", "Impossible bytes", all(false, {"\xfe", "\xff", "\xfe\xfe\xff\xff"})},
      {17, "overlong-ascii", "Examples of an overlong ASCII character",
       all(false, {"\xc0\xaf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xf8\x80\x80\x80\xaf", "\xfc\x80\x80\x80\x80\xaf"})},
      {18, "maximum-overlong", "Maximum overlong sequences",
       all(false, {"\xc1\xbf", "\xe0\x9f\xbf", "\xf0\x8f\xbf\xbf", "\xf8\x87\xbf\xbf\xbf", "\xfc\x83\xbf\xbf\xbf\xbf"})},
      {19, "overlong-nul", "Overlong representation of the NUL character",
       all(false, {"\xc0\x80", "\xe0\x80\x80", "\xf0\x80\x80\x80", "\xf8\x80\x80\x80\x80", "\xfc\x80\x80\x80\x80\x80"})},
      {20, "single-surrogate", "Single UTF-16 surrogates",
       all(false, {"\xed\xa0\x80", "\xed\xad\xbf", "\xed\xae\x80", "\xed\xaf\xbf", "\xed\xb0\x80", "\xed\xbe\x80",
                   "\xed\xbf\xbf"})},
      {21, "paired-surrogates", "Paired UTF-16 surrogates",
       all(false, {"\xed\xa0\x80\xed\xb0\x80", "\xed\xa0\x80\xed\xbf\xbf", "\xed\xad\xbf\xed\xb0\x80",
                   "\xed\xad\xbf\xed\xbf\xbf", "\xed\xae\x80\xed\xb0\x80", "\xed\xae\x80\xed\xbf\xbf",
                   "\xed\xaf\xbf\xed\xb0\x80", "\xed\xaf\xbf\xed\xbf\xbf"})},
      {22, "noncharacter", "Non-character code points (valid UTF-8)", noncharacters()},
      {23, "specials", "Unicode specials (i.e. replacement char)",
       all(true, {"\xef\xbf\xb9", "\xef\xbf\xba", "\xef\xbf\xbb", "\xef\xbf\xbc", "\xef\xbf\xbd", "\xef\xbf\xbe",
                  "\xef\xbf\xbf"})},
  };
  return groups;
}

}  // namespace conform::websocket
