// Small harness units: IMF-fixdate reading and writing, --param values.
#include <gtest/gtest.h>

#include "harness/engine/params.hpp"
#include "harness/http1/http_date.hpp"

namespace conform {
namespace {

TEST(http_date, reads_the_rfc_example_and_writes_it_back) {
  auto const t = h1::parse_imf_fixdate("Sun, 06 Nov 1994 08:49:37 GMT");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, 784111777);
  EXPECT_EQ(h1::format_imf_fixdate(*t), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(h1::format_imf_fixdate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(h1::format_imf_fixdate(951782400), "Tue, 29 Feb 2000 00:00:00 GMT");
}

TEST(http_date, round_trips_every_day_for_sixty_years) {
  for (std::int64_t day = 0; day < 60 * 366; ++day) {
    auto const s = h1::format_imf_fixdate(day * 86400 + 3661);
    ASSERT_EQ(h1::parse_imf_fixdate(s), day * 86400 + 3661) << s;
  }
}

TEST(http_date, refuses_other_forms_and_impossible_dates) {
  for (auto bad : {"Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Mon, 06 Nov 1994 08:49:37 GMT",
                   "Sun, 06 Nov 1994 08:49:37 UTC", "Thu, 31 Feb 2000 00:00:00 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                   "not a date", ""})
    EXPECT_FALSE(h1::parse_imf_fixdate(bad)) << bad;
}

TEST(params, defaults_settings_and_clear_errors) {
  param_values p;
  EXPECT_EQ(p.get("http1.many_fields"), 5000u);
  EXPECT_FALSE(p.set("http1.many_fields=12"));
  EXPECT_EQ(p.get("http1.many_fields"), 12u);
  EXPECT_EQ(p.set("http1.many_fields"), "--param 'http1.many_fields': expected KEY=VALUE");
  EXPECT_NE(p.set("nope=1")->find("unknown key 'nope'"), std::string::npos);
  EXPECT_NE(p.set("http1.many_fields=-1")->find("not a whole number"), std::string::npos);
  EXPECT_NE(p.set("http1.many_fields=")->find("not a whole number"), std::string::npos);
}

}  // namespace
}  // namespace conform
