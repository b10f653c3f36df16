// The model server's /bytes/{n}: validators (ETag, Last-Modified), the preconditions of
// RFC 9110 §13.2.2 in their order, and byte ranges (§14) — each deviation behind the
// fault that names it.
#include "conformance/http1/tests/scripted_server.hpp"
#include "conformance/http1/tests/scripted_text.hpp"
#include "harness/http1/http_date.hpp"

namespace conform::http1::testing {
namespace {

constexpr std::string_view last_modified = "Sat, 01 Jun 2024 00:00:00 GMT";

struct byte_range {
  std::size_t first = 0, last = 0;
};

// "bytes=a-b, c-, -n" for a representation of `size`: the satisfiable ranges; nullopt
// when the header is not a bytes range set (ignored, RFC 9110 §14.2).
std::optional<std::vector<byte_range>> parse_ranges(std::string_view v, std::size_t size, bool any_unit) {
  auto const eq = v.find('=');
  if (eq == std::string_view::npos || (!any_unit && !iequal(trim(v.substr(0, eq)), "bytes"))) return std::nullopt;
  std::vector<byte_range> out;
  for (auto spec : split(v.substr(eq + 1), ',')) {
    spec = trim(spec);
    auto const dash = spec.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto num = [](std::string_view d) -> std::optional<std::size_t> {
      if (d.empty() || d.size() > 15) return std::nullopt;
      std::size_t n = 0;
      for (char c : d) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
      }
      return n;
    };
    auto const a = num(spec.substr(0, dash)), b = num(spec.substr(dash + 1));
    if (!a && b) {  // suffix
      if (*b > 0 && size > 0) out.push_back({size - std::min(*b, size), size - 1});
    } else if (a && (b || spec.substr(dash + 1).empty())) {
      if (b && *b < *a) return std::nullopt;
      if (*a < size) out.push_back({*a, std::min(b.value_or(size - 1), size - 1)});
    } else {
      return std::nullopt;
    }
  }
  return out;
}

bool etag_matches(std::string_view list, std::string_view etag, bool weak, bool star_works) {
  for (auto item : split(list, ',')) {
    item = trim(item);
    if (item == "*") return star_works;
    if (weak && item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
  }
  return false;
}

}  // namespace

scripted_server::response scripted_server::bytes_resource(request const& req, std::size_t n) const {
  response r;
  std::string const etag = is(fault::unquoted_etag) ? "model-" + std::to_string(n) : "\"model-" + std::to_string(n) + "\"";
  auto const lm = *h1::parse_imf_fixdate(last_modified);
  bool const star = !is(fault::star_not_matched);
  auto date_of = [&](std::string_view name) { return req.field(name) ? h1::parse_imf_fixdate(*req.field(name)) : std::nullopt; };

  auto const if_match = req.field("if-match");
  if (if_match && !is(fault::ignore_if_match) && !etag_matches(*if_match, etag, is(fault::weak_compare_for_match), star)) {
    r.status = 412, r.body = "precondition failed\n";
    return r;
  }
  if (!if_match && !is(fault::ignore_if_unmodified_since)) {
    if (auto ius = date_of("if-unmodified-since"); ius && lm > *ius) {
      r.status = 412, r.body = "precondition failed\n";
      return r;
    }
  }
  auto const if_none_match = req.field("if-none-match");
  bool not_modified = if_none_match && !is(fault::ignore_if_none_match) &&
                      etag_matches(*if_none_match, etag, !is(fault::strong_compare_for_none_match), star);
  if ((!if_none_match || is(fault::modified_since_with_none_match)) && !is(fault::ignore_if_modified_since) && req.field("if-modified-since")) {
    auto const ims = date_of("if-modified-since");
    if (ims && (lm <= *ims || is(fault::if_modified_since_not_compared))) not_modified = true;
    if (!ims && is(fault::invalid_if_modified_since_304)) not_modified = true;
  }
  if (!not_modified || !is(fault::drop_etag_on_304)) r.fields.emplace_back("ETag", etag);
  r.fields.emplace_back("Last-Modified", is(fault::rfc850_last_modified) ? "Saturday, 01-Jun-24 00:00:00 GMT"
                                         : is(fault::future_last_modified) ? "Mon, 01 Jun 2099 00:00:00 GMT"
                                                                            : std::string(last_modified));
  if (not_modified) {
    r.status = 304, r.no_content = true;
    return r;
  }
  std::string content;
  for (std::size_t i = 0; i < n; ++i) content += static_cast<char>('a' + i % 26);
  r.fields.emplace_back("Accept-Ranges", "bytes");
  range_response(req, etag, content, r);
  return r;
}

void scripted_server::range_response(request const& req, std::string_view etag, std::string const& content, response& r) const {
  auto const range = req.field("range");
  auto const if_range = req.field("if-range");
  bool const use_range = range && !(if_range && is(fault::ignore_range_with_if_range)) &&
                         !(if_range && *if_range != etag && !is(fault::ignore_if_range));
  auto const ranges = use_range ? parse_ranges(*range, content.size(), is(fault::any_range_unit)) : std::nullopt;
  std::string const total = "/" + std::to_string(content.size());
  if (!ranges) {
    r.body = content;
    r.fields.emplace_back("Content-Type", "application/octet-stream");
  } else if (ranges->empty()) {
    r.status = 416, r.body = "range not satisfiable\n";
    if (!is(fault::unsatisfiable_without_content_range)) r.fields.emplace_back("Content-Range", "bytes *" + total);
  } else if (ranges->size() == 1) {
    auto const shift = is(fault::range_off_by_one) ? 1u : 0u;
    auto const [first, last] = ranges->front();
    r.status = 206, r.body = content.substr(first + shift, last - first + 1);
    r.fields.emplace_back("Content-Type", "application/octet-stream");
    r.fields.emplace_back("Content-Range", "bytes " + std::to_string(first + shift) + "-" + std::to_string(last + shift) + total);
  } else {
    r.status = 206;
    r.fields.emplace_back("Content-Type", "multipart/byteranges; boundary=model-boundary");
    for (auto const& part : *ranges) {
      r.body += "--model-boundary\r\nContent-Type: application/octet-stream\r\n";
      if (!is(fault::multipart_without_content_range))
        r.body += "Content-Range: bytes " + std::to_string(part.first) + "-" + std::to_string(part.last) + total + "\r\n";
      r.body += "\r\n" + content.substr(part.first, part.last - part.first + 1) + "\r\n";
    }
    r.body += "--model-boundary--\r\n";
  }
}

}  // namespace conform::http1::testing
