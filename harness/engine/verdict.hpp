// Requirement levels (from the RFC's own words) and the verdicts a case can reach.
#pragma once

#include <optional>
#include <string_view>

namespace conform {

// How strongly the RFC asks for what a case checks (RFC 2119 keywords), or INFO for
// cases that measure without judging.
enum class requirement_level { must, should, may, info };

// PASS: the rule held. FAIL: a MUST broken. WARN: a SHOULD broken. INFO: measured,
// no judgement. SKIP: not applicable to this target (with the reason). ERROR: the
// harness could not run the case (refused, timed out connecting, internal error).
enum class verdict { pass, fail, warn, info, skip, error };

inline constexpr verdict all_verdicts[] = {verdict::pass, verdict::fail, verdict::warn,
                                           verdict::info, verdict::skip, verdict::error};

std::string_view to_string(requirement_level);  // "MUST", "SHOULD", "MAY", "INFO"
std::string_view to_string(verdict);            // "pass", "fail", ... (lowercase, as in report.json)
std::optional<requirement_level> parse_level(std::string_view);
std::optional<verdict> parse_verdict(std::string_view);

}  // namespace conform
