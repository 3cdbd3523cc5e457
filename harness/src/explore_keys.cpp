// Found once by searching FxHash64 preimages (SPEC §4): for each wanted home
// in turn, the smallest little-endian integer of key_size bytes, not yet
// taken, whose home at the capacity is that one (a throwaway script; the
// homes are re-derived by harness/tests/explore_keys_test.cpp with both the
// core's and the checker's hash). Small integers keep failure scripts
// readable. 1-byte and 8-byte keys of the same integer hash alike (one step of
// FxHash over the same word), so their sets agree; 3-byte keys take a 2-byte
// and a 1-byte step.
//
// Wanted homes per capacity (window = capacity up to 8, 32 at 64):
//   1:  0 0 0                 two keys fill the table and probe past it
//   2:  1 1 0 0               a collision at the last bucket wraps to 0
//   4:  3 3 0 1 2 3           the same, then every home, then a third at 3
//   8:  7 7 0 1 2 3 4 5 6 7   the same at 8
//   64: 63 63 62 60 58 56 63 57 59 61   homes in the last 8 buckets only
#include "hashmap_mem_harness/explore_keys.hpp"

namespace hashmap_mem::harness {

const std::vector<ExploreKeySet>& explore_key_sets() {
    static const std::vector<ExploreKeySet> sets = {
        {1, 1, {{"01", 0}, {"02", 0}, {"03", 0}}},
        {1, 2, {{"02", 1}, {"04", 1}, {"01", 0}, {"03", 0}}},
        {1, 4, {{"04", 3}, {"05", 3}, {"01", 0}, {"02", 1}, {"03", 2}, {"0a", 3}}},
        {1, 8, {{"05", 7}, {"0a", 7}, {"11", 0}, {"02", 1}, {"09", 2}, {"04", 3}, {"01", 4}, {"0d", 5}, {"03", 6}, {"0f", 7}}},
        {1, 64, {{"14", 63}, {"4f", 63}, {"28", 62}, {"01", 60}, {"3d", 58}, {"16", 56}, {"9e", 63}, {"02", 57}, {"15", 59}, {"3c", 61}}},
        {3, 1, {{"010000", 0}, {"020000", 0}, {"030000", 0}}},
        {3, 2, {{"010000", 1}, {"040000", 1}, {"020000", 0}, {"030000", 0}}},
        {3, 4, {{"080000", 3}, {"0d0000", 3}, {"030000", 0}, {"010000", 1}, {"020000", 2}, {"100000", 3}}},
        {3, 8, {{"080000", 7}, {"0d0000", 7}, {"030000", 0}, {"0c0000", 1}, {"020000", 2}, {"130000", 3}, {"0b0000", 4}, {"010000", 5}, {"120000", 6}, {"100000", 7}}},
        {3, 64, {{"b40000", 63}, {"ca0000", 63}, {"1a0000", 62}, {"460000", 60}, {"600000", 58}, {"1e0000", 56}, {"cf0000", 63}, {"4a0000", 57}, {"fa0000", 59}, {"040000", 61}}},
        {8, 1, {{"0100000000000000", 0}, {"0200000000000000", 0}, {"0300000000000000", 0}}},
        {8, 2, {{"0200000000000000", 1}, {"0400000000000000", 1}, {"0100000000000000", 0}, {"0300000000000000", 0}}},
        {8, 4, {{"0400000000000000", 3}, {"0500000000000000", 3}, {"0100000000000000", 0}, {"0200000000000000", 1},
                {"0300000000000000", 2}, {"0a00000000000000", 3}}},
        {8, 8, {{"0500000000000000", 7}, {"0a00000000000000", 7}, {"1100000000000000", 0}, {"0200000000000000", 1},
                {"0900000000000000", 2}, {"0400000000000000", 3}, {"0100000000000000", 4}, {"0d00000000000000", 5},
                {"0300000000000000", 6}, {"0f00000000000000", 7}}},
        {8, 64, {{"1400000000000000", 63}, {"4f00000000000000", 63}, {"2800000000000000", 62}, {"0100000000000000", 60},
                 {"3d00000000000000", 58}, {"1600000000000000", 56}, {"9e00000000000000", 63}, {"0200000000000000", 57},
                 {"1500000000000000", 59}, {"3c00000000000000", 61}}},
    };
    return sets;
}

std::vector<Bytes> explore_keys(std::uint32_t key_size, std::uint32_t capacity, std::size_t count) {
    for (const ExploreKeySet& set : explore_key_sets()) {
        if (set.key_size != key_size || set.capacity != capacity || set.keys.size() < count) continue;
        std::vector<Bytes> keys;
        for (std::size_t i = 0; i < count; ++i) keys.push_back(*from_hex(set.keys[i].hex));
        return keys;
    }
    return {};
}

}  // namespace hashmap_mem::harness
