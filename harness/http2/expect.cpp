#include "harness/http2/expect.hpp"

#include <algorithm>

namespace conform::h2 {
namespace {

bool allowed(std::vector<error_code> const& codes, error_code c) {
  return std::find(codes.begin(), codes.end(), c) != codes.end();
}

judgement judged(judgement::kind k, std::string expected, std::string got) {
  return {k, std::move(expected), std::move(got)};
}

std::string status_of(event const& e) {
  for (auto const& f : e.fields)
    if (f.name == ":status") return f.value;
  return {};
}

}  // namespace

std::string codes_text(std::vector<error_code> const& codes) {
  std::string out;
  for (std::size_t i = 0; i < codes.size(); ++i) out += (i == 0 ? "" : i + 1 == codes.size() ? " or " : ", ") + to_string(codes[i]);
  return out;
}

judgement expect_connection_error(client& c, std::vector<error_code> const& codes) {
  std::string const expected = "GOAWAY with " + codes_text(codes) + ", or the connection closed";
  std::string wrong;  // a GOAWAY with another code, kept while we wait for a better one
  std::string reset;  // a RST_STREAM instead: the error handled as a stream error
  for (;;) {
    event const e = c.wait_for([](frame const& f) { return f.type == frame_type::goaway || f.type == frame_type::rst_stream; });
    if (e.ended()) {
      if (!wrong.empty()) return judged(judgement::kind::wrong_code, expected, wrong + ", then " + describe(e));
      return judged(judgement::kind::closed, expected, describe(e) + " without GOAWAY");
    }
    if (e.what != event::kind::frame) {
      if (!wrong.empty()) return judged(judgement::kind::wrong_code, expected, wrong);
      if (!reset.empty()) return judged(judgement::kind::wrong_scope, expected, reset + ", and the connection stayed open");
      return judged(judgement::kind::missing, expected, describe(e));
    }
    if (e.received.type == frame_type::rst_stream) {
      if (reset.empty()) reset = describe(e);
      continue;
    }
    auto const g = e.received.goaway();
    if (g && allowed(codes, g->code)) return judged(judgement::kind::as_required, expected, describe(e));
    if (wrong.empty()) wrong = describe(e);
  }
}

judgement expect_stream_error(client& c, std::uint32_t stream, std::vector<error_code> const& codes,
                              bool response_allowed) {
  std::string expected = "RST_STREAM on stream " + std::to_string(stream) + " or GOAWAY, with " + codes_text(codes);
  if (response_allowed) expected += ", or a 4xx response";
  std::string response;  // a 4xx answer, while the reset may still come
  // Without response_allowed, a response on the stream answers the valid request that
  // opened it (the error is about a later frame): it is skipped like any other frame.
  auto const relevant = [stream, response_allowed](frame const& f) {
    if (f.type == frame_type::goaway) return true;
    if (f.stream_id != stream) return false;
    if (f.type == frame_type::rst_stream) return true;
    return response_allowed && (f.type == frame_type::headers || (f.type == frame_type::data && f.has(flag::end_stream)));
  };
  for (;;) {
    event const e = c.wait_for(relevant);
    if (e.ended()) return judged(judgement::kind::closed, expected, (response.empty() ? "" : response + ", then ") + describe(e));
    if (e.what != event::kind::frame) {
      if (!response.empty()) return judged(judgement::kind::closed, expected, response + ", and the stream ended");
      return judged(judgement::kind::missing, expected, describe(e));
    }
    auto const& f = e.received;
    if (f.type == frame_type::rst_stream || f.type == frame_type::goaway) {
      auto const code = f.type == frame_type::goaway ? f.goaway()->code : f.rst_code().value_or(error_code::no_error);
      return judged(allowed(codes, code) ? judgement::kind::as_required : judgement::kind::wrong_code, expected, describe(e));
    }
    if (f.type == frame_type::headers) {
      auto const status = status_of(e);
      if (status.empty() || status[0] != '4')
        return judged(judgement::kind::missing, expected, "a " + (status.empty() ? std::string("trailer") : status) + " response on stream " + std::to_string(stream));
      response = "a " + status + " response";
    }
    if (f.has(flag::end_stream) && !response.empty())
      return judged(judgement::kind::closed, expected, response + " that ended the stream");
  }
}

judgement expect_ping_ack(client& c, std::string_view opaque) {
  std::string const expected = "PING with ACK and the same 8 octets";
  c.send(ping(opaque));
  // ACKs of other PINGs (an earlier one the case sent) are skipped.
  event const e = c.wait_for([&](frame const& f) { return f.type == frame_type::ping && f.has(flag::ack) && f.payload == opaque; },
                             [](frame const& f) { return f.type == frame_type::goaway; });
  if (e.is_frame(frame_type::ping)) return judged(judgement::kind::as_required, expected, describe(e));
  return judged(judgement::kind::missing, expected, describe(e));
}

outcome to_outcome(judgement const& j) {
  switch (j.what) {
    case judgement::kind::as_required: return pass();
    case judgement::kind::closed: return pass(j.got);
    case judgement::kind::wrong_code:
      return warn(j.expected, j.got + " (the connection or stream was ended, with another error code than the RFC names)");
    case judgement::kind::wrong_scope:
      return warn(j.expected, j.got + " (the target reset the stream where the RFC asks it to end the connection)");
    case judgement::kind::missing: return violation(j.expected, j.got);
  }
  return violation(j.expected, j.got);
}

}  // namespace conform::h2
