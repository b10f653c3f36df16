// The UTF-8 decoder stress sequences of Autobahn|Testsuite's cases 6.5–6.23 (from
// Markus Kuhn's "UTF-8 decoder capability and stress test"), grouped as Autobahn
// groups them, each with whether RFC 3629 calls it valid.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conform::websocket {

struct utf8_sequence {
  bool valid = false;
  std::string bytes;
};

struct utf8_group {
  int autobahn_minor = 0;     // 6.<minor>.<n>
  std::string_view slug;      // id segment: "overlong-ascii"
  std::string_view title;     // Autobahn's sub-category title
  std::vector<utf8_sequence> sequences;
};

std::vector<utf8_group> const& utf8_groups();

}  // namespace conform::websocket
