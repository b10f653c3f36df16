#include "reports/tests/xml_check.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include "reports/tests/temp_dir.hpp"

namespace conform::reports::testing {
namespace {

bool forbidden(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':';
}

class checker {
 public:
  explicit checker(std::string_view xml) : s_(xml) {}

  std::string run() {
    if (s_.starts_with("<?xml")) pos_ = s_.find("?>") + 2;
    while (error_.empty() && pos_ < s_.size()) {
      if (s_[pos_] == '<') tag();
      else text();
    }
    if (error_.empty() && !open_.empty()) fail("unclosed <" + open_.back() + ">");
    if (error_.empty() && roots_ != 1) fail("expected one root element");
    return error_;
  }

 private:
  void fail(std::string what) {
    if (error_.empty()) error_ = what + " at byte " + std::to_string(pos_);
  }

  // Character data or an attribute value up to `stop`.
  void characters(char stop) {
    while (pos_ < s_.size() && s_[pos_] != stop && s_[pos_] != '<') {
      if (forbidden(static_cast<unsigned char>(s_[pos_]))) return fail("forbidden control character");
      if (s_.substr(pos_).starts_with("]]>")) return fail("']]>' in character data");
      if (s_[pos_] == '&') {
        static std::regex const entity("^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");
        auto const rest = std::string(s_.substr(pos_, 16));
        std::smatch m;
        if (!std::regex_search(rest, m, entity)) return fail("bad entity reference");
        pos_ += static_cast<std::size_t>(m.length(0));
        continue;
      }
      ++pos_;
    }
  }

  void text() {
    auto const start = pos_;
    characters('<');
    if (open_.empty() && s_.substr(start, pos_ - start).find_first_not_of(" \t\r\n") != std::string_view::npos)
      fail("text outside the root element");
  }

  std::string name() {
    auto const start = pos_;
    while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
    if (pos_ == start) fail("expected a name");
    return std::string(s_.substr(start, pos_ - start));
  }

  void spaces() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
  }

  void tag() {
    ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '/') {
      ++pos_;
      auto const n = name();
      spaces();
      if (open_.empty() || open_.back() != n) return fail("</" + n + "> does not close the open element");
      open_.pop_back();
      if (pos_ >= s_.size() || s_[pos_] != '>') return fail("expected '>'");
      ++pos_;
      return;
    }
    auto const n = name();
    if (open_.empty()) ++roots_;
    while (error_.empty()) {
      spaces();
      if (s_.substr(pos_).starts_with("/>")) return void(pos_ += 2);
      if (pos_ < s_.size() && s_[pos_] == '>') return open_.push_back(n), void(++pos_);
      name();
      if (pos_ + 1 >= s_.size() || s_[pos_] != '=' || s_[pos_ + 1] != '"') return fail("expected =\"");
      pos_ += 2;
      characters('"');
      if (pos_ >= s_.size() || s_[pos_] != '"') return fail("'<' or end inside an attribute value");
      ++pos_;
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::vector<std::string> open_;
  int roots_ = 0;
  std::string error_;
};

}  // namespace

std::string xml_problem(std::string_view xml) { return checker(xml).run(); }

std::string python_xml_problem(std::string_view xml) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) return {};
  temp_dir dir;
  auto const file = dir.path() / "junit.xml";
  auto const out = dir.path() / "python.txt";
  std::ofstream(file, std::ios::binary) << xml;
  auto const command = "python3 -c \"import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])\" '" +
                       file.string() + "' >'" + out.string() + "' 2>&1";
  if (std::system(command.c_str()) == 0) return {};
  std::stringstream complaint;
  complaint << std::ifstream(out).rdbuf();
  return "python3 xml.dom.minidom: " + complaint.str();
}

}  // namespace conform::reports::testing
