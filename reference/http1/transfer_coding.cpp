#include "reference/http1/transfer_coding.hpp"

#include "reference/http1/ascii.hpp"

namespace conform::reference::http1 {

void transfer_coding_list::add(std::string_view field_value) {
  present_ = true;
  for_each_list_element(field_value, [this](std::string_view coding) {
    // transfer-coding = token *( OWS ";" OWS transfer-parameter ); chunked has no
    // parameters, so "chunked;x=1" is not chunked but unparsable.
    std::size_t const semicolon = coding.find(';');
    std::string_view const name = trim_ows(coding.substr(0, semicolon));
    if (!is_token(name)) {
      malformed_ = true;
      return;
    }
    last_is_chunked_ = iequals(name, "chunked");
    if (last_is_chunked_) {
      ++chunked_;
      if (semicolon != std::string_view::npos) malformed_ = true;
    } else {
      other_ = true;
    }
  });
  // A field line with no coding at all ("Transfer-Encoding:" or ", ,") frames nothing.
  if (trim_ows(field_value).find_first_not_of(", \t") == std::string_view::npos) malformed_ = true;
}

violation transfer_coding_list::verdict() const {
  if (!present_) return violation::none;
  if (malformed_) return violation::te_invalid;
  if (chunked_ > 1) return violation::te_chunked_twice;
  if (!last_is_chunked_) return violation::te_not_chunked_final;
  if (other_) return violation::te_unsupported;
  return violation::none;
}

}  // namespace conform::reference::http1
