#include "reference/hpack/rfc7541_4_dynamic_table.hpp"

#include "reference/hpack/header_field.hpp"
#include "reference/hpack/rfc7541_tables.hpp"

namespace conform::reference::hpack {

void dynamic_table::add(std::string name, std::string value) {
  std::size_t const needed = entry_size(name, value);
  if (needed > max_size_) {
    evict_to(0);
    return;
  }
  evict_to(max_size_ - needed);
  size_ += needed;
  entries_.push_front({std::move(name), std::move(value)});
}

void dynamic_table::set_max_size(std::size_t max_size) {
  max_size_ = max_size;
  evict_to(max_size_);
}

void dynamic_table::evict_to(std::size_t limit) {
  while (size_ > limit) {
    size_ -= entry_size(entries_.back().name, entries_.back().value);
    entries_.pop_back();
  }
}

std::optional<table_entry> lookup(dynamic_table const& table, std::uint64_t index) {
  if (index == 0) return std::nullopt;
  if (index <= static_table_size) {
    auto const& e = static_table[static_cast<std::size_t>(index - 1)];
    return table_entry{std::string(e.name), std::string(e.value)};
  }
  std::uint64_t const position = index - static_table_size - 1;
  if (position >= table.count()) return std::nullopt;
  return table.at(static_cast<std::size_t>(position));
}

index_match find(dynamic_table const& table, std::string_view name, std::string_view value) {
  index_match match;
  for (std::size_t i = 0; i < static_table_size; ++i) {
    if (static_table[i].name != name) continue;
    if (static_table[i].value == value) return {i + 1, i + 1};
    if (match.name_only == 0) match.name_only = i + 1;
  }
  for (std::size_t i = 0; i < table.count(); ++i) {
    auto const& e = table.at(i);
    if (e.name != name) continue;
    std::size_t const index = static_table_size + 1 + i;
    if (e.value == value) return {index, match.name_only ? match.name_only : index};
    if (match.name_only == 0) match.name_only = index;
  }
  return match;
}

}  // namespace conform::reference::hpack
