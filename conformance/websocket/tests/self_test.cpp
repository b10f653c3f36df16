// Every WebSocket case passes against the compliant model server and fails (or warns,
// for SHOULD cases; INFO cases report INFO) against the model with the one fault that
// breaks its rule. The UTF-8 stress sequences share one parameterised rule: a valid
// sequence is broken by text_as_binary, an invalid one by no_utf8_check.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "conformance/index.hpp"
#include "conformance/websocket/suite.hpp"
#include "conformance/websocket/tests/model_server.hpp"
#include "harness/engine/runner.hpp"
#include "harness/http1/message.hpp"

namespace conform::websocket::testing {
namespace {

struct self_test {
  std::string_view case_id;
  fault breaks;
};

self_test const listed_tests[] = {
    {"ws/handshake/accept-value", fault::wrong_accept},
    {"ws/handshake/missing-key", fault::accept_any_key},
    {"ws/handshake/malformed-key", fault::accept_any_key},
    {"ws/handshake/short-key", fault::accept_any_key},
    {"ws/handshake/duplicate-key", fault::accept_any_key},
    {"ws/handshake/post-method", fault::accept_any_method},
    {"ws/handshake/http-1-0", fault::accept_http10},
    {"ws/handshake/missing-upgrade", fault::accept_missing_upgrade},
    {"ws/handshake/upgrade-not-websocket", fault::accept_missing_upgrade},
    {"ws/handshake/missing-connection-upgrade", fault::accept_missing_connection},
    {"ws/handshake/missing-version", fault::accept_any_version},
    {"ws/handshake/unsupported-version", fault::version_without_header},
    {"ws/handshake/unsupported-version-426", fault::version_400},
    {"ws/handshake/unknown-subprotocol", fault::select_unoffered_protocol},
    {"ws/handshake/no-subprotocol-offered", fault::select_unoffered_protocol},
    {"ws/handshake/unknown-extension", fault::accept_unknown_extension},
    {"ws/handshake/foreign-origin", fault::crash_on_origin},
    {"ws/deflate/offer-unknown-parameter", fault::accept_bad_deflate_offer},
    {"ws/deflate/offer-invalid-window-bits", fault::accept_bad_deflate_offer},
    {"ws/deflate/offer-duplicate-parameter", fault::accept_bad_deflate_offer},
    {"ws/deflate/accept-no-context-takeover", fault::bad_deflate_response},
    {"ws/deflate/accept-window-bits", fault::bad_deflate_response},
    {"ws/framing/text-empty", fault::no_empty_echo},
    {"ws/framing/text-125", fault::text_as_binary},
    {"ws/framing/text-126", fault::truncate_long_echo},
    {"ws/framing/text-127", fault::truncate_long_echo},
    {"ws/framing/text-128", fault::truncate_long_echo},
    {"ws/framing/text-65535", fault::truncate_long_echo},
    {"ws/framing/text-65536", fault::truncate_long_echo},
    {"ws/framing/text-65536-chopped", fault::needs_whole_frames},
    {"ws/framing/binary-empty", fault::no_empty_echo},
    {"ws/framing/binary-125", fault::binary_as_text},
    {"ws/framing/binary-126", fault::truncate_long_echo},
    {"ws/framing/binary-127", fault::truncate_long_echo},
    {"ws/framing/binary-128", fault::truncate_long_echo},
    {"ws/framing/binary-65535", fault::truncate_long_echo},
    {"ws/framing/binary-65536", fault::truncate_long_echo},
    {"ws/framing/binary-65536-chopped", fault::needs_whole_frames},
    {"ws/framing/auto-fragmented-64k", fault::echo_fragments_separately},
    {"ws/framing/unmasked-client-frame", fault::accept_unmasked},
    {"ws/framing/length-top-bit-set", fault::wait_for_huge_length},
    {"ws/ping-pong/ping-empty", fault::no_pong},
    {"ws/ping-pong/ping-text", fault::pong_empty},
    {"ws/ping-pong/ping-binary", fault::pong_empty},
    {"ws/ping-pong/ping-125", fault::pong_empty},
    {"ws/ping-pong/ping-126", fault::accept_long_control},
    {"ws/ping-pong/ping-125-octetwise", fault::needs_whole_frames},
    {"ws/ping-pong/unsolicited-pong-empty", fault::pong_to_pong},
    {"ws/ping-pong/unsolicited-pong", fault::pong_to_pong},
    {"ws/ping-pong/pong-then-ping", fault::pong_to_pong},
    {"ws/ping-pong/ten-pings", fault::pong_only_last},
    {"ws/ping-pong/ten-pings-octetwise", fault::pong_only_last},
    {"ws/reserved-bits/rsv1-text", fault::accept_rsv},
    {"ws/reserved-bits/rsv2-after-message", fault::accept_rsv},
    {"ws/reserved-bits/rsv3-after-message-framewise", fault::accept_rsv},
    {"ws/reserved-bits/rsv4-after-message-octetwise", fault::accept_rsv},
    {"ws/reserved-bits/rsv5-binary", fault::accept_rsv},
    {"ws/reserved-bits/rsv6-ping", fault::accept_rsv},
    {"ws/reserved-bits/rsv7-close", fault::accept_rsv},
    {"ws/opcodes/data-3", fault::accept_reserved_opcode},
    {"ws/opcodes/data-4-payload", fault::accept_reserved_opcode},
    {"ws/opcodes/data-5-after-message", fault::accept_reserved_opcode},
    {"ws/opcodes/data-6-after-message", fault::accept_reserved_opcode},
    {"ws/opcodes/data-7-after-message", fault::accept_reserved_opcode},
    {"ws/opcodes/control-11", fault::accept_reserved_opcode},
    {"ws/opcodes/control-12-payload", fault::accept_reserved_opcode},
    {"ws/opcodes/control-13-after-message", fault::accept_reserved_opcode},
    {"ws/opcodes/control-14-after-message", fault::accept_reserved_opcode},
    {"ws/opcodes/control-15-after-message", fault::accept_reserved_opcode},
    {"ws/fragmentation/fragmented-ping", fault::accept_fragmented_control},
    {"ws/fragmentation/fragmented-pong", fault::accept_fragmented_control},
    {"ws/fragmentation/text-two-fragments", fault::echo_fragments_separately},
    {"ws/fragmentation/text-two-fragments-framewise", fault::echo_fragments_separately},
    {"ws/fragmentation/text-two-fragments-octetwise", fault::needs_whole_frames},
    {"ws/fragmentation/ping-between-fragments", fault::pong_after_message},
    {"ws/fragmentation/ping-between-fragments-framewise", fault::pong_after_message},
    {"ws/fragmentation/ping-between-fragments-octetwise", fault::pong_after_message},
    {"ws/fragmentation/orphan-final-continuation", fault::accept_orphan_continuation},
    {"ws/fragmentation/orphan-final-continuation-framewise", fault::accept_orphan_continuation},
    {"ws/fragmentation/orphan-final-continuation-octetwise", fault::accept_orphan_continuation},
    {"ws/fragmentation/orphan-continuation", fault::accept_orphan_continuation},
    {"ws/fragmentation/orphan-continuation-framewise", fault::accept_orphan_continuation},
    {"ws/fragmentation/orphan-continuation-octetwise", fault::accept_orphan_continuation},
    {"ws/fragmentation/orphan-after-message", fault::accept_orphan_continuation},
    {"ws/fragmentation/repeated-orphan-continuation", fault::accept_orphan_continuation},
    {"ws/fragmentation/repeated-orphan-final-continuation", fault::accept_orphan_continuation},
    {"ws/fragmentation/text-inside-message", fault::accept_interleaved_data},
    {"ws/fragmentation/pings-in-long-message", fault::pong_after_message},
    {"ws/fragmentation/pings-in-long-message-framewise", fault::pong_after_message},
    {"ws/utf8/empty-text", fault::no_empty_echo},
    {"ws/utf8/empty-fragments", fault::no_empty_echo},
    {"ws/utf8/empty-outer-fragments", fault::echo_fragments_separately},
    {"ws/utf8/valid-one-frame", fault::text_as_binary},
    {"ws/utf8/valid-split-on-code-point", fault::echo_fragments_separately},
    {"ws/utf8/valid-split-every-octet", fault::echo_fragments_separately},
    {"ws/utf8/kosme-split-every-octet", fault::echo_fragments_separately},
    {"ws/utf8/invalid-one-frame", fault::no_utf8_check},
    {"ws/utf8/invalid-split-every-octet", fault::no_utf8_check},
    {"ws/utf8/fail-fast-fragments", fault::utf8_check_at_end},
    {"ws/utf8/fail-fast-fragments-in-code-point", fault::utf8_check_at_end},
    {"ws/utf8/fail-fast-chops", fault::utf8_check_at_end},
    {"ws/utf8/fail-fast-chops-in-code-point", fault::utf8_check_at_end},
    {"ws/close/message-then-close", fault::no_close_reply},
    {"ws/close/two-closes", fault::no_close_reply},
    {"ws/close/ping-after-close", fault::pong_after_close},
    {"ws/close/text-after-close", fault::echo_after_close},
    {"ws/close/close-between-fragments", fault::echo_after_close},
    {"ws/close/big-message-close-ping", fault::pong_after_close},
    {"ws/close/empty-payload", fault::no_close_reply},
    {"ws/close/one-octet-payload", fault::accept_one_octet_close},
    {"ws/close/code-only", fault::no_close_reply},
    {"ws/close/code-and-reason", fault::no_close_reply},
    {"ws/close/reason-123", fault::no_close_reply},
    {"ws/close/reason-124", fault::accept_long_control},
    {"ws/close/invalid-utf8-reason", fault::accept_invalid_close_reason},
    {"ws/close/code-1000", fault::no_close_reply},
    {"ws/close/code-1001", fault::no_close_reply},
    {"ws/close/code-1002", fault::no_close_reply},
    {"ws/close/code-1003", fault::no_close_reply},
    {"ws/close/code-1007", fault::no_close_reply},
    {"ws/close/code-1008", fault::no_close_reply},
    {"ws/close/code-1009", fault::no_close_reply},
    {"ws/close/code-1010", fault::no_close_reply},
    {"ws/close/code-1011", fault::no_close_reply},
    {"ws/close/code-3000", fault::reject_private_close_codes},
    {"ws/close/code-3999", fault::reject_private_close_codes},
    {"ws/close/code-4000", fault::reject_private_close_codes},
    {"ws/close/code-4999", fault::reject_private_close_codes},
    {"ws/close/code-0", fault::accept_bad_close_code},
    {"ws/close/code-999", fault::accept_bad_close_code},
    {"ws/close/code-1004", fault::accept_bad_close_code},
    {"ws/close/code-1005", fault::accept_bad_close_code},
    {"ws/close/code-1006", fault::accept_bad_close_code},
    {"ws/close/code-1016", fault::accept_bad_close_code},
    {"ws/close/code-1100", fault::accept_bad_close_code},
    {"ws/close/code-2000", fault::accept_bad_close_code},
    {"ws/close/code-2999", fault::accept_bad_close_code},
    {"ws/close/code-5000", fault::no_close_reply},
    {"ws/close/code-65535", fault::no_close_reply},
};

// The listed tests, then one per UTF-8 stress sequence (6.5–6.23) and one per limits
// case (9.x: a wrong echo, text as binary or binary as text, must FAIL them).
std::vector<self_test> all_tests() {
  std::vector<self_test> out(std::begin(listed_tests), std::end(listed_tests));
  std::set<std::string_view> listed;
  for (auto const& t : listed_tests) listed.insert(t.case_id);
  for (auto const& rc : catalogue().all()) {
    auto const id = rc.def->id;
    if (rc.owner->name != "ws" || listed.count(id)) continue;
    if (id.starts_with("ws/utf8/"))
      out.push_back({id, rc.def->title.starts_with("valid") ? fault::text_as_binary : fault::no_utf8_check});
    if (id.starts_with("ws/limits/"))
      out.push_back({id, id.starts_with("ws/limits/text") ? fault::text_as_binary : fault::binary_as_text});
    // permessage-deflate streams (12.x, 13.x): a corrupted echo, or, where the offer asks for
    // server_no_context_takeover, a context kept anyway (the harness then cannot inflate).
    if (id.starts_with("ws/deflate/compressed-") || id.starts_with("ws/deflate/parameters-")) {
      bool const no_takeover = id.find("no-context-takeover") != id.npos || id.find("offer-list") != id.npos;
      out.push_back({id, no_takeover ? fault::keep_compression_context : fault::corrupt_compressed_echo});
    }
  }
  return out;
}

void PrintTo(self_test const& t, std::ostream* os) { *os << t.case_id; }

connector model(fault f) {
  return [f](target const&, connect_request const&, transcript& log, std::chrono::steady_clock::time_point) {
    int const id = log.open_connection("in-memory model WebSocket server");
    return std::make_unique<net::memory_connection>(log, id, std::make_unique<model_server>(f));
  };
}

std::string dump(transcript const& log) {
  std::string out;
  for (auto const& e : log.events()) {
    char const* dir = e.what == transcript_event::kind::sent ? ">>" : e.what == transcript_event::kind::received ? "<<" : "--";
    out += "  [" + std::to_string(e.connection) + "] " + dir + " " + h1::escape(e.data, 300) + "\n";
  }
  return out;
}

case_result run_case(std::string_view id, fault f) {
  auto const* rc = catalogue().find(id);
  if (rc == nullptr) throw std::runtime_error("no case " + std::string(id));
  set_deflate_stream_messages(10);  // 10 of Autobahn's 1000 messages per stream case: seconds, not minutes
  run_settings settings;
  settings.jobs = 1;
  settings.seed = 1;
  runner r(settings, model(f));
  auto t = *parse_target("ws://127.0.0.1:8080/ws").value;
  t.offers.add(capability::websocket);
  t.offers.add(capability::deflate);
  auto result = r.run({t}, {*rc});
  return std::move(result.cases.at(0));
}

class ws_self_test : public ::testing::TestWithParam<self_test> {};

bool is_info(case_result const& r) { return r.which.def->level == requirement_level::info; }

// On the compliant model: PASS (an INFO case may report INFO), and a clean close.
TEST_P(ws_self_test, passes_on_the_compliant_model) {
  auto const r = run_case(GetParam().case_id, fault::none);
  bool const ok = r.status == verdict::pass || (is_info(r) && r.status == verdict::info);
  EXPECT_TRUE(ok) << to_string(r.status) << ": " << r.message << "\n" << dump(r.log);
  if (r.close) {
    EXPECT_EQ(to_string(r.close->verdict), "ok") << r.close->reason;
  }
}

// On the faulty model: FAIL for MUST, WARN for SHOULD; an INFO case reports something
// other than what the compliant model gets (FAIL, or INFO where that one passes).
TEST_P(ws_self_test, fails_on_the_model_breaking_its_rule) {
  auto const r = run_case(GetParam().case_id, GetParam().breaks);
  if (is_info(r)) {
    // The compliant model never FAILs (the other test), so only INFO needs comparing.
    EXPECT_TRUE(r.status == verdict::fail || r.status == verdict::info) << to_string(r.status);
    if (r.status == verdict::info) {
      auto const compliant = run_case(GetParam().case_id, fault::none);
      EXPECT_EQ(to_string(compliant.status), "pass") << r.message << "\n" << dump(r.log);
    }
  } else {
    auto const expected = r.which.def->level == requirement_level::must ? verdict::fail : verdict::warn;
    EXPECT_EQ(to_string(r.status), to_string(expected)) << r.message << "\n" << dump(r.log);
  }
  EXPECT_FALSE(r.message.empty());
}

INSTANTIATE_TEST_SUITE_P(cases, ws_self_test, ::testing::ValuesIn(all_tests()), [](auto const& param_info) {
  std::string name(param_info.param.case_id.substr(3));
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

TEST(ws_self_tests, cover_every_case_exactly_once) {
  std::set<std::string_view> listed;
  for (auto const& t : all_tests()) {
    EXPECT_TRUE(listed.insert(t.case_id).second) << t.case_id << " listed twice";
    EXPECT_NE(catalogue().find(t.case_id), nullptr) << t.case_id << " is not a case";
  }
  for (auto const& rc : catalogue().all())
    if (rc.owner->name == "ws") {
      EXPECT_TRUE(listed.count(rc.def->id)) << rc.def->id << " has no self-test";
    }
}

}  // namespace
}  // namespace conform::websocket::testing
