#include "reports/console_reporter.hpp"

#include <cstdio>

#include "harness/engine/duration.hpp"
#include "reports/byte_text.hpp"
#include "reports/json_report.hpp"
#include "reports/tally.hpp"
#include "reports/transcript_text.hpp"

namespace conform::reports {
namespace {

constexpr std::string_view clear_to_end = "\x1b[K";

// The verdict as a fixed-width word, coloured on a terminal.
std::string verdict_word(verdict v, bool colour) {
  static constexpr std::string_view words[] = {"PASS ", "FAIL ", "WARN ", "INFO ", "SKIP ", "ERROR"};
  static constexpr std::string_view colours[] = {"32", "1;31", "33", "36", "2", "1;35"};
  auto const i = static_cast<std::size_t>(v);
  if (!colour) return std::string(words[i]);
  return "\x1b[" + std::string(colours[i]) + "m" + std::string(words[i]) + "\x1b[0m";
}

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

// Later lines of a message or transcript start under the case id.
std::string indented(std::string_view text, std::string_view indent) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  while (out.ends_with(indent)) out.resize(out.size() - indent.size());
  if (out.ends_with('\n')) out.pop_back();
  return out;
}

}  // namespace

console_reporter::console_reporter(std::ostream& out, bool live, console_verbosity verbosity, std::size_t width)
    : out_(out), live_(live), verbosity_(verbosity), width_(width < 20 ? 20 : width) {}

void console_reporter::run_started(run_info const& info, std::size_t case_count) {
  targets_.clear();
  for (auto const& t : info.targets) targets_.push_back(escape_controls(t.value.url, false));
  total_ = case_count;
  done_ = failed_ = errors_ = 0;
  current_.clear();
  started_ = std::chrono::steady_clock::now();
  if (live_) draw_progress(true);
}

void console_reporter::case_started(registered_case const& which, std::size_t /*target_index*/) {
  current_ = escape_controls(which.def->id, false);
  if (live_) draw_progress(false);
}

void console_reporter::case_finished(case_result const& r) {
  ++done_;
  if (r.status == verdict::fail) ++failed_;
  if (r.status == verdict::error) ++errors_;
  bool const printed = worth_a_line(r.status);
  if (printed) {
    clear_progress();
    out_ << case_line(r) << '\n';
    if (verbosity_ == console_verbosity::verbose && r.status != verdict::pass) {
      auto const text = transcript_text(transcript_json(r.log), r.log.dropped_bytes());
      if (!text.empty()) out_ << "      " << indented(text, "      ") << '\n';
    }
  }
  if (live_) draw_progress(printed);  // a printed line wiped the progress line
}

void console_reporter::run_finished(run_result const& run) {
  clear_progress();
  auto const counts = run.counts();
  out_ << counts.total << " cases: " << counts_phrase(counts) << " in " << format_duration(run.wall) << '\n';
  if (targets_.size() > 1) {
    std::vector<verdict_counts> per_target(targets_.size());
    for (auto const& r : run.cases)
      if (r.target_index < per_target.size()) per_target[r.target_index].add(r.status);
    for (std::size_t i = 0; i < targets_.size(); ++i)
      out_ << "  " << targets_[i] << ": " << per_target[i].total << " cases: " << counts_phrase(per_target[i]) << '\n';
  }
  out_.flush();
}

bool console_reporter::worth_a_line(verdict v) const {
  switch (verbosity_) {
    case console_verbosity::quiet: return v == verdict::fail || v == verdict::error;
    case console_verbosity::normal: return v != verdict::pass;
    case console_verbosity::verbose: return true;
  }
  return true;
}

// FAIL  http1/host/missing (RFC 9112 §3.2): expected 400, got 200 OK
// Every piece may quote a target, so control characters are spelt out, never sent
// to the terminal.
std::string console_reporter::case_line(case_result const& r) const {
  auto const& d = *r.which.def;
  std::string line = verdict_word(r.status, live_) + " " + escape_controls(d.id, false);
  if (targets_.size() > 1 && r.target_index < targets_.size()) line += " @ " + targets_[r.target_index];
  line += " (" + escape_controls(d.section, false) + ")";
  if (!r.message.empty()) line += ": " + indented(escape_controls(r.message, true), "      ");
  return line;
}

// [ 17/40] 1 fail 0 error  0.8 s  http1/host/missing
std::string console_reporter::progress_line() const {
  auto const digits = std::to_string(total_).size();
  char counter[64];
  std::snprintf(counter, sizeof counter, "[%*zu/%zu] %zu fail %zu error  ", static_cast<int>(digits), done_, total_,
                failed_, errors_);
  auto const elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::string line = std::string(counter) + seconds(elapsed) + "  ";
  // One column short of the width, so the terminal never wraps and '\r' reaches the start.
  auto const room = width_ - 1 > line.size() ? width_ - 1 - line.size() : 0;
  if (current_.size() <= room) return line + current_;
  if (room > 3) return line + "..." + current_.substr(current_.size() - (room - 3));
  return line.substr(0, width_ - 1);
}

// At most every 50 ms unless forced: a fast run over a slow terminal (ssh) should not
// spend its time redrawing.
void console_reporter::draw_progress(bool force) {
  auto const now = std::chrono::steady_clock::now();
  if (!force && now - drawn_ < std::chrono::milliseconds(50)) return;
  drawn_ = now;
  out_ << '\r' << progress_line() << clear_to_end;
  out_.flush();
}

void console_reporter::clear_progress() {
  if (live_) out_ << '\r' << clear_to_end;
}

}  // namespace conform::reports
