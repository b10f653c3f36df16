#include "conformance/http1/suite.hpp"

#include "harness/engine/target.hpp"

namespace conform::http1 {

suite make_suite() {
  suite s{
      .name = "http1",
      .description = "HTTP/1.1 message syntax, framing and routing (RFC 9112) and origin-server rules (RFC 9110)",
      .tables =
          {
              request_line_cases(),
              request_target_cases(),
              field_cases(),
              content_length_cases(),
              transfer_encoding_cases(),
              chunked_cases(),
              persistence_cases(),
              head_cases(),
              no_content_cases(),
              response_cases(),
              representation_cases(),
              expect_cases(),
              conditional_cases(),
              range_cases(),
              upgrade_cases(),
              options_cases(),
              limits_cases(),
          },
      .applies_to = [](target const& t) { return t.scheme == "http" || t.scheme == "https"; },
      .probe = probe,
  };
  for (auto table : vector_tables()) s.tables.push_back(table);
  return s;
}

}  // namespace conform::http1
