// Live-target fuzzing (`conform fuzz`, DESIGN.md): what one protocol contributes. Seed
// inputs, a grammar-aware mutator, the units minimisation may drop, and one exchange
// with the target judged by the harness's own decoders. The campaign loop,
// minimisation and finding files (campaign.hpp, finding_file.hpp) know no protocol.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/context.hpp"
#include "harness/net/connection.hpp"

namespace conform::fuzz {

// What one exchange showed about the target.
struct observation {
  enum class ending {
    closed,        // the target closed after the input (answering or not)
    reset,         // the target reset the connection
    open,          // still open at the deadline, after we had half-closed
    refused,       // no connection at all
  };
  ending end = ending::closed;
  std::size_t received = 0;  // bytes the target sent back
  // The target reacted to the end of our input (an answer; for HTTP/2 the ACK of our
  // last PING or a GOAWAY): without it, a connection still open is a hang.
  bool answered = false;
  // What came back, as letters. HTTP/1: one per final response, A accepted (status
  // < 400), R refused (4xx/5xx), U switched protocols (101; nothing after it is read);
  // differential mode compares these. Others: a shape of the answer (frame kinds).
  std::string responses = {};
  std::optional<std::string> violation = {};  // the target's own output broke its protocol
  bool announced_close = false;  // its last answer said it would close (Connection: close)
};

std::string_view to_string(observation::ending);

class protocol {
 public:
  virtual ~protocol() = default;
  virtual std::string_view suite() const = 0;
  // Whether observation::responses counts requests, so differential mode can compare
  // framings (HTTP/1); elsewhere it is only a shape that steers the corpus.
  virtual bool counts_requests() const { return false; }
  // Valid (and classic hostile) inputs for this target, the start of every mutation.
  virtual std::vector<std::string> seeds(target const&) const = 0;
  // One to a few grammar-aware changes to `input`; `seeds` may be spliced in.
  virtual std::string mutate(std::string_view input, std::vector<std::string> const& seeds,
                             std::mt19937_64& rng) const = 0;
  // The pieces minimisation tries to drop, in order; concatenated they are `input`.
  virtual std::vector<std::string> units(std::string_view input) const = 0;
  // Sends `input` on a fresh connection, half-closes, reads until the target closes or
  // `deadline` passes. Throws net::connect_error when the target cannot be reached.
  virtual observation exchange(std::string_view input, target const&, connector const&, transcript&,
                               std::chrono::milliseconds deadline) const = 0;
  // A fresh connection and one valid exchange: is the target still serving? Empty when
  // it is, else why not ("connection refused", "no answer within 2s").
  virtual std::string health(target const&, connector const&, transcript&, std::chrono::milliseconds deadline) const = 0;
};

// How a connection ended, from the read that found no more bytes (eof: closed,
// timeout: still open, anything else: reset).
observation::ending ending_of(net::io_status);
// A connection for a health check; null, with `why` saying so, when it was refused.
std::unique_ptr<net::connection> health_connection(target const&, connector const&, connect_request const&,
                                                   transcript&, std::chrono::steady_clock::time_point until,
                                                   std::string& why);

// The protocol of `suite` ("http1"); null when conform cannot fuzz it.
std::unique_ptr<protocol> make_protocol(std::string_view suite);
std::vector<std::string_view> fuzzable_suites();

}  // namespace conform::fuzz
