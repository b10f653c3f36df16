#include "reports/console_reporter.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "reports/tests/sample_run.hpp"

namespace conform::reports {
namespace {

// Plays a finished run through a reporter as the runner would.
std::string played(run_result const& run, bool live, console_verbosity verbosity, std::size_t width = 80) {
  std::ostringstream out;
  console_reporter console(out, live, verbosity, width);
  console.run_started(run.info, run.cases.size());
  for (auto const& r : run.cases) {
    console.case_started(r.which, r.target_index);
    console.case_finished(r);
  }
  console.run_finished(run);
  return out.str();
}

TEST(console_reporter, plain_mode_prints_a_line_per_case_that_did_not_pass) {
  EXPECT_EQ(played(testing::sample_run(), false, console_verbosity::normal),
            "FAIL  http1/host/missing (RFC 9112 §3.2): expected 400, got 200 OK\n"
            "WARN  http1/host/duplicate (RFC 9112 §3.2): expected 400 | close,\n"
            "      got 200 <b>OK</b>\n"
            "SKIP  http1/limits/long-uri (RFC 9112 §3): target does not offer status\n"
            "INFO  http1/info/server-header (RFC 9110 §10.2.4): Server: nginx/1.22 \\x1b[31mred\\x1b[0m\n"
            "ERROR ws/5.7 (RFC 6455 §5.7): could not connect: Connection refused\n"
            "7 cases: 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error in 912 ms\n");
}

TEST(console_reporter, quiet_prints_only_failures_and_errors) {
  EXPECT_EQ(played(testing::sample_run(), false, console_verbosity::quiet),
            "FAIL  http1/host/missing (RFC 9112 §3.2): expected 400, got 200 OK\n"
            "ERROR ws/5.7 (RFC 6455 §5.7): could not connect: Connection refused\n"
            "7 cases: 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error in 912 ms\n");
}

TEST(console_reporter, verbose_adds_passes_and_transcripts) {
  auto const out = played(testing::sample_run(), false, console_verbosity::verbose);
  EXPECT_NE(out.find("PASS  http1/framing/te-cl-conflict (RFC 9112 §6.3)\n"), std::string::npos);
  EXPECT_NE(out.find("#1 send  GET / HTTP/1.1\\r\\n\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\\x00\\x01"), std::string::npos);
  for (char c : out) EXPECT_TRUE(static_cast<unsigned char>(c) >= 0x20 || c == '\n');
}

TEST(console_reporter, names_the_target_when_there_are_several) {
  auto const out = played(testing::sample_run_two_targets(), false, console_verbosity::quiet);
  EXPECT_NE(out.find("FAIL  http1/host/missing @ http://127.0.0.1:8081/ (RFC 9112 §3.2): expected 400"), std::string::npos);
  EXPECT_TRUE(out.ends_with("14 cases: 4 pass, 2 fail, 2 warn, 2 info, 2 skip, 2 error in 912 ms\n"
                            "  http://127.0.0.1:8080/: 7 cases: 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error\n"
                            "  http://127.0.0.1:8081/: 7 cases: 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error\n"))
      << out;
}

TEST(console_reporter, live_mode_shows_the_running_case) {
  auto const out = played(testing::sample_run(), true, console_verbosity::normal, 80);
  EXPECT_NE(out.find(" s  http1/host/missing\x1b[K"), std::string::npos) << out;
}

TEST(console_reporter, live_mode_rewrites_one_progress_line) {
  std::size_t const width = 40;
  auto const out = played(testing::sample_run(), true, console_verbosity::normal, width);
  EXPECT_TRUE(out.starts_with("\r[0/7] 0 fail 0 error  0.")) << out;
  EXPECT_NE(out.find(" s  ...missing\x1b[K"), std::string::npos) << out;  // the id's tail, cut to fit
  EXPECT_NE(out.find("\r[6/7] 1 fail 1 error  0."), std::string::npos);  // redrawn after the ERROR line
  EXPECT_NE(out.find("\x1b[1;31mFAIL \x1b[0m http1/host/missing"), std::string::npos);
  // The summary comes after the progress line is cleared.
  EXPECT_TRUE(out.ends_with("\r\x1b[K7 cases: 2 pass, 1 fail, 1 warn, 1 info, 1 skip, 1 error in 912 ms\n")) << out;
  // Every progress line fits in the width, so '\r' can rewrite it.
  for (auto at = out.find('\r'); at != std::string::npos; at = out.find('\r', at + 1)) {
    auto const end = out.find_first_of("\x1b\n", at);
    EXPECT_LT(end - at - 1, width) << out.substr(at, end - at);
  }
}

}  // namespace
}  // namespace conform::reports
