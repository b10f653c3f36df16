// Fuzz target: the reference Cap'n Web peer — message parser, evaluator and tables —
// serving the test interface. Lines of the input are messages; everything the session
// answers must be a JSON array starting with a message type.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "reference/rpc/session.hpp"
#include "reference/rpc/test_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  namespace rpc = conform::reference::rpc;
  std::string_view in(reinterpret_cast<char const*>(data), size);
  rpc::session s(rpc::make_test_target());
  while (!in.empty() && !s.aborted()) {
    auto const nl = in.find('\n');
    s.receive(in.substr(0, nl));
    in.remove_prefix(nl == std::string_view::npos ? in.size() : nl + 1);
    for (auto const& out : s.take_output()) {
      auto const j = nlohmann::json::parse(out, nullptr, false);
      if (j.is_discarded() || !j.is_array() || j.empty() || !j[0].is_string()) std::abort();
    }
  }
  return 0;
}
