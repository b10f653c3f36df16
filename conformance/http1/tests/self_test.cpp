// Every HTTP/1.1 case passes against the compliant model server and fails against the
// model with the one fault that breaks its rule. A case missing here fails the build's
// tests: a case that cannot fail is a defect.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "conformance/http1/tests/scripted_server.hpp"
#include "conformance/http1/tests/self_test_support.hpp"
#include "conformance/http1/vectors.hpp"
#include "conformance/index.hpp"

namespace conform::http1::testing {
namespace {

struct self_test {
  std::string_view case_id;
  fault breaks;
};

self_test const self_tests[] = {
    {"http1/request-line/leading-empty-line", fault::reject_leading_empty_line},
    {"http1/request-line/unsupported-major-version", fault::accept_unsupported_version},
    {"http1/request-line/higher-minor-version", fault::reject_higher_minor_version},
    {"http1/request-line/lowercase-http-name", fault::accept_lowercase_http_name},
    {"http1/request-line/whitespace-in-target", fault::accept_whitespace_in_target},
    {"http1/request-line/unknown-method", fault::unknown_method_as_405},
    {"http1/request-line/method-case-sensitive", fault::method_case_insensitive},
    {"http1/request-line/target-too-long", fault::long_target_431},
    {"http1/host/missing", fault::accept_missing_host},
    {"http1/host/duplicate", fault::accept_duplicate_host},
    {"http1/host/invalid-value", fault::accept_invalid_host},
    {"http1/host/invalid-port", fault::accept_invalid_host},
    {"http1/request-target/absolute-form", fault::reject_absolute_form},
    {"http1/request-target/absolute-form-overrides-host", fault::host_over_absolute_form},
    {"http1/request-target/asterisk-form-with-get", fault::accept_asterisk_with_get},
    {"http1/request-target/authority-form-with-get", fault::accept_authority_with_get},
    {"http1/fields/space-before-colon", fault::accept_space_before_colon},
    {"http1/fields/obs-fold", fault::drop_obs_fold},
    {"http1/fields/nul-in-value", fault::keep_nul},
    {"http1/fields/cr-in-value", fault::keep_cr},
    {"http1/fields/empty-name", fault::accept_empty_name},
    {"http1/fields/space-in-name", fault::accept_space_in_name},
    {"http1/content-length/framed", fault::ignore_content_length},
    {"http1/content-length/not-a-number", fault::lenient_content_length},
    {"http1/content-length/negative", fault::lenient_content_length},
    {"http1/content-length/plus-sign", fault::lenient_content_length},
    {"http1/content-length/overflow", fault::wrap_content_length},
    {"http1/content-length/conflicting-fields", fault::first_content_length_wins},
    {"http1/content-length/conflicting-list", fault::first_content_length_wins},
    {"http1/content-length/identical-list", fault::keep_open_after_bad_length},
    {"http1/transfer-encoding/with-content-length", fault::frame_by_content_length},
    {"http1/transfer-encoding/chunked-not-final", fault::ignore_non_chunked_te},
    {"http1/transfer-encoding/unknown-coding", fault::unknown_coding_400},
    {"http1/transfer-encoding/http10-request", fault::keep_open_http10_te},
    {"http1/chunked/decoded", fault::ignore_chunked},
    {"http1/chunked/extension-ignored", fault::reject_chunk_extensions},
    {"http1/chunked/trailer-section", fault::stop_at_last_chunk},
    {"http1/chunked/invalid-size", fault::lenient_chunk_size},
    {"http1/chunked/size-overflow", fault::wrap_chunk_size},
    {"http1/chunked/missing-data-crlf", fault::skip_to_crlf_after_chunk},
    {"http1/persistence/close-announced", fault::close_without_announcing},
    {"http1/persistence/close-requested", fault::ignore_connection_close},
    {"http1/persistence/close-echoed", fault::no_close_in_response},
    {"http1/persistence/no-requests-after-close", fault::process_after_close},
    {"http1/persistence/http10-closes", fault::keep_alive_http10},
    {"http1/persistence/pipelined-in-order", fault::reverse_pipelined},
    {"http1/head/no-content", fault::content_on_head},
    {"http1/head/content-length-matches-get", fault::head_content_length_zero},
    {"http1/head/same-fields-as-get", fault::head_drops_content_type},
    {"http1/status/204-no-content", fault::content_on_204},
    {"http1/status/204-no-content-length", fault::content_length_on_204},
    {"http1/status/204-no-transfer-encoding", fault::transfer_encoding_on_204},
    {"http1/status/1xx-no-content-length", fault::content_length_on_1xx},
    {"http1/conditional/if-none-match-304", fault::ignore_if_none_match},
    {"http1/conditional/if-match-412", fault::ignore_if_match},
    {"http1/status/304-no-content", fault::content_on_304},
    {"http1/status/304-fields", fault::drop_etag_on_304},
    {"http1/response/status-line", fault::no_sp_after_status_code},
    {"http1/response/line-endings", fault::lf_line_endings},
    {"http1/response/field-syntax", fault::obs_fold_in_response},
    {"http1/response/date", fault::no_date},
    {"http1/response/date-format", fault::rfc850_date},
    {"http1/response/version", fault::respond_http10},
    {"http1/response/no-chunked-to-http10", fault::chunked_to_http10},
    {"http1/response/chunked-framing", fault::space_after_chunk_size},
    {"http1/response/allow-on-405", fault::no_allow_on_405},
    {"http1/expect/100-continue", fault::ignore_expect_continue},
    {"http1/expect/http10-ignored", fault::continue_to_http10},
    {"http1/conditional/if-modified-since-304", fault::ignore_if_modified_since},
    {"http1/conditional/if-modified-since-older", fault::if_modified_since_not_compared},
    {"http1/conditional/if-modified-since-invalid", fault::invalid_if_modified_since_304},
    {"http1/conditional/if-unmodified-since-412", fault::ignore_if_unmodified_since},
    {"http1/conditional/if-none-match-star", fault::star_not_matched},
    {"http1/conditional/if-match-star", fault::star_not_matched},
    {"http1/conditional/if-none-match-weak", fault::strong_compare_for_none_match},
    {"http1/conditional/if-match-weak", fault::weak_compare_for_match},
    {"http1/conditional/none-match-over-modified-since", fault::modified_since_with_none_match},
    {"http1/range/single", fault::range_off_by_one},
    {"http1/range/suffix", fault::range_off_by_one},
    {"http1/range/open-ended", fault::range_off_by_one},
    {"http1/range/multiple", fault::multipart_without_content_range},
    {"http1/range/unsatisfiable", fault::unsatisfiable_without_content_range},
    {"http1/range/if-range-match", fault::ignore_range_with_if_range},
    {"http1/range/if-range-mismatch", fault::ignore_if_range},
    {"http1/range/unknown-unit", fault::any_range_unit},
    {"http1/upgrade/only-offered-protocols", fault::upgrade_to_websocket},
    {"http1/upgrade/http10-ignored", fault::upgrade_http10},
    {"http1/options/asterisk", fault::reject_options_asterisk},
    {"http1/options/allow", fault::options_without_allow},
    {"http1/options/empty-content-length", fault::options_200_without_length},
    {"http1/limits/big-field", fault::silent_close_on_big_head},
    {"http1/limits/many-fields", fault::silent_close_on_big_head},
    {"http1/limits/partial-request-held", fault::no_header_timeout},
    {"http1/response/content-type", fault::no_content_type},
    {"http1/response/etag-syntax", fault::unquoted_etag},
    {"http1/response/last-modified-format", fault::rfc850_last_modified},
    {"http1/response/last-modified-not-after-date", fault::future_last_modified},
    {"http1/response/no-content-length-with-chunked", fault::content_length_with_chunked},
};

void PrintTo(self_test const& t, std::ostream* os) { *os << t.case_id; }

class http1_self_test : public ::testing::TestWithParam<self_test> {};

TEST_P(http1_self_test, passes_on_the_compliant_model) {
  auto const r = run_case(GetParam().case_id, fault::none);
  // Measurements (the time a partial request is held) report INFO on a compliant peer.
  EXPECT_TRUE(r.status == verdict::pass || r.status == verdict::info) << to_string(r.status) << ": " << r.message << "\n" << dump(r.log);
}

TEST_P(http1_self_test, fails_on_the_model_breaking_its_rule) {
  auto const r = run_case(GetParam().case_id, GetParam().breaks);
  auto const expected = r.which.def->level == requirement_level::must ? verdict::fail : verdict::warn;
  EXPECT_EQ(to_string(r.status), to_string(expected)) << r.message << "\n" << dump(r.log);
  EXPECT_FALSE(r.message.empty());
}

INSTANTIATE_TEST_SUITE_P(cases, http1_self_test, ::testing::ValuesIn(self_tests), [](auto const& param_info) {
  std::string name(param_info.param.case_id.substr(6));
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

bool is_vector_case(std::string_view id) {
  auto const& all = all_vectors();
  return std::any_of(all.begin(), all.end(), [&](auto const& v) { return v.id == id; });
}

TEST(http1_self_tests, cover_every_case_exactly_once) {
  std::set<std::string_view> listed;
  for (auto const& t : self_tests) {
    EXPECT_TRUE(listed.insert(t.case_id).second) << t.case_id << " listed twice";
    EXPECT_NE(catalogue().find(t.case_id), nullptr) << t.case_id << " is not a case";
  }
  for (auto const& rc : catalogue().all())
    if (rc.owner->name == "http1" && !is_vector_case(rc.def->id)) {
      EXPECT_TRUE(listed.count(rc.def->id)) << rc.def->id << " has no self-test";
    }
}

}  // namespace
}  // namespace conform::http1::testing
