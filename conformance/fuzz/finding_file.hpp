// A finding of `conform fuzz`, minimised, as a replayable JSON file
// (format conform-fuzz-finding/1, docs/fuzzing.md): `conform replay FILE --target URL`
// sends its input again and says whether the finding still shows.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace conform::fuzz {

enum class finding_kind {
  crash,         // the target stopped accepting connections
  hang,          // the target neither answered nor closed within the deadline
  violation,     // the target's output broke its protocol
  disagreement,  // differential mode: targets framed the same bytes differently
};

std::string_view to_string(finding_kind);
std::optional<finding_kind> parse_finding_kind(std::string_view);

struct finding {
  finding_kind kind = finding_kind::violation;
  std::string suite = {};
  std::string detail = {};             // one line: what was seen
  std::string input = {};              // the minimised bytes
  std::size_t original_size = 0;       // before minimisation
  std::uint64_t seed = 0;              // the campaign's seed
  std::uint64_t iteration = 0;         // where the campaign found it
  std::vector<std::string> targets = {};    // URLs
  std::vector<std::string> responses = {};  // per target (differential), "AA", "R"
};

class finding_file_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string to_json_text(finding const&);
finding parse_finding(std::string_view json_text);  // throws finding_file_error
// Writes DIR/<kind>-<hash of input>.json and returns its path.
std::filesystem::path write_finding(finding const&, std::filesystem::path const& dir);
finding read_finding(std::filesystem::path const&);  // throws finding_file_error

// Bytes as a person reads them: printable ASCII as is, \r \n \t \\ and \xHH otherwise.
std::string escape_bytes(std::string_view);

}  // namespace conform::fuzz
