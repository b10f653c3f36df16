// Every HTTP/1.1 request vector (conformance/vectors/http1/) fed to the reference
// server's sans-I/O connection, followed by a canary GET /: whole, split at every byte
// offset and byte by byte. The answer never depends on the split, and it is one of the
// outcomes the vector accepts.
#include <gtest/gtest.h>

#include "conformance/http1/vectors.hpp"
#include "reference/tests/wire.hpp"

namespace conform::reference::test {
namespace {

using conform::http1::request_vector;
using conform::http1::vector_outcome;

constexpr std::string_view canary = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";

// Which accepted outcome the output shows, or why it shows none.
std::string judge(request_vector const& v, run_result const& r) {
  bool const head = v.method() == "HEAD";
  auto const responses = parse_responses(r.output, {head, false});
  if (responses.empty()) return "no response";
  auto const& first = responses.front();
  bool const refused = std::find(v.statuses.begin(), v.statuses.end(), first.status) != v.statuses.end();
  bool const canary_ok = responses.size() == 2 && responses[1].status == 200;
  if (refused) {
    if (r.finished && responses.size() == 1 && v.accepts(vector_outcome::reject)) return {};
    if (canary_ok && v.accepts(vector_outcome::reject_open)) return {};
    return "refused with " + std::to_string(first.status) + (r.finished ? " and closed" : " and kept open");
  }
  if (v.body && first.status == 200 && first.body != *v.body) return "read the body \"" + first.body + "\"";
  if (r.finished && responses.size() == 1 && v.accepts(vector_outcome::frame_then_close)) return {};
  if (canary_ok && v.accepts(vector_outcome::frame)) return {};
  if (r.finished && responses.size() == 1 && v.accepts(vector_outcome::frame)) return {};
  return "answered " + std::to_string(first.status) + " then " +
         (responses.size() > 1 ? std::to_string(responses[1].status) : std::string(r.finished ? "closed" : "waited"));
}

class reference_vector : public ::testing::TestWithParam<request_vector> {};

TEST_P(reference_vector, answers_an_accepted_outcome_whatever_the_split) {
  auto const& v = GetParam();
  auto const input = v.bytes("localhost", "/echo") + std::string(canary);
  auto const whole = run_whole(input);
  auto const problem = judge(v, whole);
  EXPECT_EQ(problem, "") << v.file << ":" << v.line << " (" << v.id << "): " << problem;
  for_every_split(input, [&](run_result const& r, std::string const& label) {
    EXPECT_EQ(r.output, whole.output) << v.id << ", " << label;
    EXPECT_EQ(r.finished, whole.finished) << v.id << ", " << label;
  });
}

INSTANTIATE_TEST_SUITE_P(http1, reference_vector, ::testing::ValuesIn(conform::http1::all_vectors()), [](auto const& param_info) {
  std::string name = param_info.param.id.substr(6);
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

}  // namespace



}  // namespace conform::reference::test

namespace conform::http1 {
void PrintTo(request_vector const& v, std::ostream* os) { *os << v.id; }
}  // namespace conform::http1
