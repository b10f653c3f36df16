#include "reports/file_reporter.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include <unistd.h>

#include "reports/badge.hpp"
#include "reports/html.hpp"
#include "reports/json_report.hpp"
#include "reports/junit.hpp"
#include "reports/markdown.hpp"

namespace conform::reports {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct format_entry {
  report_format format;
  std::string_view name;
  std::string_view file;
  std::string (*render)(json const&);
};

std::string render_json_text(json const& report) {
  return report.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

constexpr format_entry format_table[] = {
    {report_format::json, "json", "report.json", render_json_text},
    {report_format::html, "html", "report.html", render_html},
    {report_format::junit, "junit", "junit.xml", render_junit},
    {report_format::md, "md", "summary.md", render_markdown},
    {report_format::badge, "badge", "badge.svg", nullptr},  // several files: render_badges
};

format_entry const& entry(report_format f) {
  return *std::find_if(std::begin(format_table), std::end(format_table),
                       [&](format_entry const& e) { return e.format == f; });
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string quoted(fs::path const& p) { return "'" + p.string() + "'"; }

// A temporary name beside the target, unique within this process and across
// processes, so two runs writing one directory never share a temporary.
fs::path temporary_beside(fs::path const& file) {
  static std::atomic<unsigned> counter{0};
  return file.parent_path() /
         ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// Temporary file and rename: readers see the old file or the whole new one.
void write_atomically(fs::path const& file, std::string const& content) {
  auto const temp = temporary_beside(file);
  {
    errno = 0;
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (out) out.close();
    if (!out) {
      auto const reason = errno != 0 ? std::string(std::strerror(errno)) : std::string("write failed");
      std::error_code ignored;
      fs::remove(temp, ignored);
      throw report_write_error("cannot write report " + quoted(file) + ": " + reason);
    }
  }
  std::error_code ec;
  fs::rename(temp, file, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw report_write_error("cannot write report " + quoted(file) + ": " + ec.message());
  }
}

}  // namespace

std::string_view to_string(report_format f) { return entry(f).name; }
std::string_view file_name(report_format f) { return entry(f).file; }

std::vector<report_format> parse_formats(std::string_view list) {
  std::vector<report_format> out;
  auto const add = [&](report_format f) {
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  };
  while (true) {
    auto const comma = list.find(',');
    auto const name = trimmed(list.substr(0, comma));
    if (name == "all") {
      for (auto f : all_report_formats) add(f);
    } else {
      auto it = std::find_if(std::begin(format_table), std::end(format_table),
                             [&](format_entry const& e) { return e.name == name; });
      if (it == std::end(format_table)) {
        auto const what = name.empty() ? std::string("an empty report format") : "unknown report format '" + std::string(name) + "'";
        throw std::invalid_argument(what + " (choose from json, html, junit, md, badge, or all)");
      }
      add(it->format);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<fs::path> write_reports(json const& report, fs::path const& dir, std::vector<report_format> const& formats) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw report_write_error("cannot create report directory " + quoted(dir) + ": " + ec.message());
  if (!fs::is_directory(dir, ec)) throw report_write_error("report directory " + quoted(dir) + " is not a directory");
  std::vector<fs::path> written;
  for (auto f : formats) {
    if (f == report_format::badge) {
      for (auto const& badge : render_badges(report)) {
        write_atomically(dir / badge.name, badge.svg);
        written.push_back(dir / badge.name);
      }
      continue;
    }
    auto const file = dir / file_name(f);
    write_atomically(file, entry(f).render(report));
    written.push_back(file);
  }
  return written;
}

file_reporter::file_reporter(fs::path dir, std::vector<report_format> formats)
    : dir_(std::move(dir)), formats_(std::move(formats)) {}

void file_reporter::run_finished(run_result const& run) { written_ = write_reports(to_json(run), dir_, formats_); }

}  // namespace conform::reports
