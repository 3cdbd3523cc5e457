// The explorer's keys (explore/explore_keys.cpp) have the homes written
// next to them, by the core's hash and by the checker's own, and each set
// has the shape its scopes rely on.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "hashmap_mem/hashmap_mem.hpp"
#include "explore_keys.hpp"
#include "keys/key_pool.hpp"

namespace hashmap_mem::harness {
namespace {

TEST(ExploreKeys, EveryKeyHasTheHomeWrittenNextToIt) {
    for (const ExploreKeySet& set : explore_key_sets()) {
        for (const HomedKey& k : set.keys) {
            const auto key = from_hex(k.hex);
            ASSERT_TRUE(key.has_value()) << k.hex;
            ASSERT_EQ(key->size(), set.key_size) << k.hex;
            EXPECT_EQ(hashmap_mem::home_bucket(fxhash64(key->data(), key->size()), set.capacity), k.home) << k.hex;
            EXPECT_EQ(home_bucket(*key, set.capacity), k.home) << k.hex;
        }
    }
}

TEST(ExploreKeys, KeysOfASetAreDistinct) {
    for (const ExploreKeySet& set : explore_key_sets()) {
        std::set<std::string> seen;
        for (const HomedKey& k : set.keys) EXPECT_TRUE(seen.insert(k.hex).second) << k.hex;
    }
}

// Up to 8 buckets: the first two keys share the last bucket (the second wraps
// to 0) and the first capacity + 1 keys cover every home, so a scope of
// capacity + 1 keys fills the table and probes past it. At 64 every home is
// in the last 8 buckets.
TEST(ExploreKeys, SetsCollideAtTheLastBucketAndCoverEveryHome) {
    for (const ExploreKeySet& set : explore_key_sets()) {
        const std::uint32_t last = set.capacity - 1;
        if (set.capacity > 8) {
            for (const HomedKey& k : set.keys) EXPECT_GE(k.home, set.capacity - 8) << k.hex;
            continue;
        }
        ASSERT_GT(set.keys.size(), set.capacity);
        EXPECT_EQ(set.keys[0].home, last);
        EXPECT_EQ(set.keys[1].home, last);
        std::set<std::uint32_t> homes;
        for (std::size_t i = 0; i <= set.capacity; ++i) homes.insert(set.keys[i].home);
        EXPECT_EQ(homes.size(), set.capacity) << "capacity " << set.capacity;
    }
}

TEST(ExploreKeys, ExploreKeysTakesAPrefixOrNothing) {
    EXPECT_EQ(explore_keys(8, 4, 2), (std::vector<Bytes>{*from_hex("0400000000000000"), *from_hex("0500000000000000")}));
    EXPECT_TRUE(explore_keys(8, 4, 99).empty());
    EXPECT_TRUE(explore_keys(5, 4, 1).empty());
}

}  // namespace
}  // namespace hashmap_mem::harness
