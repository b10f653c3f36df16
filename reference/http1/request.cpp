#include "reference/http1/request.hpp"

namespace conform::reference::http1 {

request::request() {
  // Sized for a typical browser request so the first one does not reallocate.
  text_.reserve(2048);
  fields_.reserve(32);
}

void request::clear() {
  method_ = method::unknown;
  version_ = 11;
  method_text_ = target_ = path_ = query_ = {};
  fields_.clear();
  text_.clear();
  body_.clear();
  content_length.reset();
  chunked = false;
  expect_continue = false;
  keep_alive = true;
}

request::slice request::store(std::string_view s) {
  slice const at{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())};
  text_.append(s);
  return at;
}

request::slice request::slice_of(std::string_view inside_text) const {
  if (inside_text.empty()) return {};
  return {static_cast<std::uint32_t>(inside_text.data() - text_.data()),
          static_cast<std::uint32_t>(inside_text.size())};
}

void request::set_request_line(std::string_view method_text, std::string_view target, int version) {
  method_ = parse_method(method_text);
  method_text_ = store(method_text);
  target_ = store(target);
  version_ = version;
}

void request::add_field(std::string_view name, std::string_view value) {
  fields_.push_back({store(name), store(value)});
}

void request::set_path(std::string_view path, std::string_view query) {
  path_ = slice_of(path);
  query_ = slice_of(query);
}

std::optional<std::string_view> request::find(std::string_view name) const {
  for (auto const& f : fields_) {
    if (iequals(view(f.name), name)) return view(f.value);
  }
  return std::nullopt;
}

std::size_t request::count(std::string_view name) const {
  std::size_t n = 0;
  for (auto const& f : fields_) n += iequals(view(f.name), name) ? 1 : 0;
  return n;
}

}  // namespace conform::reference::http1
