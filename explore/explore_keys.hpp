// The keys the exhaustive explorer puts, the same on every run so that its
// scopes are reviewable: per key size and capacity, keys whose homes collide,
// wrap at the table's end and cover every home. Derived from the wanted homes
// (explore_keys.cpp); explore/explore_keys_test.cpp re-derives the homes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "script/bytes.hpp"

namespace hashmap_mem::harness {

struct HomedKey {
    std::string hex;     // the key bytes, as in an op script
    std::uint32_t home;  // its home bucket at the set's capacity
};

struct ExploreKeySet {
    std::uint32_t key_size;
    std::uint32_t capacity;
    std::vector<HomedKey> keys;  // scopes take a prefix: the first keys matter most
};

const std::vector<ExploreKeySet>& explore_key_sets();

// The first `count` keys of the set for (key_size, capacity); empty when
// there is no such set or it has fewer keys.
std::vector<Bytes> explore_keys(std::uint32_t key_size, std::uint32_t capacity, std::size_t count);

}  // namespace hashmap_mem::harness
