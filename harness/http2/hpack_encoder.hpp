// The harness's own HPACK encoder (RFC 7541), independent of the reference's. It writes
// header blocks representation by representation, so a case can send exactly the
// encoding it tests, invalid ones included (index 0, an index past the tables, a size
// update in the wrong place, Huffman codes with bad padding or EOS).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conform::h2 {

struct field {
  std::string name;
  std::string value;

  bool operator==(field const&) const = default;
};
using field_list = std::vector<field>;

// How a string literal is written (RFC 7541 §5.2).
enum class coding {
  plain,    // H = 0, the octets as they are
  huffman,  // H = 1, Huffman-coded here
  coded,    // H = 1, the octets given are already "Huffman-coded" (to send invalid codes)
};

// The three literal representations of RFC 7541 §6.2.
enum class literal_kind { incremental, without_indexing, never_indexed };

class hpack_block {
 public:
  hpack_block& indexed(std::uint64_t index);  // §6.1
  hpack_block& literal(literal_kind, std::uint64_t name_index, std::string_view value, coding = coding::plain);
  hpack_block& literal(literal_kind, std::string_view name, std::string_view value, coding = coding::plain);
  hpack_block& size_update(std::uint64_t max_size);  // §6.3
  hpack_block& raw(std::string_view bytes);
  // A field list the plain way: a static-table index for an exact match, else a
  // literal without indexing (with the static name index when there is one). Never
  // touches the dynamic table, so every block stands alone.
  hpack_block& fields(field_list const&);

  std::string const& bytes() const { return out_; }

 private:
  void string_literal(std::string_view text, coding);

  std::string out_;
};

// RFC 7541 §5.1.
void hpack_integer(std::string& out, std::uint8_t flags, int prefix_bits, std::uint64_t value);
// RFC 7541 §5.2 and Appendix B: the code of `text`, padded with ones.
std::string huffman_code_of(std::string_view text);

// A request's header list: pseudo-header fields first, then `extra`.
field_list request_fields(std::string_view method, std::string_view path, std::string_view authority,
                          std::string_view scheme = "http", field_list const& extra = {});

}  // namespace conform::h2
