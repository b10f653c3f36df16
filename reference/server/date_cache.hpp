// The Date field value of now, formatted once per second per thread. Connections keep
// a view of text(), which is rewritten in place, so they never format dates themselves.
#pragma once

#include <ctime>
#include <string_view>

#include "reference/http1/http_date.hpp"

namespace conform::reference {

class date_cache {
 public:
  date_cache() { refresh(); }
  std::string_view text() const { return {text_, sizeof text_}; }
  void refresh() {
    std::time_t const now = std::time(nullptr);
    if (now == second_) return;
    second_ = now;
    http1::format_http_date(now, text_);
  }

 private:
  char text_[29] = {};
  std::time_t second_ = -1;
};

}  // namespace conform::reference
