// How a WebSocket connection ended, graded apart from the case's behaviour verdict, as
// Autobahn|Testsuite grades it (OK / WRONG CODE / UNCLEAN / FAILED). Written into
// report.json as the case's "close" object (docs/report-schema.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform {

struct close_report {
  enum class grade {
    ok,          // closed as expected
    wrong_code,  // a close frame with a code outside `expected`
    unclean,     // a clean close was required and the TCP connection ended without one
    failed,      // the wrong side closed, or the connection never closed
  };
  enum class side { target, harness, none };

  grade verdict = grade::ok;
  std::vector<int> expected = {};     // acceptable codes in the target's close frame
  std::optional<int> received = {};   // the code the target sent; none without a code
  std::string reason = {};            // the target's close reason, or why the grade
  bool clean = false;                 // close frames exchanged, then TCP closed
  side closed_by = side::none;        // who started the closing handshake (or dropped)
};

std::string_view to_string(close_report::grade);
std::string_view to_string(close_report::side);

}  // namespace conform
