// The generated corpora of the permessage-deflate cases (see deflate_corpora.hpp).
// JSON and HTML stay ASCII so that any cut of them is valid UTF-8 (they are sent as
// text); the German text (umlauts included), bitmap and PDF are sent as binary.
#include "conformance/websocket/deflate_corpora.hpp"

#include <array>
#include <cstdint>
#include <random>

namespace conform::websocket {
namespace {

constexpr std::size_t corpus_size = 288 * 1024;

template <std::size_t N>
std::string_view pick(std::mt19937& rng, std::array<std::string_view, N> const& words) {
  return words[rng() % N];
}

std::string json() {
  std::mt19937 rng(12);
  constexpr std::array<std::string_view, 6> names = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
  constexpr std::array<std::string_view, 4> tags = {"\"red\"", "\"green\"", "\"blue\"", "\"amber\""};
  std::string out = "[";
  for (int id = 0; out.size() < corpus_size; ++id)
    out += "{\"id\": " + std::to_string(id) + ", \"name\": \"" + std::string(pick(rng, names)) + "-" +
           std::to_string(rng() % 1000) + "\", \"active\": " + (rng() % 2 ? "true" : "false") + ", \"score\": " +
           std::to_string(rng() % 10000) + "." + std::to_string(rng() % 100) + ", \"tags\": [" +
           std::string(pick(rng, tags)) + ", " + std::string(pick(rng, tags)) + "]},\n";
  return out;
}

// A 512-pixel-wide 1-bit image: a header, then rows of smooth shapes with some noise.
std::string bitmap() {
  std::mt19937 rng(12 * 2);
  std::string out = "BM\x36\x04\x04\x00\x00\x00\x00\x00\x3e\x00\x00\x00\x28\x00\x00\x00";
  for (std::size_t row = 0; out.size() < corpus_size; ++row)
    for (std::size_t col = 0; col < 64; ++col) {
      auto const d = (row / 16 + col / 4) % 7;
      std::uint8_t octet = d < 3 ? 0x00 : d < 5 ? 0xff : static_cast<std::uint8_t>(0xaa >> (row % 2));
      if (rng() % 29 == 0) octet ^= static_cast<std::uint8_t>(1u << (rng() % 8));
      out.push_back(static_cast<char>(octet));
    }
  return out;
}

std::string german_text() {
  std::mt19937 rng(12 * 3);
  constexpr std::array<std::string_view, 16> words = {
      "Habe",   "nun,",  "ach!",   "Philosophie,", "Juristerei", "und",       "Medizin,",   "leider",
      "auch",   "Theologie", "durchaus", "studiert,", "mit",    "heißem",    "Bemühn.",    "Tor!"};
  constexpr std::array<std::string_view, 3> speakers = {"\nFAUST.\n", "\nMEPHISTOPHELES.\n", "\nGRETCHEN.\n"};
  std::string out;
  while (out.size() < corpus_size) {
    out += pick(rng, speakers);
    for (int line = 0, lines = 1 + static_cast<int>(rng() % 6); line < lines; ++line) {
      for (int w = 0, n = 4 + static_cast<int>(rng() % 5); w < n; ++w) out += std::string(pick(rng, words)) + " ";
      out += "\n";
    }
  }
  return out;
}

std::string html() {
  std::mt19937 rng(12 * 4);
  constexpr std::array<std::string_view, 5> tags = {"p", "div", "span", "li", "td"};
  constexpr std::array<std::string_view, 6> words = {"protocol", "frame", "message", "server", "client", "octet"};
  std::string out = "<!DOCTYPE html>\n<html><head><title>Reference</title></head><body>\n";
  while (out.size() < corpus_size) {
    auto const tag = std::string(pick(rng, tags));
    out += "<" + tag + " class=\"c" + std::to_string(rng() % 12) + "\"><a href=\"/doc/" + std::to_string(rng() % 500) +
           ".html\">";
    for (int w = 0, n = 3 + static_cast<int>(rng() % 8); w < n; ++w) out += std::string(pick(rng, words)) + " ";
    out += "</a></" + tag + ">\n";
  }
  return out;
}

// Text objects around streams of poorly compressible octets, as in a real PDF.
std::string pdf() {
  std::mt19937 rng(12 * 5);
  std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  for (int obj = 1; out.size() < corpus_size; ++obj) {
    auto const length = 200 + rng() % 1800;
    out += std::to_string(obj) + " 0 obj\n<< /Length " + std::to_string(length) +
           " /Filter /FlateDecode >>\nstream\n";
    for (std::size_t i = 0; i < length; ++i) out.push_back(static_cast<char>(rng() & 0xff));
    out += "\nendstream\nendobj\n";
  }
  return out;
}

}  // namespace

std::string const& corpus_text(corpus c) {
  static std::array<std::string, 5> const all = {json(), bitmap(), german_text(), html(), pdf()};
  return all[static_cast<std::size_t>(c)];
}

std::string_view corpus_message(corpus c, std::size_t index, std::size_t size) {
  std::string_view const text = corpus_text(c);
  if (size >= text.size()) return text;
  // A prime step: successive cuts land all over the corpus.
  auto const at = (index * 7919) % (text.size() - size + 1);
  return text.substr(at, size);
}

}  // namespace conform::websocket
