// The vector reader: escapes, placeholders, defaults, and a clear file:line for every
// problem a broken vector file can have.
#include <gtest/gtest.h>

#include "conformance/http1/vectors.hpp"

namespace conform::http1 {
namespace {

constexpr std::string_view good = R"(# Topic

<!-- defaults={"rfc": "RFC 9112 §6.3", "level": "MUST", "requirement": "A requirement.", "accept": ["reject"]} -->

## First

<!-- meta={"id": "http1/t/first", "statuses": [400, 413], "body": "x"} -->

Why it matters.

```http
POST {path} HTTP/1.1\r\n
Host: {host}\r\n
X: \x00\t\\\{\}\0\r\n
\r\n
```

<!-- defaults={"rfc": "RFC 9110 §5.5", "level": "MAY", "requirement": "Another.", "accept": ["frame", "reject-open"]} -->

## Second

<!-- meta={"id": "http1/t/second"} -->

```http
GET / HTTP/1.1\r\n
```
)";

TEST(vectors_parser, reads_meta_defaults_escapes_and_placeholders) {
  std::vector<std::string> errors;
  auto const v = parse_vectors(good, "t.md", errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].id, "http1/t/first");
  EXPECT_EQ(v[0].line, 5);
  EXPECT_EQ(v[0].why, "Why it matters.");
  EXPECT_EQ(v[0].statuses, (std::vector<int>{400, 413}));
  EXPECT_EQ(v[0].body, "x");
  EXPECT_EQ(v[0].method(), "POST");
  EXPECT_EQ(v[0].bytes("h:1", "/echo"), std::string("POST /echo HTTP/1.1\r\nHost: h:1\r\nX: \0\t\\{}\0\r\n\r\n", 45));
  // The second defaults line replaces the first: no statuses or body carried over.
  EXPECT_EQ(v[1].level, requirement_level::may);
  EXPECT_EQ(v[1].statuses, (std::vector<int>{400}));
  EXPECT_FALSE(v[1].body);
  EXPECT_TRUE(v[1].accepts(vector_outcome::reject_open));
  EXPECT_FALSE(v[1].accepts(vector_outcome::reject));
}

TEST(vectors_parser, names_file_and_line_of_each_problem) {
  struct bad_case {
    std::string_view text, expected;
  };
  bad_case const cases[] = {
      {"## A\n\n```http\nx\n```\n", "t.md:1: vector has no <!-- meta={...} --> line"},
      {"## A\n<!-- meta={\"id\": \"http1/a\", \"level\": \"OUGHT\"} -->\n", "t.md:2: 'level' must be MUST, SHOULD or MAY"},
      {"## A\n<!-- meta={\"id\": \"http1/a\", \"colour\": 1} -->\n", "t.md:2: unknown meta key 'colour'"},
      {"## A\n<!-- meta={not json} -->\n", "t.md:2: not valid JSON"},
      {"## A\n<!-- meta={\"id\": \"http1/a\"} -->\n```http\nGET \\q\n```\n", "t.md:4: unknown escape \\q at column 5"},
      {"## A\n<!-- meta={\"id\": \"http1/a\"} -->\n```http\n{other}\n```\n", "t.md:4: unknown placeholder at column 1 (write \\{ for a literal brace)"},
      {"## A\n<!-- meta={\"id\": \"http1/a\"} -->\n```http\nx\n", "t.md:5: input block not closed"},
      {"## A\n<!-- meta={\"id\": \"Bad Id\", \"rfc\": \"RFC 1 §1\", \"requirement\": \"r\", \"accept\": [\"reject\"]} -->\n```http\nx\n```\n",
       "t.md:1: id 'Bad Id' is not an http1/ slug of [a-z0-9-/.]"},
      {"## A\n<!-- meta={\"id\": \"http1/a\", \"statuses\": [200]} -->\n", "t.md:2: 'statuses' holds 200, not a 3xx, 4xx or 5xx status"},
  };
  for (auto const& c : cases) {
    std::vector<std::string> errors;
    auto const v = parse_vectors(c.text, "t.md", errors);
    EXPECT_TRUE(v.empty()) << c.text;
    ASSERT_FALSE(errors.empty()) << c.text;
    EXPECT_EQ(errors.front(), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace conform::http1
