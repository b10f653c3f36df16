// HTTP/1.1 request vectors: the language-neutral, literate-markdown files under
// conformance/vectors/http1/ (format in docs/vectors.md, meta schema in
// conformance/vectors/http1/schema.json). Each vector is one request a server must
// refuse or frame in a stated way; the suite turns every vector into a case, and the
// reference server's parser tests feed every vector whole, split and byte by byte.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/verdict.hpp"

namespace conform::http1 {

// What a server may do with a vector's request; a vector lists the outcomes the RFC
// allows. Anything else breaks the rule at the vector's level, and a desync (the bytes
// after the request read as a different request) always fails.
enum class vector_outcome {
  reject,            // a status from `statuses`, then the connection closed
  reject_open,       // a status from `statuses`, the connection kept and still in step
  frame,             // processed: the body read is `body`, the next request answered intact
  frame_then_close,  // processed as `frame`, and then the connection closed
};

// A piece of a request template: literal bytes, or a placeholder filled per target.
struct vector_piece {
  enum class kind { bytes, host, path };
  kind what = kind::bytes;
  std::string bytes = {};
};

struct request_vector {
  std::string id;            // "http1/smuggling/te-space-before-colon"
  std::string title;         // the vector's heading
  std::string section;       // "RFC 9112 §5.1"
  requirement_level level = requirement_level::must;
  std::string requirement;   // the RFC sentence, quoted
  std::string why;           // the prose between meta and input
  std::vector<vector_outcome> accept;
  std::vector<int> statuses = {400};
  std::optional<std::string> body;  // the body the RFC's framing reads, when it is read
  std::vector<std::string> see_also;
  std::vector<vector_piece> input;
  std::string file;  // "transfer-encoding.md"
  int line = 0;      // of the heading

  bool accepts(vector_outcome o) const;
  // The request bytes for a target: {host} is its authority, {path} the path that
  // carries a body (/echo when the target echoes, else /).
  std::string bytes(std::string_view host, std::string_view path) const;
  // The method, read from the first bytes of the input.
  std::string method() const;
};

// Parses one vector file. Problems are appended to `errors` as "file:line: message";
// vectors with problems are left out.
std::vector<request_vector> parse_vectors(std::string_view text, std::string_view file, std::vector<std::string>& errors);

// Decodes the escapes of a vector's input line (\r \n \t \0 \xHH \\ \{ \}) and its
// placeholders ({host}, {path}).
bool decode_input_line(std::string_view line, std::vector<vector_piece>& out, std::string& error);

std::string_view to_string(vector_outcome);

// Every vector of every embedded file, parsed once; throws std::logic_error naming
// file:line when a file is malformed (a broken vector file is a build defect).
std::vector<request_vector> const& all_vectors();

}  // namespace conform::http1
