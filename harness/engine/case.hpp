// The case model: one conformance case is metadata plus a short body (DESIGN.md §3).
// Cases live in explicit per-topic tables that a per-suite index lists; nothing
// registers itself.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "harness/engine/capability.hpp"
#include "harness/engine/outcome.hpp"
#include "harness/engine/verdict.hpp"

namespace conform {

class context;
struct target;

using case_body = outcome (*)(context&);

struct case_def {
  std::string_view id = {};           // stable slug, never a position: "http1/host/missing"
  std::string_view section = {};      // RFC edition and clause: "RFC 9112 §3.2"
  requirement_level level = requirement_level::must;  // from the RFC's own words
  std::string_view title = {};        // one line a server author understands
  std::string_view requirement = {};  // the RFC sentence, quoted
  std::vector<std::string_view> see_also = {};  // equivalents elsewhere: "h2spec:http2/6.5.3/2"
  capabilities needs = {};       // what the target must offer, else SKIP
  bool exclusive = false;        // runs alone (limits, large payloads)
  bool heavy = false;            // only with --heavy (long or load-generating)
  case_body run = nullptr;
};

// What a suite learns about a target before its cases run: the capabilities it found
// and how (one note per probe, kept in the report).
struct probe_report {
  capabilities found;
  std::vector<std::string> notes;
};

struct suite {
  std::string_view name = {};         // "http1"; also the first segment of every case id
  std::string_view description = {};
  std::vector<std::span<const case_def>> tables = {};
  bool (*applies_to)(target const&) = nullptr;  // e.g. http1 runs on http:// and https://
  probe_report (*probe)(context&) = nullptr;    // finds which capabilities the target offers
};

}  // namespace conform
