// Deterministic stand-ins for the five corpora Autobahn|Testsuite compresses in its
// groups 12 and 13 (RFC 7692 permessage-deflate): a JSON data file, a 1-bit bitmap, a
// German play, an HTML page and a PDF. Generated, not shipped: each has its
// original's kind (text or binary) and character (how repetitive, which octets), and
// is large enough to cut Autobahn's largest message (131072 octets) from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conform::websocket {

enum class corpus { json, bitmap, german_text, html, pdf };

// The corpus, about 288 KiB; generated once (thread-safe).
std::string const& corpus_text(corpus c);

// Message `index` of `size` octets cut from `c`: consecutive messages start at
// different places, so each one is new data but shares the corpus's vocabulary.
std::string_view corpus_message(corpus c, std::size_t index, std::size_t size);

}  // namespace conform::websocket
