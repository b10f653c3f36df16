#include "conformance/hpack/suite.hpp"

#include "conformance/http2/suite.hpp"
#include "harness/engine/target.hpp"

namespace conform::hpack {

suite make_suite() {
  return {
      .name = "hpack",
      .description = "HPACK header compression as an HTTP/2 server decodes it (RFC 7541)",
      .tables = {representation_cases(), decoding_error_cases(), dynamic_table_cases()},
      .applies_to = [](target const& t) { return t.scheme == "http" || t.scheme == "https"; },
      .probe = http2::probe,
  };
}

}  // namespace conform::hpack
