#include "harness/http2/hpack_inflater.hpp"

#include <nghttp2/nghttp2.h>

#include <new>

namespace conform::h2 {

hpack_inflater::hpack_inflater() {
  if (nghttp2_hd_inflate_new(&inflater_) != 0) throw std::bad_alloc();
}

hpack_inflater::~hpack_inflater() { nghttp2_hd_inflate_del(inflater_); }

void hpack_inflater::set_max_table_size(std::size_t size) { nghttp2_hd_inflate_change_table_size(inflater_, size); }

inflate_result hpack_inflater::inflate(std::string_view block) {
  inflate_result out;
  if (broken_) {
    out.error = "an earlier header block could not be decoded";
    return out;
  }
  auto const* in = reinterpret_cast<std::uint8_t const*>(block.data());
  std::size_t left = block.size();
  for (;;) {
    nghttp2_nv nv{};
    int flags = 0;
    auto const used = nghttp2_hd_inflate_hd2(inflater_, &nv, &flags, in, left, 1);
    if (used < 0) {
      broken_ = true;
      out.error = std::string("HPACK decoding failed: ") + nghttp2_strerror(static_cast<int>(used));
      return out;
    }
    in += used;
    left -= static_cast<std::size_t>(used);
    if (flags & NGHTTP2_HD_INFLATE_EMIT) {
      out.fields.push_back({std::string(reinterpret_cast<char const*>(nv.name), nv.namelen),
                            std::string(reinterpret_cast<char const*>(nv.value), nv.valuelen)});
    }
    if (flags & NGHTTP2_HD_INFLATE_FINAL) {
      nghttp2_hd_inflate_end_headers(inflater_);
      return out;
    }
    if (used == 0 && left == 0) return out;
  }
}

}  // namespace conform::h2
