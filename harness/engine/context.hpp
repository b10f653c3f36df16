// What a case body sees: the target, its time budget, a seeded random source, the
// transcript, and a way to open connections. It never sees a socket: connections come
// from the connector the runner (real TCP/TLS) or a self-test (scripted peer) supplies.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/target.hpp"
#include "harness/engine/transcript.hpp"

namespace conform {

namespace net {
class connection;
}

struct case_def;

struct connect_request {
  std::vector<std::string> alpn;  // protocols to offer over TLS
  bool raw_tcp = false;  // TLS targets too: TCP only, the case drives TLS itself (conformance/tls)
};

// Opens a connection to `target` and records it in `log`; throws net::connect_error.
using connector = std::function<std::unique_ptr<net::connection>(
    target const&, connect_request const&, transcript& log, std::chrono::steady_clock::time_point deadline)>;

struct timing {
  std::chrono::milliseconds case_timeout{10'000};  // a whole case must end within this
  std::chrono::milliseconds read_timeout{2'000};   // how long to wait for any one answer
};

class context {
 public:
  using clock = std::chrono::steady_clock;

  context(target const& t, case_def const& c, transcript& log, connector const& connect, timing times,
          std::uint64_t seed);

  target const& target_info() const { return target_; }
  case_def const& current_case() const { return case_; }
  transcript& log() { return log_; }
  std::mt19937_64& rng() { return rng_; }
  std::uint64_t seed() const { return seed_; }

  clock::time_point deadline() const { return deadline_; }
  std::chrono::milliseconds read_timeout() const { return times_.read_timeout; }
  // now + read_timeout, but never past the case's deadline.
  clock::time_point read_deadline() const;
  // now + d, but never past the case's deadline.
  clock::time_point deadline_in(std::chrono::milliseconds d) const;

  std::unique_ptr<net::connection> connect(connect_request const& request = {});
  void note(std::string_view text) { log_.note(0, text); }

 private:
  target const& target_;
  case_def const& case_;
  transcript& log_;
  connector const& connect_;
  timing times_;
  std::uint64_t seed_;
  std::mt19937_64 rng_;
  clock::time_point deadline_;
};

// A seed for one case of one run: stable for a given run seed, case id and target, so
// a case replays the same whatever else runs beside it.
std::uint64_t case_seed(std::uint64_t run_seed, std::string_view case_id, std::size_t target_index);

}  // namespace conform
