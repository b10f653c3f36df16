#include "conformance/index.hpp"

#include "conformance/hpack/suite.hpp"
#include "conformance/http1/suite.hpp"
#include "conformance/http2/suite.hpp"
#include "conformance/rpc/suite.hpp"
#include "conformance/tls/suite.hpp"
#include "conformance/websocket/suite.hpp"

namespace conform {

registry const& catalogue() {
  static registry const all({
      http1::make_suite(),
      http2::make_suite(),
      hpack::make_suite(),
      tls_suite::make_suite(),
      websocket::make_suite(),
      rpc_suite::make_suite(),
  });
  return all;
}

}  // namespace conform
