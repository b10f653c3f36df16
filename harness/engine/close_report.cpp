#include "harness/engine/close_report.hpp"

namespace conform {

std::string_view to_string(close_report::grade g) {
  switch (g) {
    case close_report::grade::ok: return "ok";
    case close_report::grade::wrong_code: return "wrong_code";
    case close_report::grade::unclean: return "unclean";
    case close_report::grade::failed: return "failed";
  }
  return "failed";
}

std::string_view to_string(close_report::side s) {
  switch (s) {
    case close_report::side::target: return "target";
    case close_report::side::harness: return "harness";
    case close_report::side::none: return "none";
  }
  return "none";
}

}  // namespace conform
