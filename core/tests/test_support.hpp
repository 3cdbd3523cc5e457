// Helpers for the core unit tests: a map in a heap block of exactly
// total_size bytes (so ASan flags any access past it), keys with a chosen home
// bucket (to force clusters, from harness/key_pool), and bucket-status diagrams such as "O T E E".
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "hashmap_mem/hashmap_mem.hpp"
#include "keys/key_pool.hpp"

namespace hashmap_mem::test {

using Bytes = std::vector<std::uint8_t>;

struct TestMap {
    Bytes block;  // exactly total_size bytes

    std::uint8_t* base() { return block.data(); }
    MapHeader header() const { return read_header(block.data()); }
    std::uint8_t* bucket(std::uint32_t index) {
        return block.data() + MAP_BUCKETS_OFFSET + std::size_t{index} * header().bucket_size;
    }
    // Bucket index of an address inside bucket `index` (a value or key pointer).
    std::uint32_t index_of(const std::uint8_t* inside) const {
        return static_cast<std::uint32_t>((static_cast<std::size_t>(inside - block.data()) - MAP_BUCKETS_OFFSET) /
                                          header().bucket_size);
    }
};

// A live map made by layout + init in zero-filled memory, as the vectors were.
inline TestMap make_map(std::uint32_t key_size, std::uint32_t key_alignment, std::uint32_t value_size,
                        std::uint32_t value_alignment, std::uint32_t logical_limit) {
    const LayoutResult result = layout(key_size, key_alignment, value_size, value_alignment, logical_limit);
    EXPECT_TRUE(result) << describe(result.error);
    TestMap map{Bytes(result.map_init.total_size, 0)};
    init(map.base(), result.map_init);
    return map;
}

// `key_size` little-endian bytes of n (zero-padded past 8 bytes).
inline Bytes key_of(std::uint64_t n, std::uint32_t key_size) {
    Bytes key(key_size, 0);
    for (std::uint32_t i = 0; i < key_size && i < 8; ++i) key[i] = static_cast<std::uint8_t>(n >> (8 * i));
    return key;
}

// `count` distinct keys whose home in a map of `capacity` buckets is `home`
// (harness/key_pool; `seed` gives another set), to force keys into one cluster.
inline std::vector<Bytes> keys_with_home(std::size_t count, std::uint32_t key_size, std::uint32_t capacity,
                                         std::uint32_t home, std::uint64_t seed = 0) {
    std::vector<Bytes> keys = harness::keys_with_home(key_size, capacity, home, count, seed);
    EXPECT_EQ(keys.size(), count) << "keys with home " << home;
    for (const Bytes& key : keys) EXPECT_EQ(home_bucket(fxhash64(key.data(), key.size()), capacity), home);
    return keys;
}

// Status bytes of buckets [first, first + count) as "O T E", one letter each
// (E Empty, T Tombstone, O Occupied, ? anything else).
inline std::string statuses(TestMap& map, std::uint32_t first, std::uint32_t count) {
    std::string out;
    for (std::uint32_t i = first; i < first + count; ++i) {
        if (!out.empty()) out += ' ';
        const std::uint8_t status = map.bucket(i)[0];
        out += status == 0 ? 'E' : status == 1 ? 'T' : status == 2 ? 'O' : '?';
    }
    return out;
}

template <typename T>
T load_as(const std::uint8_t* bytes) {
    T value;
    std::memcpy(&value, bytes, sizeof value);
    return value;
}

// put as the op script does: reserve, then write the value; false when full.
inline bool put(TestMap& map, const Bytes& key, const Bytes& value) {
    std::uint8_t* slot = get_or_reserve_entry(map.base(), key.data());
    if (slot == nullptr) return false;
    if (!value.empty()) std::memcpy(slot, value.data(), value.size());
    return true;
}

}  // namespace hashmap_mem::test
