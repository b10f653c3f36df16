// The report template's files by name, from the table cmake/embed_text.cmake generates.
#include "reports/embedded_files.hpp"

#include <string>
#include <utility>
#include <vector>

namespace conform::reports {

std::vector<std::pair<std::string_view, std::string>> const& embedded_files();

std::string_view embedded_file(std::string_view name) {
  for (auto const& [file, text] : embedded_files())
    if (file == name) return text;
  return {};
}

}  // namespace conform::reports
