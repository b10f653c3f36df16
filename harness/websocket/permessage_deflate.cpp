#include "harness/websocket/permessage_deflate.hpp"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace conform::ws {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<int> window_bits(std::optional<std::string> const& v) {
  if (!v) return std::nullopt;
  int n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc{} || end != v->data() + v->size() || n < 8 || n > 15) return std::nullopt;
  return n;
}

// Checks one response parameter against the offer; fills `a`.
std::string check_param(std::string const& name, std::optional<std::string> const& value, deflate_params const& offer,
                        deflate_agreement& a) {
  auto const flag = [&](bool& into) -> std::string {
    if (value) return name + " carries a value";
    into = true;
    return {};
  };
  if (name == "server_no_context_takeover") return flag(a.server_no_context_takeover);
  if (name == "client_no_context_takeover") return flag(a.client_no_context_takeover);
  if (name == "server_max_window_bits") {
    auto const bits = window_bits(value);
    if (!bits) return "server_max_window_bits without a value from 8 to 15";
    if (offer.server_max_window_bits && *bits > *offer.server_max_window_bits)
      return "server_max_window_bits=" + std::to_string(*bits) + " above the offered " +
             std::to_string(*offer.server_max_window_bits);
    a.server_max_window_bits = *bits;
    return {};
  }
  if (name == "client_max_window_bits") {
    if (!offer.client_max_window_bits) return "client_max_window_bits though the client did not offer it";
    auto const bits = window_bits(value);
    if (!bits) return "client_max_window_bits without a value from 8 to 15";
    if (offer.client_max_window_bits_value && *bits > *offer.client_max_window_bits_value)
      return "client_max_window_bits=" + std::to_string(*bits) + " above the offered value";
    a.client_max_window_bits = *bits;
    return {};
  }
  return "unknown parameter " + name;
}

deflate_params params_of(extension const& e) {
  deflate_params p;
  for (auto const& [name, value] : e.params) {
    if (name == "server_no_context_takeover") p.server_no_context_takeover = true;
    if (name == "client_no_context_takeover") p.client_no_context_takeover = true;
    if (name == "server_max_window_bits") p.server_max_window_bits = window_bits(value);
    if (name == "client_max_window_bits") {
      p.client_max_window_bits = true;
      p.client_max_window_bits_value = window_bits(value);
    }
  }
  return p;
}

}  // namespace

std::vector<extension> parse_extensions(std::vector<std::string_view> const& items) {
  std::vector<extension> out;
  for (auto item : items) {
    extension e;
    std::size_t at = 0;
    bool first = true;
    while (at <= item.size()) {
      auto const semi = std::min(item.find(';', at), item.size());
      auto const part = trim(item.substr(at, semi - at));
      if (first) {
        e.name = std::string(part);
        first = false;
      } else if (!part.empty()) {
        auto const eq = part.find('=');
        std::string name(trim(part.substr(0, eq)));
        std::optional<std::string> value;
        if (eq != std::string_view::npos) {
          auto v = trim(part.substr(eq + 1));
          if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
          value = std::string(v);
        }
        e.params.emplace_back(std::move(name), std::move(value));
      }
      at = semi + 1;
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::string deflate_params::offer() const {
  std::string s = "permessage-deflate";
  if (server_no_context_takeover) s += "; server_no_context_takeover";
  if (client_no_context_takeover) s += "; client_no_context_takeover";
  if (server_max_window_bits) s += "; server_max_window_bits=" + std::to_string(*server_max_window_bits);
  if (client_max_window_bits) {
    s += "; client_max_window_bits";
    if (client_max_window_bits_value) s += "=" + std::to_string(*client_max_window_bits_value);
  }
  return s;
}

namespace {

// Why the accepted extension `e` is not a valid answer to `offer`, or empty.
std::string check_against(extension const& e, deflate_params const& offer) {
  deflate_agreement a;
  std::vector<std::string> seen;
  for (auto const& [name, value] : e.params) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) return "parameter " + name + " repeated";
    seen.push_back(name);
    auto why = check_param(name, value, offer, a);
    if (!why.empty()) return "permessage-deflate response: " + why + " (RFC 7692 §7.1)";
  }
  if (offer.server_no_context_takeover && !a.server_no_context_takeover)
    return "permessage-deflate accepted without the offered server_no_context_takeover (RFC 7692 §7.1.1.1)";
  if (offer.server_max_window_bits && a.server_max_window_bits > *offer.server_max_window_bits)
    return "permessage-deflate accepted without honouring server_max_window_bits (RFC 7692 §7.1.2.1)";
  return {};
}

}  // namespace

// With several offers (a list in order of preference), the response answers one of them.
std::string check_deflate_response(h1::response const& r, std::string_view offer_text) {
  auto const accepted = parse_extensions(h1::list_items(r.fields, "sec-websocket-extensions"));
  if (accepted.empty()) return {};
  if (accepted.size() > 1) return "more than one extension accepted from a single permessage-deflate offer";
  auto const& e = accepted.front();
  if (e.name != "permessage-deflate") return "extension " + e.name + " accepted, which the client did not offer";
  std::vector<h1::field> f{{"x", std::string(offer_text)}};
  auto const offers = parse_extensions(h1::list_items(f, "x"));
  if (offers.empty()) return check_against(e, deflate_params{});
  std::string first_why;
  for (auto const& offer : offers) {
    auto why = check_against(e, params_of(offer));
    if (why.empty()) return {};
    if (first_why.empty()) first_why = std::move(why);
  }
  return first_why;
}

std::optional<deflate_agreement> agreed_deflate(h1::response const& r) {
  auto const accepted = parse_extensions(h1::list_items(r.fields, "sec-websocket-extensions"));
  if (accepted.empty() || accepted.front().name != "permessage-deflate") return std::nullopt;
  deflate_agreement a;
  for (auto const& [name, value] : accepted.front().params) {
    if (name == "server_no_context_takeover") a.server_no_context_takeover = true;
    if (name == "client_no_context_takeover") a.client_no_context_takeover = true;
    if (name == "server_max_window_bits") a.server_max_window_bits = window_bits(value).value_or(15);
    if (name == "client_max_window_bits") a.client_max_window_bits = window_bits(value).value_or(15);
  }
  return a;
}

// zlib refuses an 8-bit window for raw DEFLATE; 9 is the smallest it writes. Data
// compressed with 9 bits never refers further back than 2^9, which an 8-bit peer
// cannot always read, so the harness never offers client_max_window_bits=8.
deflater::deflater(int window_bits, bool no_context_takeover) : z_(new z_stream_s{}), reset_each_(no_context_takeover) {
  if (deflateInit2(z_.get(), Z_DEFAULT_COMPRESSION, Z_DEFLATED, -std::max(9, window_bits), 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
}

deflater::~deflater() { deflateEnd(z_.get()); }

std::string deflater::compress(std::string_view message) {
  std::string out(deflateBound(z_.get(), message.size()) + 16, '\0');
  z_->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(message.data()));
  z_->avail_in = static_cast<uInt>(message.size());
  std::size_t produced = 0;
  do {
    if (produced == out.size()) out.resize(out.size() * 2);
    z_->next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    z_->avail_out = static_cast<uInt>(out.size() - produced);
    deflate(z_.get(), Z_SYNC_FLUSH);
    produced = out.size() - z_->avail_out;
  } while (z_->avail_out == 0);
  out.resize(produced);
  if (out.size() >= 4 && out.ends_with(std::string_view("\0\0\xff\xff", 4))) out.resize(out.size() - 4);
  // zlib writes nothing for an empty message flushed right after another flush; an empty
  // payload would make the peer's appended 00 00 ff ff the start of a stored block. Send
  // the empty stored block's first octet instead (RFC 7692 §7.2.3.6: a single 0x00).
  if (out.empty()) out.push_back('\0');
  if (reset_each_) deflateReset(z_.get());
  return out;
}

inflater::inflater(int window_bits, bool no_context_takeover, std::size_t max_output)
    : z_(new z_stream_s{}), reset_each_(no_context_takeover), max_output_(max_output) {
  // Reading accepts any window up to 15 bits: a smaller one in use is a subset.
  (void)window_bits;
  if (inflateInit2(z_.get(), -15) != Z_OK) throw std::runtime_error("inflateInit2 failed");
}

inflater::~inflater() { inflateEnd(z_.get()); }

bool inflater::decompress(std::string_view payload, std::string& out, std::string& error) {
  std::string input(payload);
  input.append("\0\0\xff\xff", 4);
  z_->next_in = reinterpret_cast<Bytef*>(input.data());
  z_->avail_in = static_cast<uInt>(input.size());
  out.clear();
  char chunk[16384];
  while (z_->avail_in > 0) {
    z_->next_out = reinterpret_cast<Bytef*>(chunk);
    z_->avail_out = sizeof chunk;
    int const rc = inflate(z_.get(), Z_SYNC_FLUSH);
    out.append(chunk, sizeof chunk - z_->avail_out);
    if (rc != Z_OK && rc != Z_BUF_ERROR && rc != Z_STREAM_END) {
      error = std::string("not valid DEFLATE data: ") + (z_->msg ? z_->msg : "zlib error");
      return false;
    }
    if (out.size() > max_output_) {
      error = "a message inflating past " + std::to_string(max_output_) + " octets";
      return false;
    }
    if (rc == Z_STREAM_END || (rc == Z_BUF_ERROR && z_->avail_out != 0)) break;
  }
  if (reset_each_) inflateReset(z_.get());
  return true;
}

}  // namespace conform::ws
