// RFC 7541 §2.3 and §4: the index address space (static then dynamic) and the dynamic
// table, a FIFO bounded by a size in octets, newest entry first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace conform::reference::hpack {

struct table_entry {
  std::string name;
  std::string value;
};

class dynamic_table {
 public:
  explicit dynamic_table(std::size_t max_size = 4096) : max_size_(max_size) {}

  // §4.4: evicts from the end until the entry fits; an entry larger than the maximum
  // empties the table and is not added.
  void add(std::string name, std::string value);
  // §4.3: a new maximum evicts what no longer fits.
  void set_max_size(std::size_t max_size);

  std::size_t size() const { return size_; }
  std::size_t max_size() const { return max_size_; }
  std::size_t count() const { return entries_.size(); }
  // 0 is the newest entry.
  table_entry const& at(std::size_t position) const { return entries_[position]; }

 private:
  void evict_to(std::size_t limit);

  std::deque<table_entry> entries_;
  std::size_t size_ = 0;
  std::size_t max_size_;
};

// §2.3.3: index 1..61 is the static table, 62.. the dynamic table; nullopt beyond both.
std::optional<table_entry> lookup(dynamic_table const&, std::uint64_t index);

// The best index for a field: `full` when name and value match, else `name_only`
// when just the name does (0 = none). Used by the encoder.
struct index_match {
  std::size_t full = 0;
  std::size_t name_only = 0;
};
index_match find(dynamic_table const&, std::string_view name, std::string_view value);

}  // namespace conform::reference::hpack
