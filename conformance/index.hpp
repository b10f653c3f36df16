// The catalogue of every suite conform knows, in the order `conform list` shows them.
#pragma once

#include "harness/engine/registry.hpp"

namespace conform {

registry const& catalogue();

}  // namespace conform
