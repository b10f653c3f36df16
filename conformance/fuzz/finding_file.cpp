#include "conformance/fuzz/finding_file.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <sstream>

namespace conform::fuzz {
namespace {

constexpr std::string_view format_name = "conform-fuzz-finding/1";
constexpr std::array<std::string_view, 4> kind_names = {"crash", "hang", "violation", "disagreement"};

std::string to_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string from_hex(std::string_view hex) {
  if (hex.size() % 2) throw finding_file_error("input_hex has an odd number of digits");
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int const hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) throw finding_file_error("input_hex has a non-hex digit at offset " + std::to_string(i));
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::string_view to_string(finding_kind k) { return kind_names[static_cast<std::size_t>(k)]; }

std::optional<finding_kind> parse_finding_kind(std::string_view text) {
  for (std::size_t i = 0; i < kind_names.size(); ++i)
    if (kind_names[i] == text) return static_cast<finding_kind>(i);
  return std::nullopt;
}

std::string escape_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (c == '\r') out += "\\r";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\\') out += "\\\\";
    else if (c >= 0x20 && c < 0x7f) out += static_cast<char>(c);
    else {
      out += "\\x";
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

std::string to_json_text(finding const& f) {
  nlohmann::ordered_json j;
  j["format"] = format_name;
  j["suite"] = f.suite;
  j["kind"] = to_string(f.kind);
  j["detail"] = f.detail;
  j["input_text"] = escape_bytes(f.input);  // for people; input_hex is what replays
  j["input_hex"] = to_hex(f.input);
  j["original_size"] = f.original_size;
  j["seed"] = f.seed;
  j["iteration"] = f.iteration;
  j["targets"] = f.targets;
  if (!f.responses.empty()) j["responses"] = f.responses;
  return j.dump(2, ' ', true) + "\n";
}

finding parse_finding(std::string_view text) {
  auto const j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw finding_file_error("not a JSON object");
  if (j.value("format", "") != format_name)
    throw finding_file_error("format is not " + std::string(format_name) + " (is it a conform fuzz finding?)");
  auto string_field = [&](char const* name) {
    auto const it = j.find(name);
    if (it == j.end() || !it->is_string()) throw finding_file_error(std::string("missing string field '") + name + "'");
    return it->get<std::string>();
  };
  finding f;
  f.suite = string_field("suite");
  auto const kind = parse_finding_kind(string_field("kind"));
  if (!kind) throw finding_file_error("kind must be crash, hang, violation or disagreement");
  f.kind = *kind;
  f.detail = string_field("detail");
  f.input = from_hex(string_field("input_hex"));
  if (auto it = j.find("original_size"); it != j.end() && it->is_number_unsigned()) f.original_size = it->get<std::size_t>();
  if (auto it = j.find("seed"); it != j.end() && it->is_number_unsigned()) f.seed = it->get<std::uint64_t>();
  if (auto it = j.find("iteration"); it != j.end() && it->is_number_unsigned()) f.iteration = it->get<std::uint64_t>();
  for (char const* name : {"targets", "responses"}) {
    auto const it = j.find(name);
    if (it == j.end()) continue;
    if (!it->is_array()) throw finding_file_error(std::string("'") + name + "' must be an array of strings");
    auto& into = std::string_view(name) == "targets" ? f.targets : f.responses;
    for (auto const& v : *it) {
      if (!v.is_string()) throw finding_file_error(std::string("'") + name + "' must be an array of strings");
      into.push_back(v.get<std::string>());
    }
  }
  return f;
}

std::filesystem::path write_finding(finding const& f, std::filesystem::path const& dir) {
  std::filesystem::create_directories(dir);
  std::ostringstream name;
  name << to_string(f.kind) << '-' << std::hex << (fnv1a(f.input) & 0xffffffffffull) << ".json";
  auto const path = dir / name.str();
  std::ofstream out(path, std::ios::binary);
  out << to_json_text(f);
  if (!out) throw finding_file_error("cannot write " + path.string());
  return path;
}

finding read_finding(std::filesystem::path const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw finding_file_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse_finding(text.str());
  } catch (finding_file_error const& e) {
    throw finding_file_error(path.string() + ": " + e.what());
  }
}

}  // namespace conform::fuzz
