// Files compiled into the binary at build time (reports/cmake/embed_files.cmake writes
// the definitions from reports/html/), so rendering needs nothing from disk.
#pragma once

#include <string_view>

namespace conform::reports {

// The content of the embedded file `name` ("report.html"), or empty if there is none.
std::string_view embedded_file(std::string_view name);

}  // namespace conform::reports
