// A small XML 1.0 well-formedness check for the tests: nesting, attribute quoting,
// entity references, and no character XML forbids. Enough for what render_junit writes
// (no comments, CDATA or DTD), with no dependency to install.
#pragma once

#include <string>
#include <string_view>

namespace conform::reports::testing {

// Empty when `xml` is well-formed, else the first problem and its byte offset.
std::string xml_problem(std::string_view xml);

// Runs Python's xml.dom.minidom over `xml` when python3 is installed: empty when it
// parses or python3 is absent, else python's complaint.
std::string python_xml_problem(std::string_view xml);

}  // namespace conform::reports::testing
