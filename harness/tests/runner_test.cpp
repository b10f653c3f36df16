// The runner and the transports against misbehaving peers: hangs, resets, floods,
// refusals and throwing cases each cost one case a verdict, never the run, and every
// wait ends at its deadline.
#include <gtest/gtest.h>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstring>

#include "harness/engine/runner.hpp"
#include "harness/http1/client.hpp"
#include "harness/net/dial.hpp"
#include "harness/tests/loopback_server.hpp"

namespace conform {
namespace {

using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

std::atomic<int> running{0};
std::atomic<int> most_running{0};
std::atomic<bool> exclusive_saw_company{false};

outcome sleepy(context&) {
  int const now = ++running;
  for (int seen = most_running; now > seen && !most_running.compare_exchange_weak(seen, now);) {}
  std::this_thread::sleep_for(100ms);
  --running;
  return pass();
}

outcome lonely(context&) {
  if (running.load() != 0) exclusive_saw_company = true;
  return pass();
}

outcome get_root(context& cx) {
  h1::client c(cx);
  auto const r = c.exchange(h1::request("GET", "/").host(cx.target_info()));
  if (r.ok()) return pass();
  return fail("a response", h1::describe(r));
}

outcome throws(context&) { throw std::runtime_error("boom"); }

case_def const table[] = {
    {.id = "t/sleep/1", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .run = sleepy},
    {.id = "t/sleep/2", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .run = sleepy},
    {.id = "t/sleep/3", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .run = sleepy},
    {.id = "t/sleep/4", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .run = sleepy},
    {.id = "t/alone", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .exclusive = true, .run = lonely},
    {.id = "t/get", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .run = get_root},
    {.id = "t/throws", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .run = throws},
    {.id = "t/needs-echo", .section = "s", .level = requirement_level::must, .title = "t", .requirement = "r", .needs = {capability::echo}, .run = get_root},
};

registry const& reg() {
  static registry r({suite{.name = "t", .description = "test", .tables = {table}}});
  return r;
}

run_result run(std::vector<std::string> ids, std::uint16_t port, timing times = {5000ms, 300ms}, unsigned jobs = 4) {
  std::vector<registered_case> cases;
  for (auto const& id : ids) cases.push_back(*reg().find(id));
  run_settings settings;
  settings.jobs = jobs;
  settings.times = times;
  runner r(settings, net::network_connector({}));
  return r.run({*parse_target("http://127.0.0.1:" + std::to_string(port) + "/").value}, cases);
}

void send_all(int fd, std::string_view s) { ::send(fd, s.data(), s.size(), MSG_NOSIGNAL); }

TEST(runner, runs_independent_cases_together_and_exclusive_ones_alone) {
  auto const r = run({"t/sleep/1", "t/alone", "t/sleep/2", "t/sleep/3", "t/sleep/4"}, 1);
  EXPECT_GE(most_running.load(), 2);  // the 100 ms cases overlapped
  EXPECT_FALSE(exclusive_saw_company.load());
  ASSERT_EQ(r.cases.size(), 5u);
  EXPECT_EQ(r.cases[1].which.def->id, "t/alone");  // catalogue order kept
  EXPECT_EQ(r.counts()[verdict::pass], 5u);
}

TEST(runner, a_throwing_case_is_an_error_not_a_crash) {
  auto const r = run({"t/throws"}, 1);
  EXPECT_EQ(r.cases[0].status, verdict::error);
  EXPECT_NE(r.cases[0].message.find("boom"), std::string::npos);
}

TEST(runner, a_refused_connection_is_an_error) {
  auto const r = run({"t/get"}, 1);
  EXPECT_EQ(r.cases[0].status, verdict::error);
  EXPECT_NE(r.cases[0].message.find("could not connect"), std::string::npos) << r.cases[0].message;
}

TEST(runner, missing_capability_is_a_skip_with_the_reason) {
  testing::loopback_server server([](int fd, auto const&) { send_all(fd, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"); });
  auto const r = run({"t/needs-echo"}, server.port());
  EXPECT_EQ(r.cases[0].status, verdict::skip);
  EXPECT_NE(r.cases[0].message.find("echo"), std::string::npos);
}

TEST(transport, a_hanging_target_costs_one_read_timeout) {
  testing::loopback_server server([](int, auto const& stop) { testing::idle(stop, 5000); });
  auto const start = clock::now();
  auto const r = run({"t/get"}, server.port(), {5000ms, 300ms});
  EXPECT_LT(clock::now() - start, 1500ms);
  EXPECT_EQ(r.cases[0].status, verdict::fail);
  EXPECT_NE(r.cases[0].message.find("no response within"), std::string::npos) << r.cases[0].message;
}

TEST(transport, a_slow_drip_ends_at_the_case_deadline) {
  testing::loopback_server server([](int fd, auto const& stop) {
    for (int i = 0; i < 100 && !stop; ++i) {
      send_all(fd, "H");
      testing::idle(stop, 100);
    }
  });
  auto const start = clock::now();
  auto const r = run({"t/get"}, server.port(), {800ms, 300ms});
  EXPECT_LT(clock::now() - start, 2000ms);
  EXPECT_EQ(r.cases[0].status, verdict::fail);
}

TEST(transport, a_reset_is_reported) {
  testing::loopback_server server([](int fd, auto const&) {
    linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);  // close() now sends RST
    char buf[256];
    ::recv(fd, buf, sizeof buf, 0);
  });
  auto const r = run({"t/get"}, server.port());
  EXPECT_EQ(r.cases[0].status, verdict::fail);
  EXPECT_NE(r.cases[0].message.find("reset"), std::string::npos) << r.cases[0].message;
}

TEST(transport, a_flood_is_cut_off) {
  testing::loopback_server server([](int fd, auto const& stop) {
    send_all(fd, "HTTP/1.1 200 OK\r\n\r\n");
    std::string chunk(64 * 1024, 'x');
    while (!stop && ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL) > 0) {}
  });
  auto const r = run({"t/get"}, server.port(), {5000ms, 2000ms});
  EXPECT_EQ(r.cases[0].status, verdict::fail);
  EXPECT_NE(r.cases[0].message.find("exceeds"), std::string::npos) << r.cases[0].message;
  std::size_t kept = 0;
  for (auto const& e : r.cases[0].log.events()) kept += e.data.size();
  EXPECT_LE(kept, (1u << 20) + 4096);  // the transcript is capped too
}

TEST(transport, connect_timeout_and_reachability) {
  auto const t = parse_target("http://127.0.0.1:1/").value;
  auto const why = check_reachable(*t, net::network_connector({}), 1000ms);
  EXPECT_NE(why.find("refused"), std::string::npos) << why;
}

}  // namespace
}  // namespace conform
