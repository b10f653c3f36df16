#include "reports/json_report.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "reports/byte_text.hpp"
#include "reports/tests/sample_run.hpp"
#include "reports/tests/temp_dir.hpp"

namespace conform::reports {
namespace {

using nlohmann::json;

json const& case_with_id(json const& report, std::string_view id) {
  for (auto const& c : report.at("cases"))
    if (c.at("id") == id) return c;
  throw std::runtime_error("no case " + std::string(id));
}

TEST(json_report, top_level_contract_fields) {
  auto const r = to_json(testing::sample_run());
  EXPECT_EQ(r.at("schema"), "conform-report/1");
  EXPECT_EQ(r.at("conform_version"), "0.1.0");
  EXPECT_TRUE(r.at("seed").is_number_unsigned());
  EXPECT_EQ(r.at("seed").get<std::uint64_t>(), 42u);
  EXPECT_EQ(r.at("started"), "2026-11-22T10:15:00Z");
  EXPECT_TRUE(r.at("duration_ms").is_number());
  EXPECT_EQ(r.at("duration_ms").get<int>(), 912);
  EXPECT_EQ(r.at("settings"), json({{"jobs", 4}, {"case_timeout_ms", 10000}, {"read_timeout_ms", 2000}}));
  EXPECT_EQ(r.at("summary"),
            json({{"total", 7}, {"pass", 2}, {"fail", 1}, {"warn", 1}, {"info", 1}, {"skip", 1}, {"error", 1}}));
  EXPECT_EQ(check_report(r), "");
}

TEST(json_report, targets) {
  auto const r = to_json(testing::sample_run());
  ASSERT_EQ(r.at("targets").size(), 1u);
  auto const& t = r.at("targets")[0];
  EXPECT_EQ(t.at("url"), "http://127.0.0.1:8080/");
  EXPECT_EQ(t.at("scheme"), "http");
  EXPECT_EQ(t.at("embedded"), true);
  EXPECT_EQ(t.at("capabilities"), json({"echo", "headers"}));
  EXPECT_EQ(t.at("probes")[0], "echo: POST /echo answered 200");
}

TEST(json_report, case_contract_fields_and_types) {
  auto const r = to_json(testing::sample_run());
  ASSERT_EQ(r.at("cases").size(), 7u);
  auto const& c = case_with_id(r, "http1/host/missing");
  EXPECT_EQ(c.at("suite"), "http1");
  EXPECT_EQ(c.at("section"), "RFC 9112 §3.2");
  EXPECT_EQ(c.at("level"), "MUST");
  EXPECT_EQ(c.at("title"), "A request without Host is rejected with 400");
  EXPECT_TRUE(c.at("requirement").get<std::string>().starts_with("A server MUST respond"));
  EXPECT_EQ(c.at("see_also"), json({"h1spec:host-1"}));
  EXPECT_EQ(c.at("needs"), json({"echo"}));
  EXPECT_EQ(c.at("exclusive"), false);
  EXPECT_EQ(c.at("heavy"), false);
  EXPECT_EQ(c.at("target"), 0);
  EXPECT_EQ(c.at("verdict"), "fail");
  EXPECT_EQ(c.at("message"), "expected 400, got 200 OK");
  EXPECT_TRUE(c.at("duration_ms").is_number_float());
  EXPECT_DOUBLE_EQ(c.at("duration_ms").get<double>(), 1.7);
  EXPECT_TRUE(c.at("seed").is_number_unsigned());
  EXPECT_EQ(c.at("seed").get<std::uint64_t>(), 0x1234'5678'9abc'def0ull);
  EXPECT_EQ(c.at("facts"), json({{"status", "200"}, {"reason", "OK"}}));
  EXPECT_EQ(c.at("transcript_dropped_bytes"), 0);
  EXPECT_EQ(case_with_id(r, "http1/framing/te-cl-conflict").at("exclusive"), true);
  EXPECT_EQ(case_with_id(r, "http1/limits/long-uri").at("needs"), json({"echo", "status"}));
  EXPECT_EQ(case_with_id(r, "http1/limits/long-uri").at("heavy"), true);
  EXPECT_EQ(case_with_id(r, "http1/info/server-header").at("level"), "INFO");
  EXPECT_EQ(case_with_id(r, "ws/5.7").at("suite"), "ws");
}

TEST(json_report, transcript_events) {
  auto const r = to_json(testing::sample_run());
  auto const& log = case_with_id(r, "http1/host/missing").at("transcript");
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].at("dir"), "note");
  EXPECT_EQ(log[0].at("data"), "connected to 127.0.0.1:8080");
  EXPECT_EQ(log[1].at("dir"), "send");
  EXPECT_EQ(log[1].at("data"), "GET / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(log[2].at("dir"), "recv");
  EXPECT_EQ(log[4].at("dir"), "note");
  for (auto const& e : log) {
    EXPECT_TRUE(e.at("t_us").is_number_integer());
    EXPECT_GE(e.at("t_us").get<std::int64_t>(), 0);
    EXPECT_EQ(e.at("conn"), 1);
  }
  EXPECT_LE(log[1].at("t_us").get<std::int64_t>(), log[2].at("t_us").get<std::int64_t>());
}

TEST(json_report, wire_bytes_round_trip_through_the_written_text) {
  auto const text = to_json(testing::sample_run()).dump();
  auto const r = json::parse(text);  // what another tool reads
  auto const& log = case_with_id(r, "http1/host/missing").at("transcript");
  auto const bytes = latin1_to_bytes(log[3].at("data").get<std::string>());
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(*bytes, testing::all_byte_values());
}

TEST(json_report, invalid_utf8_in_a_message_is_replaced_not_thrown) {
  auto run = testing::sample_run();
  run.cases[0].message = "got \xff\xfe";
  auto const r = to_json(run);
  EXPECT_NO_THROW(static_cast<void>(r.dump()));
  EXPECT_EQ(r.at("cases")[0].at("message"), "got \xef\xbf\xbd\xef\xbf\xbd");
}

TEST(json_report, load_report_reads_what_to_json_wrote) {
  temp_dir dir;
  auto const file = dir.path() / "report.json";
  auto const written = to_json(testing::sample_run());
  std::ofstream(file) << written.dump(2);
  EXPECT_EQ(load_report(file), written);
}

void expect_load_error(std::filesystem::path const& file, std::string const& fragment) {
  try {
    load_report(file);
    ADD_FAILURE() << "no error for " << file;
  } catch (report_error const& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(json_report, load_report_errors_say_what_is_wrong) {
  temp_dir dir;
  expect_load_error(dir.path() / "absent.json", "does not exist");
  std::ofstream(dir.path() / "junk.json") << "<html>";
  expect_load_error(dir.path() / "junk.json", "is not JSON");
  std::ofstream(dir.path() / "other.json") << R"({"schema": "conform-report/2"})";
  expect_load_error(dir.path() / "other.json", "this conform reads \"conform-report/1\"");
  std::ofstream(dir.path() / "none.json") << R"({"cases": []})";
  expect_load_error(dir.path() / "none.json", "no \"schema\"");
  auto broken = to_json(testing::sample_run());
  broken["cases"][2]["verdict"] = "passed";
  std::ofstream(dir.path() / "broken.json") << broken.dump();
  expect_load_error(dir.path() / "broken.json", "cases[2].verdict: 'passed' is not one of");
}

TEST(json_report, check_report_names_missing_and_mistyped_fields) {
  auto r = to_json(testing::sample_run());
  r["cases"][0].erase("title");
  EXPECT_EQ(check_report(r), "cases[0].title: missing");
  r = to_json(testing::sample_run());
  r["seed"] = "42";
  EXPECT_EQ(check_report(r), "seed: expected a whole number >= 0");
  r = to_json(testing::sample_run());
  r["cases"][0]["target"] = 3;
  EXPECT_EQ(check_report(r), "cases[0].target: no such target");
  r = to_json(testing::sample_run());
  r["cases"][0]["transcript"][1]["dir"] = "sent";
  EXPECT_EQ(check_report(r), "cases[0].transcript[1].dir: 'sent' is not one of send, recv, note");
}

}  // namespace
}  // namespace conform::reports
