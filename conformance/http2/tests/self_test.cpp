// Every HTTP/2 and HPACK case passes against the compliant model server and fails (or
// warns, for SHOULD; reports INFO, for INFO) against the model with the one fault that breaks its rule. A case
// missing here fails the tests: a case that cannot fail is a defect.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "conformance/http2/tests/model_server.hpp"
#include "conformance/index.hpp"
#include "harness/engine/runner.hpp"

namespace conform::http2::testing {
namespace {

struct self_test {
  std::string_view case_id;
  std::string_view fault;  // the rule the model then ignores, or the feature it refuses
};

self_test const self_tests[] = {
    {"http2/preface/server-settings-first", "settings_not_first"},
    {"http2/preface/invalid", "preface"},
    {"http2/frame/unknown-type-ignored", "unknown_type_error"},
    {"http2/frame/undefined-flags-ignored", "undefined_flags_error"},
    {"http2/frame/reserved-bit-ignored", "reserved_bit_error"},
    {"http2/frame/data-of-max-frame-size", "refuse_data"},
    {"http2/frame/data-above-max-frame-size", "frame_size"},
    {"http2/frame/headers-above-max-frame-size", "frame_size"},
    {"http2/field-block/undecodable", "hpack"},
    {"http2/field-block/priority-interleaved", "interleaved"},
    {"http2/field-block/headers-interleaved", "interleaved"},
    {"http2/field-block/unknown-frame-interleaved", "interleaved"},
    {"http2/stream-state/idle-data", "idle"},
    {"http2/stream-state/idle-rst-stream", "idle"},
    {"http2/stream-state/idle-window-update", "idle"},
    {"http2/stream-state/idle-continuation", "stray_continuation"},
    {"http2/stream-state/half-closed-data", "closed"},  // the model has answered and closed it already
    {"http2/stream-state/half-closed-headers", "closed"},
    {"http2/stream-state/half-closed-continuation", "stray_continuation"},
    {"http2/stream-state/reset-data", "closed"},
    {"http2/stream-state/reset-headers", "closed"},
    {"http2/stream-state/reset-continuation", "stray_continuation"},
    {"http2/stream-state/closed-data", "closed"},
    {"http2/stream-state/closed-headers", "closed"},
    {"http2/stream-state/closed-continuation", "stray_continuation"},
    {"http2/stream-id/even", "even"},
    {"http2/stream-id/decreasing", "decreasing"},
    {"http2/stream-concurrency/limit-exceeded", "max_concurrent"},
    {"http2/priority/headers-self-dependency", "self_dependency"},
    {"http2/priority/priority-self-dependency", "self_dependency"},
    {"http2/stream-state/priority-idle-ignored", "refuse_priority"},
    {"http2/stream-state/window-update-half-closed", "window_update_half_closed"},
    {"http2/stream-state/priority-half-closed", "refuse_priority"},
    {"http2/stream-state/rst-half-closed", "no_ping_ack"},
    {"http2/stream-state/priority-closed", "refuse_priority"},
    {"http2/connection-error/closes", "no_close_after_goaway"},
    {"http2/connection-error/goaway-first", "close_without_goaway"},
    {"http2/error-code/unknown-in-goaway", "unknown_code_error"},
    {"http2/error-code/unknown-in-rst-stream", "unknown_code_error"},
    {"http2/data/stream-0", "stream_0"},
    {"http2/data/padding-too-long", "padding"},
    {"http2/headers/stream-0", "stream_0"},
    {"http2/headers/padding-too-long", "padding"},
    {"http2/priority/stream-0", "stream_0"},
    {"http2/priority/length", "frame_length"},
    {"http2/rst-stream/stream-0", "stream_0"},
    {"http2/rst-stream/length", "frame_length"},
    {"http2/data/one-frame", "refuse_data"},
    {"http2/data/several-frames", "refuse_data"},
    {"http2/data/padded", "refuse_padding"},
    {"http2/headers/plain", "refuse_without_indexing"},
    {"http2/headers/padded", "refuse_padding"},
    {"http2/headers/with-priority", "refuse_priority"},
    {"http2/priority/weight-1", "refuse_priority"},
    {"http2/priority/weight-256", "refuse_priority"},
    {"http2/priority/dependency", "refuse_priority"},
    {"http2/priority/exclusive", "refuse_priority"},
    {"http2/priority/idle-then-lower-stream", "refuse_priority"},
    {"http2/settings/ack-with-payload", "frame_length"},
    {"http2/settings/on-a-stream", "stream_id"},
    {"http2/settings/length-not-multiple-of-6", "frame_length"},
    {"http2/settings/enable-push-invalid", "settings_values"},
    {"http2/settings/initial-window-too-large", "settings_values"},
    {"http2/settings/max-frame-size-too-small", "settings_values"},
    {"http2/settings/max-frame-size-too-large", "settings_values"},
    {"http2/settings/unknown-identifier-ignored", "unknown_setting_error"},
    {"http2/settings/last-value-wins", "first_setting_wins"},
    {"http2/settings/acknowledged", "no_settings_ack"},
    {"http2/ping/answered", "no_ping_ack"},
    {"http2/ping/ack-not-answered", "ack_ping_acks"},
    {"http2/ping/on-a-stream", "stream_id"},
    {"http2/ping/length", "frame_length"},
    {"http2/goaway/on-a-stream", "stream_id"},
    {"http2/window-update/zero-increment", "zero_increment"},
    {"http2/window-update/zero-increment-stream", "zero_increment"},
    {"http2/window-update/length", "frame_length"},
    {"http2/flow-control/initial-window-one", "ignore_flow_control"},
    {"http2/flow-control/connection-window-overflow", "window_overflow"},
    {"http2/flow-control/stream-window-overflow", "window_overflow"},
    {"http2/flow-control/initial-window-change", "ignore_window_change"},
    {"http2/flow-control/negative-window", "ignore_window_change"},
    {"http2/flow-control/settings-change-overflows-window", "window_overflow"},
    {"http2/flow-control/zero-window-holds-data", "ignore_flow_control"},
    {"http2/window-update/connection-accepted", "no_ping_ack"},
    {"http2/window-update/stream-accepted", "refuse_without_indexing"},
    {"http2/continuation/one", "refuse_continuation"},
    {"http2/continuation/several", "refuse_continuation"},
    {"http2/continuation/followed-by-other-frame", "interleaved"},
    {"http2/continuation/stream-0", "interleaved"},
    {"http2/continuation/after-end-headers", "stray_continuation"},
    {"http2/continuation/after-ended-continuation", "stray_continuation"},
    {"http2/continuation/after-data", "stray_continuation"},
    {"http2/push-promise/from-client", "push_promise"},
    {"http2/abuse/continuation-flood", "header_block_limit"},
    {"http2/message/second-headers-without-end-stream", "trailers_end_stream"},
    {"http2/fields/uppercase-name", "uppercase"},
    {"http2/fields/unknown-pseudo-header", "unknown_pseudo"},
    {"http2/fields/response-pseudo-header-in-request", "response_pseudo"},
    {"http2/fields/pseudo-header-in-trailers", "pseudo_in_trailers"},
    {"http2/fields/pseudo-header-after-regular", "pseudo_after_regular"},
    {"http2/fields/connection-specific", "connection_specific"},
    {"http2/fields/te-not-trailers", "te"},
    {"http2/fields/empty-path", "empty_path"},
    {"http2/fields/missing-method", "missing_pseudo"},
    {"http2/fields/missing-scheme", "missing_pseudo"},
    {"http2/fields/missing-path", "missing_pseudo"},
    {"http2/fields/duplicate-method", "duplicate_pseudo"},
    {"http2/fields/duplicate-scheme", "duplicate_pseudo"},
    {"http2/fields/duplicate-path", "duplicate_pseudo"},
    {"http2/message/content-length-one-frame", "content_length"},
    {"http2/message/content-length-several-frames", "content_length"},
    {"http2/message/get", "refuse_without_indexing"},
    {"http2/message/head", "refuse_without_indexing"},
    {"http2/message/post", "refuse_post"},
    {"http2/message/post-with-trailers", "refuse_trailers"},
    {"http2/stream-id/highest", "max_stream_id"},
    {"http2/stream-id/lower-after-highest", "id_reuse"},
    {"http2/stream-state/closed-window-update-ignored", "closed_window_update_error"},
    {"http2/stream-state/closed-rst-stream-ignored", "closed_rst_error"},
    {"http2/stream-state/frames-after-own-reset-ignored", "reset_stream_frames_error"},
    {"http2/settings/initial-window-maximum-accepted", "max_window_refused"},
    {"http2/settings/max-frame-size-maximum-accepted", "max_frame_size_refused"},
    {"http2/goaway/open-stream-completes", "goaway_drops_streams"},
    {"http2/goaway/own-goaway-before-close", "close_without_goaway"},
    {"http2/goaway/beyond-last-stream-ignored", "process_beyond_goaway"},
    {"http2/fields/value-leading-space", "value_leading_ws"},
    {"http2/fields/value-trailing-tab", "value_trailing_ws"},
    {"http2/fields/value-nul", "value_nul"},
    {"http2/fields/value-cr", "value_cr"},
    {"http2/fields/value-lf", "value_lf"},
    {"http2/fields/name-space", "name_space"},
    {"http2/fields/name-non-ascii", "name_non_ascii"},
    {"http2/fields/keep-alive", "keep_alive"},
    {"http2/fields/proxy-connection", "proxy_connection"},
    {"http2/fields/transfer-encoding", "transfer_encoding"},
    {"http2/fields/upgrade", "upgrade"},
    {"http2/fields/te-trailers-accepted", "refuse_te_trailers"},
    {"http2/fields/host-authority-mismatch", "host_mismatch"},
    {"http2/message/content-length-above-data", "content_length_short"},
    {"http2/message/content-length-without-data", "content_length_no_data"},
    {"http2/message/content-length-above-data-then-trailers", "content_length_trailers"},
    {"http2/message/content-length-not-a-number", "content_length_invalid"},
    {"http2/message/options-asterisk", "refuse_options_asterisk"},
    {"http2/connect/authority-only", "refuse_connect"},
    {"http2/connect/with-scheme", "connect_scheme"},
    {"http2/connect/with-path", "connect_path"},
    {"http2/connect/without-authority", "connect_authority"},
    {"http2/abuse/rapid-reset", "rapid_reset_stall"},
    {"http2/abuse/settings-flood", "settings_flood_stall"},
    {"http2/abuse/ping-flood", "ping_flood_stall"},
    {"http2/abuse/empty-data-flood", "empty_data_stall"},
    {"http2/abuse/hpack-bomb", "header_list_limit"},
    {"http2/extended-connect/advertised", "no_connect_protocol"},
    {"hpack/representation/indexed", "refuse_without_indexing"},
    {"hpack/representation/incremental-indexed-name", "refuse_incremental"},
    {"hpack/representation/incremental-indexed-name-huffman", "refuse_huffman"},
    {"hpack/representation/incremental-new-name", "refuse_incremental"},
    {"hpack/representation/incremental-new-name-huffman", "refuse_huffman"},
    {"hpack/representation/without-indexing-indexed-name", "refuse_without_indexing"},
    {"hpack/representation/without-indexing-indexed-name-huffman", "refuse_huffman"},
    {"hpack/representation/without-indexing-new-name", "refuse_without_indexing"},
    {"hpack/representation/without-indexing-new-name-huffman", "refuse_huffman"},
    {"hpack/representation/never-indexed-indexed-name", "refuse_never_indexed"},
    {"hpack/representation/never-indexed-indexed-name-huffman", "refuse_huffman"},
    {"hpack/representation/never-indexed-new-name", "refuse_never_indexed"},
    {"hpack/representation/never-indexed-new-name-huffman", "refuse_huffman"},
    {"hpack/representation/size-update", "refuse_size_update"},
    {"hpack/representation/several-size-updates", "refuse_size_update"},
    {"hpack/decoding-error/index-out-of-range", "hpack"},
    {"hpack/decoding-error/name-index-out-of-range", "hpack"},
    {"hpack/decoding-error/size-update-at-end", "hpack"},
    {"hpack/decoding-error/huffman-padding-too-long", "hpack"},
    {"hpack/decoding-error/huffman-padding-zeros", "hpack"},
    {"hpack/decoding-error/huffman-eos", "hpack"},
    {"hpack/decoding-error/index-zero", "hpack"},
    {"hpack/decoding-error/size-update-too-large", "hpack"},
    {"hpack/decoding-error/integer-overflow", "hpack"},
    {"hpack/decoding-error/truncated-integer", "hpack"},
    {"hpack/decoding-error/string-past-end", "hpack"},
    {"hpack/dynamic-table/reference-across-blocks", "refuse_dynamic_reference"},
    {"hpack/dynamic-table/evicted-entry", "hpack"},
    {"hpack/dynamic-table/size-update-evicts", "hpack"},
    {"hpack/dynamic-table/oversized-entry-accepted", "refuse_oversized_entry"},
    {"hpack/encoder/table-size-setting-honoured", "no_size_update"},
    {"http2/response/pseudo-headers-first", "status_last"},
    {"http2/response/status-present", "no_status"},
    {"http2/response/status-three-digits", "status_text"},
    {"http2/response/no-request-pseudo-headers", "request_pseudo"},
    {"http2/response/lowercase-field-names", "uppercase_name"},
    {"http2/response/field-value-characters", "value_crlf"},
    {"http2/response/no-connection-specific-fields", "connection_field"},
    {"http2/response/content-length-matches-data", "wrong_content_length"},
    {"http2/response/head-no-content", "head_body"},
    {"http2/response/204-no-content", "no_content_body"},
    {"http2/response/204-no-content-length", "content_length_204"},
    {"http2/frame/sent-within-max-frame-size", "oversized_frames"},
    {"http2/flow-control/sent-within-connection-window", "ignore_flow_control"},
    {"http2/push-promise/not-when-disabled", "push_anyway"},
    {"http2/stream-state/nothing-after-end-stream", "data_after_end_stream"},
    {"http2/goaway/last-stream-id-names-processed", "goaway_last_zero"},
    {"http2/settings/server-enable-push-not-1", "server_push_setting"},
    {"http2/settings/server-max-frame-size-in-range", "bad_max_frame_size"},
    {"http2/settings/ack-empty", "ack_payload"},
};

void PrintTo(self_test const& t, std::ostream* os) { *os << t.case_id; }

connector model(std::string_view fault) {
  return [fault](target const&, connect_request const&, transcript& log, std::chrono::steady_clock::time_point) {
    int const id = log.open_connection("in-memory model HTTP/2 server");
    return std::make_unique<net::memory_connection>(log, id, std::make_unique<model_server>(fault));
  };
}

std::string dump(transcript const& log) {
  std::string out;
  for (auto const& e : log.events())
    if (e.what == transcript_event::kind::note) out += "  [" + std::to_string(e.connection) + "] " + e.data + "\n";
  return out;
}

case_result run_case(std::string_view id, std::string_view fault) {
  auto const* rc = catalogue().find(id);
  if (rc == nullptr) throw std::runtime_error("no case " + std::string(id));
  run_settings settings;
  settings.jobs = 1;
  settings.seed = 1;
  runner r(settings, model(fault));
  // The model speaks HTTP/2 (the probe is tested on its own): without the probe, a
  // fault that breaks the handshake or GET / fails its case instead of skipping it.
  suite unprobed = *rc->owner;
  unprobed.probe = nullptr;
  registered_case one = *rc;
  one.owner = &unprobed;
  target t = *parse_target("http://127.0.0.1:8080/").value;
  t.offers.add(capability::h2);
  auto result = r.run({t}, {one});
  return std::move(result.cases.at(0));
}

class http2_self_test : public ::testing::TestWithParam<self_test> {};

TEST_P(http2_self_test, passes_on_the_compliant_model) {
  auto const r = run_case(GetParam().case_id, "");
  EXPECT_EQ(to_string(r.status), "pass") << r.message << "\n" << dump(r.log);
}

TEST_P(http2_self_test, fails_on_the_model_breaking_its_rule) {
  auto const r = run_case(GetParam().case_id, GetParam().fault);
  auto const level = r.which.def->level;
  auto const expected = level == requirement_level::must     ? verdict::fail
                        : level == requirement_level::should ? verdict::warn
                                                             : verdict::info;
  EXPECT_EQ(to_string(r.status), to_string(expected)) << r.message << "\n" << dump(r.log);
  EXPECT_FALSE(r.message.empty());
}

INSTANTIATE_TEST_SUITE_P(cases, http2_self_test, ::testing::ValuesIn(self_tests), [](auto const& param_info) {
  std::string name(param_info.param.case_id);
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

TEST(http2_self_tests, probe_finds_h2_on_the_model_only) {
  run_settings settings;
  settings.jobs = 1;
  runner r(settings, model(""));
  auto const* rc = catalogue().find("http2/message/get");
  auto const result = r.run({*parse_target("http://127.0.0.1:8080/").value}, {*rc});
  EXPECT_EQ(to_string(result.cases.at(0).status), "pass") << result.cases.at(0).message;
}

TEST(http2_self_tests, cover_every_case_exactly_once) {
  std::set<std::string_view> listed;
  for (auto const& t : self_tests) {
    EXPECT_TRUE(listed.insert(t.case_id).second) << t.case_id << " listed twice";
    EXPECT_NE(catalogue().find(t.case_id), nullptr) << t.case_id << " is not a case";
  }
  for (auto const& rc : catalogue().all())
    if (rc.owner->name == "http2" || rc.owner->name == "hpack") {
      EXPECT_TRUE(listed.count(rc.def->id)) << rc.def->id << " has no self-test";
    }
}

}  // namespace
}  // namespace conform::http2::testing
