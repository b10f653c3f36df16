// Properties of the harness's permessage-deflate codec (RFC 7692 §7.2): every message
// compressed under any agreement (window bits, context takeover either way) inflates back
// to itself, in order, through our inflater and through zlib used directly; the trailing
// 00 00 ff ff is never sent (§7.2.1); and the inflater's output cap holds.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <zlib.h>

#include <random>
#include <string>
#include <vector>

#include "harness/websocket/permessage_deflate.hpp"

namespace conform {
namespace {

// Messages that compress well (repeats of a short alphabet) and badly (random octets),
// so both stored and Huffman-coded DEFLATE blocks occur.
rc::Gen<std::string> message_gen() {
  return rc::gen::oneOf(
      rc::gen::container<std::string>(rc::gen::element('a', 'b', ' ', '{', '"')),
      rc::gen::map(rc::gen::pair(rc::gen::inRange<std::size_t>(0, 70000), rc::gen::arbitrary<std::uint32_t>()),
                   [](std::pair<std::size_t, std::uint32_t> const& p) {
                     std::mt19937 fill(p.second);
                     std::string s(p.first, '\0');
                     for (auto& c : s) c = static_cast<char>(fill());
                     return s;
                   }));
}

// Inflates a whole connection's payloads with zlib directly, as RFC 7692 §7.2.2 says:
// each payload with 00 00 ff ff appended, one raw stream across messages.
std::vector<std::string> zlib_inflate_all(std::vector<std::string> const& payloads, int window_bits, bool reset_each) {
  std::vector<std::string> out;
  z_stream z{};
  RC_ASSERT(inflateInit2(&z, -window_bits) == Z_OK);
  for (auto const& p : payloads) {
    if (reset_each) inflateReset(&z);
    std::string in = p + std::string("\x00\x00\xff\xff", 4);
    z.next_in = reinterpret_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    std::string msg;
    char buf[16384];
    int rc = Z_OK;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_SYNC_FLUSH);
      msg.append(buf, sizeof buf - z.avail_out);
    } while (rc == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
    out.push_back(msg);
  }
  inflateEnd(&z);
  return out;
}

RC_GTEST_PROP(DeflateProperties, MessagesRoundTripUnderAnyAgreement, ()) {
  // zlib cannot write a raw stream with window bits 8 (it silently uses 9), so a
  // compressor never takes 8; an inflater with the window it agreed reads it back.
  auto const bits = *rc::gen::inRange(9, 16);
  auto const no_takeover = *rc::gen::arbitrary<bool>();
  auto const messages = *rc::gen::container<std::vector<std::string>>(*rc::gen::inRange<std::size_t>(1, 6), message_gen());
  ws::deflater d(bits, no_takeover);
  ws::inflater i(bits, no_takeover, 1 << 20);
  std::vector<std::string> payloads;
  for (auto const& m : messages) {
    auto const p = d.compress(m);
    RC_ASSERT(!(p.size() >= 4 && p.compare(p.size() - 4, 4, std::string("\x00\x00\xff\xff", 4)) == 0));
    std::string got, error;
    RC_ASSERT(i.decompress(p, got, error));
    RC_ASSERT(error.empty());
    RC_ASSERT(got == m);
    payloads.push_back(p);
  }
  // With context takeover, zlib reads the same payloads as one stream; without, each
  // payload stands alone, so zlib with a fresh state per message reads them too.
  RC_ASSERT(zlib_inflate_all(payloads, 15, no_takeover) == messages);
}

RC_GTEST_PROP(DeflateProperties, InflaterHoldsItsOutputCap, ()) {
  auto const message = *message_gen();
  auto const cap = *rc::gen::inRange<std::size_t>(0, 80000);
  ws::deflater d(15, true);
  ws::inflater i(15, true, cap);
  std::string got, error;
  bool const ok = i.decompress(d.compress(message), got, error);
  // On refusal it stops within one 16 KiB inflate chunk past the cap.
  RC_ASSERT(got.size() <= cap + 16384);
  RC_ASSERT(ok == (message.size() <= cap));
  if (ok) RC_ASSERT(got == message);
  else RC_ASSERT(!error.empty());
}

RC_GTEST_PROP(DeflateProperties, InflaterRejectsOrReadsAnyOctetsWithinItsCap, (std::string const& junk)) {
  // A hostile peer's payload: the inflater either reads it within the cap or names why not.
  ws::inflater i(15, false, 4096);
  std::string got, error;
  bool const ok = i.decompress(junk, got, error);
  RC_ASSERT(got.size() <= 4096u + 16384u);
  if (ok) RC_ASSERT(got.size() <= 4096u);
  RC_ASSERT(ok == error.empty());
}

}  // namespace
}  // namespace conform
