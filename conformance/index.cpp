#include "conformance/index.hpp"

#include "conformance/http1/suite.hpp"
#include "conformance/websocket/suite.hpp"

namespace conform {

registry const& catalogue() {
  static registry const all({
      http1::make_suite(),
      websocket::make_suite(),
  });
  return all;
}

}  // namespace conform
