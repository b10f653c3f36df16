// Verifiers shared by the HTTP/1.1 cases. Each accepts every outcome the RFC allows and
// says, in "expected …, got …" form, what happened otherwise.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/outcome.hpp"
#include "harness/http1/client.hpp"

namespace conform {
class context;
}

namespace conform::http1 {

// A request with Host set to the target's authority.
h1::request make_request(context& cx, std::string_view method, std::string_view path,
                         std::string_view version = "HTTP/1.1");

// The canary sent after a framing probe: `GET /`, whose lone answer is the baseline.
h1::request canary(context& cx);
// The status a lone `GET /` gets on a fresh connection (0 if it got none).
int baseline_status(context& cx);

// A request the RFC says must be refused with one of `statuses` (and, when
// `then_close`, the connection closed after it). `also` lists statuses tolerated as
// refusals too, with the reason given in the pass note.
struct refusal {
  std::vector<int> statuses = {400};
  bool then_close = true;
  std::vector<int> also = {};
  std::string_view also_why = {};
};

std::string describe(refusal const&);
outcome expect_refusal(h1::client& c, h1::reply const& r, refusal const& rule);
// Sends `r` on a new connection and judges the answer with `rule`.
outcome expect_refusal(context& cx, h1::request const& r, refusal const& rule = {});

// RFC 9112 §2.2, the rule for any request that does not match the message grammar.
inline constexpr std::string_view grammar_rule =
    "When a server listening only for HTTP request messages, or processing what appears from the start-line to be an "
    "HTTP request message, receives a sequence of octets that does not match the HTTP-message grammar aside from the "
    "robustness exceptions listed above, the server SHOULD respond with a 400 (Bad Request) response and close the "
    "connection.";

// RFC 9112 §3: "Recipients of an invalid request-line SHOULD respond with either a 400
// (Bad Request) error or a 301 (Moved Permanently) redirect".
inline refusal const invalid_request_line_refusal{.statuses = {400, 301}, .then_close = false};

// `r` answered exactly as a lone GET / is: the target read it as intended.
outcome expect_served(context& cx, h1::request const& r, std::string_view what);

// A framing probe: `probe` and the canary written together, so a target that frames
// the probe's body differently from the RFC answers the canary wrongly or not at all.
struct framing_result {
  enum class kind {
    refused_and_closed,  // first answer is a refusal, then the connection closed
    refused_kept_open,   // a refusal, and the canary was answered as a lone GET / is
    // Another error (405, 404, 413…) and then the connection closed: the target may
    // never have read the body, so the framing under test went unexercised.
    other_error_and_closed,
    processed_and_closed,
    processed,           // answered, and the canary too, intact
    desync,              // the canary's answer shows the probe was framed otherwise
    no_answer,           // nothing within the read timeout
    closed_silently,     // closed or reset without any response
    malformed,           // the first answer could not be read as a response
  };
  kind what = kind::no_answer;
  h1::reply first;
  std::optional<h1::reply> second;
  std::string story;  // what happened, in words, for "got …"

  bool refused() const { return what == kind::refused_and_closed || what == kind::refused_kept_open; }
  bool closed() const {
    return what == kind::refused_and_closed || what == kind::other_error_and_closed || what == kind::processed_and_closed;
  }
};

framing_result probe_framing(context& cx, h1::request const& probe, std::vector<int> refusals = {400});
// The same for a probe written byte for byte (a request vector).
framing_result probe_framing(context& cx, std::string_view probe, std::string_view method, std::vector<int> const& refusals);

// SKIP for a probe the target answered with an unrelated error before (perhaps without)
// reading its body, then closed: the rule under test was never exercised.
outcome unexercised(framing_result const& f);

// The verdict for the common rule "refuse with 400 (or `also`) and close; anything
// else — above all a desync — breaks it".
outcome expect_refused_framing(framing_result const& f, std::string_view expected = "400 and then the connection closed");

// Where to send a request with a body: /echo when the target offers it (so the case
// can also check the body it read), else /.
std::string body_path(context& cx);

// The value the target says it received for field `name`, from a /headers response
// ({"headers": [["Name", "value"], …]}); empty when the body does not say.
std::optional<std::string> received_field(h1::response const& headers_response, std::string_view name);

// The probe's body was read as `expected` (checked when the target echoes) and the
// canary answered intact, or the connection closed after the answer.
outcome expect_body_framed(context& cx, framing_result const& f, std::string_view expected);

// Whether a status is among `list`.
bool one_of(int status, std::vector<int> const& list);

}  // namespace conform::http1
