// Derived at first use, with the checker's FxHash64 (SPEC §4): for each
// wanted home in turn, the smallest little-endian integer of key_size bytes,
// not yet taken, whose home at the capacity is that one. Small integers keep
// failure scripts readable; explore/explore_keys_test.cpp re-derives
// every home with the core's hash and checks each set's shape. 1-byte and
// 8-byte keys of the same integer hash alike (one step over the same word),
// so their sets agree; 3-byte keys are three byte steps.
//
// Wanted homes per capacity (window = capacity up to 8, 32 at 64):
//   1:  0 0 0                 two keys fill the table and probe past it
//   2:  1 1 0 0               a collision at the last bucket wraps to 0
//   4:  3 3 0 1 2 3           the same, then every home, then a third at 3
//   8:  7 7 0 1 2 3 4 5 6 7   the same at 8
//   64: 63 63 62 60 58 56 63 57 59 61   homes in the last 8 buckets only
#include "explore_keys.hpp"

#include <set>

#include "oracle/spec_hash.hpp"

namespace hashmap_mem::harness {
namespace {

struct WantedHomes {
    std::uint32_t capacity;
    std::vector<std::uint32_t> homes;
};

ExploreKeySet derive_set(std::uint32_t key_size, const WantedHomes& wanted) {
    ExploreKeySet set{key_size, wanted.capacity, {}};
    std::set<std::uint64_t> taken;
    const std::uint64_t end = key_size >= 8 ? ~std::uint64_t{0} : std::uint64_t{1} << (8 * key_size);
    for (const std::uint32_t home : wanted.homes) {
        for (std::uint64_t n = 1; n < end; ++n) {
            Bytes key(key_size, 0);
            for (std::uint32_t i = 0; i < key_size && i < 8; ++i) key[i] = static_cast<std::uint8_t>(n >> (8 * i));
            if (taken.count(n) != 0 || spec_home(spec_fxhash64(key.data(), key.size()), wanted.capacity) != home) continue;
            taken.insert(n);
            set.keys.push_back({to_hex(key), home});
            break;
        }
    }
    return set;
}

}  // namespace

const std::vector<ExploreKeySet>& explore_key_sets() {
    static const std::vector<ExploreKeySet> sets = [] {
        const std::vector<WantedHomes> wanted = {
            {1, {0, 0, 0}},
            {2, {1, 1, 0, 0}},
            {4, {3, 3, 0, 1, 2, 3}},
            {8, {7, 7, 0, 1, 2, 3, 4, 5, 6, 7}},
            {64, {63, 63, 62, 60, 58, 56, 63, 57, 59, 61}},
        };
        std::vector<ExploreKeySet> out;
        for (const std::uint32_t key_size : {1u, 3u, 8u})
            for (const WantedHomes& w : wanted) out.push_back(derive_set(key_size, w));
        return out;
    }();
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
