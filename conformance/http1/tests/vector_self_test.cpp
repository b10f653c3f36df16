// Every request-vector case passes against the compliant model server and fails
// against the model with the fault a lenient real-world server has. Rules are id
// patterns, first match wins; a vector no rule matches fails the tests.
#include <gtest/gtest.h>

#include "conformance/http1/tests/self_test_support.hpp"
#include "conformance/http1/vectors.hpp"
#include "harness/engine/registry.hpp"

namespace conform::http1::testing {
namespace {

struct rule {
  std::string_view pattern;
  fault breaks;
};

rule const rules[] = {
    // Transfer-Encoding spellings that mean chunked: a parser that wants the exact bytes.
    {"http1/smuggling/name-*", fault::case_sensitive_names},
    {"http1/smuggling/nul-after-value/te-only", fault::hang_on_refusal},
    {"http1/smuggling/case-*", fault::exact_te_value},
    {"http1/smuggling/no-space/*", fault::exact_te_value},
    {"http1/smuggling/two-spaces/*", fault::exact_te_value},
    {"http1/smuggling/tab-*-value/*", fault::exact_te_value},
    {"http1/smuggling/space-after-value/*", fault::exact_te_value},
    {"http1/smuggling/empty-element-*", fault::exact_te_value},
    {"http1/smuggling/te-after-leading-whitespace-line", fault::continuation_as_field},
    {"http1/smuggling/te-folded-into-previous-field", fault::continuation_as_field},
    {"http1/smuggling/te-value-folded", fault::ignore_folded_fields},
    {"http1/smuggling/te-underscore-name", fault::underscore_as_hyphen},
    {"http1/smuggling/te-after-bare-lf", fault::hang_on_refusal},
    {"http1/smuggling/te-with-*", fault::frame_by_content_length},
    {"http1/smuggling/te-before-content-length", fault::frame_by_content_length},
    {"http1/smuggling/te-on-*", fault::ignore_body_on_bodiless_methods},
    {"http1/smuggling/cl-and-te-http10", fault::keep_open_http10_te},
    // Every other obfuscation: a lenient parser that finds "chunked" or lets Content-Length win.
    {"http1/smuggling/*", fault::lax_parser},
    // Content-Length
    {"http1/content-length/leading-zeros", fault::reject_leading_zeros},
    {"http1/content-length/whitespace-around", fault::exact_content_length},
    {"http1/content-length/tabs-around", fault::exact_content_length},
    {"http1/content-length/name-lowercase", fault::case_sensitive_names},
    {"http1/content-length/*-with-body", fault::ignore_body_on_bodiless_methods},
    {"http1/content-length/space-before-colon", fault::accept_space_before_colon},
    {"http1/content-length/obs-fold", fault::drop_obs_fold},
    {"http1/content-length/duplicate-fields-same", fault::sum_duplicate_content_lengths},
    {"http1/content-length/list-trailing-comma", fault::last_content_length_wins},
    {"http1/content-length/many-leading-zeros", fault::truncate_long_numbers},
    {"http1/content-length/*", fault::lax_parser},
    // chunked
    {"http1/chunked/size-leading-zeros", fault::reject_leading_zeros},
    {"http1/chunked/last-chunk-zeros", fault::reject_leading_zeros},
    {"http1/chunked/size-uppercase-hex", fault::lowercase_hex_only},
    {"http1/chunked/many-chunks", fault::first_chunk_only},
    {"http1/chunked/trailer-content-length", fault::trailer_framing},
    {"http1/chunked/trailer-transfer-encoding", fault::stop_at_last_chunk},
    {"http1/chunked/trailer-several", fault::stop_at_last_chunk},
    {"http1/chunked/ext-space-before-semicolon", fault::reject_chunk_extensions},
    {"http1/chunked/ext-tab-before-semicolon", fault::reject_chunk_extensions},
    {"http1/chunked/ext-quoted-semicolon", fault::reject_chunk_extensions},
    {"http1/chunked/ext-quoted-escape", fault::reject_chunk_extensions},
    {"http1/chunked/ext-name-only", fault::reject_chunk_extensions},
    {"http1/chunked/ext-several", fault::reject_chunk_extensions},
    {"http1/chunked/ext-spaces-around-equals", fault::reject_chunk_extensions},
    {"http1/chunked/ext-on-last-chunk", fault::reject_chunk_extensions},
    {"http1/chunked/*", fault::lax_parser},
    // the head
    {"http1/line-endings/*", fault::hang_on_refusal},
    {"http1/request-line/*", fault::hang_on_refusal},
    {"http1/fields/whitespace-before-first-field", fault::continuation_as_field},
    {"http1/fields/tab-before-first-field", fault::continuation_as_field},
    {"http1/fields/obs-fold-tab", fault::ignore_folded_fields},
    {"http1/fields/value-obs-text", fault::reject_obs_text},
    {"http1/fields/value-utf8", fault::reject_obs_text},
    {"http1/fields/name-*", fault::lax_parser},
    {"http1/fields/no-colon", fault::lax_parser},
    {"http1/fields/*", fault::hang_on_refusal},
    {"http1/host/nul", fault::hang_on_refusal},
    {"http1/host/duplicate-same-value", fault::accept_duplicate_host},
    {"http1/host/http10-duplicate", fault::accept_duplicate_host},
    {"http1/host/missing-with-absolute-form", fault::accept_missing_host},
    {"http1/host/*", fault::accept_invalid_host},
};

fault fault_for(std::string_view id) {
  for (auto const& r : rules)
    if (id_matches(r.pattern, id)) return r.breaks;
  throw std::logic_error(std::string(id) + " matches no self-test rule");
}

class vector_self_test : public ::testing::TestWithParam<std::string> {};

TEST_P(vector_self_test, passes_on_the_compliant_model) {
  auto const r = run_case(GetParam(), fault::none);
  EXPECT_TRUE(r.status == verdict::pass || r.status == verdict::info) << to_string(r.status) << ": " << r.message << "\n" << dump(r.log);
}

TEST_P(vector_self_test, fails_on_the_lenient_model) {
  auto const r = run_case(GetParam(), fault_for(GetParam()));
  // A desync fails whatever the level; otherwise a SHOULD or MAY vector warns.
  if (r.which.def->level == requirement_level::must)
    EXPECT_EQ(to_string(r.status), "fail") << r.message << "\n" << dump(r.log);
  else
    EXPECT_TRUE(r.status == verdict::fail || r.status == verdict::warn) << to_string(r.status) << ": " << r.message << "\n" << dump(r.log);
}

std::vector<std::string> vector_ids() {
  std::vector<std::string> ids;
  for (auto const& v : all_vectors()) ids.push_back(v.id);
  return ids;
}

INSTANTIATE_TEST_SUITE_P(vectors, vector_self_test, ::testing::ValuesIn(vector_ids()), [](auto const& param_info) {
  std::string name = param_info.param.substr(6);
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

TEST(vector_self_tests, every_vector_has_a_rule) {
  for (auto const& v : all_vectors()) EXPECT_NO_THROW(fault_for(v.id)) << v.id;
}

}  // namespace
}  // namespace conform::http1::testing
