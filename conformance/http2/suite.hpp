// The HTTP/2 suite (RFC 9113): its index of per-section case tables and its probe.
// Every h2spec case (http2/*, generic/*) has an equivalent here, named in see_also.
#pragma once

#include <span>

#include "harness/engine/case.hpp"

namespace conform::http2 {

suite make_suite();

// One table per section file, named after the file that holds it.
std::span<case_def const> preface_cases();         // rfc9113_3_4_preface.cpp
std::span<case_def const> frame_cases();           // rfc9113_4_frames.cpp
std::span<case_def const> stream_state_cases();    // rfc9113_5_1_stream_states.cpp
std::span<case_def const> error_handling_cases();  // rfc9113_5_4_error_handling.cpp
std::span<case_def const> data_headers_cases();    // rfc9113_6_1_6_4_frames.cpp
std::span<case_def const> settings_cases();        // rfc9113_6_5_settings.cpp
std::span<case_def const> ping_goaway_window_cases();  // rfc9113_6_7_6_9_control.cpp
std::span<case_def const> continuation_cases();    // rfc9113_6_10_continuation.cpp
std::span<case_def const> message_cases();         // rfc9113_8_messages.cpp
std::span<case_def const> stream_id_and_closed_cases();  // rfc9113_5_1_ids_and_closed.cpp
std::span<case_def const> goaway_cases();          // rfc9113_6_8_goaway.cpp
std::span<case_def const> field_validity_cases();  // rfc9113_8_2_field_validity.cpp
std::span<case_def const> request_form_cases();    // rfc9113_8_1_8_5_requests.cpp
std::span<case_def const> abuse_cases();           // rfc9113_10_5_abuse.cpp
std::span<case_def const> extended_connect_cases();  // rfc8441_extended_connect.cpp
std::span<case_def const> response_field_cases();  // rfc9113_8_3_response_fields.cpp
std::span<case_def const> sender_rule_cases();     // rfc9113_sender_rules.cpp

// Whether the target speaks HTTP/2 (prior knowledge on http://, ALPN on https://).
probe_report probe(context& cx);

}  // namespace conform::http2
