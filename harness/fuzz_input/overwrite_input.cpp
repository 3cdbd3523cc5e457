// overwrite_fuzzer's byte format: maps a and b (b's layout by a mode byte),
// ops on both and ow in both directions and onto itself.

#include <algorithm>

#include "fuzz_input/input_reading.hpp"

namespace hashmap_mem::harness::fuzz_input {

namespace {

// Map b's layout: mostly a's key and value sizes (so ow runs), sometimes
// other alignments (equal or different bucket_size) or anything at all.
// `mirrored`: b is a's byte-identical copy; every put and del goes to both.
LayoutArgs decode_second_layout(ByteReader& in, const LayoutArgs& a, bool& mirrored) {
    const std::uint8_t mode = in.byte();
    LayoutArgs b = a;
    mirrored = false;
    if (mode < 128) {
        b.logical_limit = decode_limit(in);
    } else if (mode < 192) {
        mirrored = mode >= 160;  // otherwise identical layouts
    } else if (mode < 224) {
        b = decode_alignments(a, in.byte());
        b.logical_limit = decode_limit(in);
    } else {
        b = decode_layout(in);
    }
    return b;
}

}  // namespace

void decode_overwrite(ByteReader& in, Script& s) {
    const LayoutArgs layout_a = decode_layout(in);
    bool mirrored = false;
    const LayoutArgs layout_b = decode_second_layout(in, layout_a, mirrored);
    // One cluster in both maps: homes are masked, so the bigger capacity's
    // cluster is a cluster in the smaller map too.
    const std::uint32_t pool_capacity =
        std::max(capacity_of(layout_a.logical_limit), capacity_of(layout_b.logical_limit));
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, pool_capacity);
    MapState maps[2] = {make_map(in, "a", layout_a, pool_capacity, home, home_byte, 0),
                        make_map(in, "b", layout_b, pool_capacity, home, home_byte, 1)};
    s.new_map(maps[0]);
    s.new_map(maps[1]);
    for (std::size_t n = 0; n < max_ops(pool_capacity) && !in.done(); ++n) {
        const std::uint8_t b = in.byte();
        const std::uint8_t arg = b & 31;
        MapState& m = maps[arg & 1];
        switch (b >> 5) {
            case 0:
            case 1:
            case 2:
                s.keyed(b >> 5 == 2 ? OpKind::Del : OpKind::Put, m, in.byte());
                if (mirrored) s.again_on(maps[(arg & 1) ^ 1]);
                break;
            case 3: s.keyed((arg & 2) != 0 ? OpKind::Has : OpKind::Get, m, in.byte()); break;
            case 4:
            case 5: s.ow(m, (arg & 6) == 6 ? m : maps[(arg & 1) ^ 1]); break;  // a<-b, b<-a; a quarter onto itself
            case 6:
                if ((arg & 2) != 0) s.on_map(OpKind::Check, m);
                else s.on_map(OpKind::Scan, m);
                break;
            default:
                // A fresh map with another limit: limits below the other's
                // element_count make ow refuse.
                m.layout.logical_limit = 1u + in.byte() % 64u;
                m.capacity = capacity_of(m.layout.logical_limit);
                mirrored = false;
                s.new_map(m);
                break;
        }
    }
}

}  // namespace hashmap_mem::harness::fuzz_input
