// An Empty bucket may hold any key bytes: a removed key whose Tombstone was
// reclaimed leaves its key behind (init zeroes the block, so only removals do
// this). Lookups read whole groups of buckets, key bytes included; an Empty
// bucket must still end a walk and never match, whatever its key bytes say.
// Every bucket's key field here holds the key that is looked up: E(K) E(K) ...
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

// A live map whose every Empty bucket holds `key` in its key field, as removed
// entries leave their keys (written after init, which zeroes them).
TestMap map_over_stale_keys(const Bytes& key, std::uint32_t capacity) {
    const auto key_size = static_cast<std::uint32_t>(key.size());
    const LayoutResult r = layout(key_size, 1, 8, 8, capacity);
    EXPECT_TRUE(r);
    TestMap map{Bytes(r.map_init.total_size, 0)};
    init(map.base(), r.map_init);
    for (std::uint32_t i = 0; i < capacity; ++i) std::memcpy(map.bucket(i) + r.bucket_layout.key_offset, key.data(), key.size());
    return map;
}

class EmptyBucketBytes : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(EmptyBucketBytes, AreNeverMatchedByLookupHasOrRemove) {
    const Bytes key = key_of(0x0123456789abcdefULL, GetParam());
    TestMap map = map_over_stale_keys(key, 64);
    EXPECT_EQ(lookup(map.base(), key.data()), nullptr);
    EXPECT_FALSE(has(map.base(), key.data()));
    EXPECT_FALSE(remove(map.base(), key.data()));
    EXPECT_EQ(map.header().element_count, 0);
}

// O(other) E(K) E(K) ...: a walk past an Occupied bucket stops at the first
// Empty one, whose stale bytes are the key it looks for.
TEST_P(EmptyBucketBytes, EndAWalkThatPassedAnOccupiedBucket) {
    const std::uint32_t key_size = GetParam();
    const std::vector<Bytes> cluster = keys_with_home(2, key_size, 64, 5);
    TestMap map = map_over_stale_keys(cluster[1], 64);
    ASSERT_NE(get_or_reserve_entry(map.base(), cluster[0].data()), nullptr);
    EXPECT_EQ(statuses(map, 5, 2), "O E");
    EXPECT_EQ(lookup(map.base(), cluster[1].data()), nullptr);
}

TEST_P(EmptyBucketBytes, DoNotHideAKeyPutOverThem) {
    const std::uint32_t key_size = GetParam();
    const std::vector<Bytes> cluster = keys_with_home(1, key_size, 64, 9);
    TestMap map = map_over_stale_keys(cluster[0], 64);
    std::uint8_t* value = get_or_reserve_entry(map.base(), cluster[0].data());
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(map.index_of(value), 9u);
    EXPECT_EQ(lookup(map.base(), cluster[0].data()), value);
    EXPECT_EQ(map.header().element_count, 1);
}

// 8 and 16 take the specialised paths, 3 and 24 the word-by-word compare.
INSTANTIATE_TEST_SUITE_P(KeySizes, EmptyBucketBytes, ::testing::Values(3u, 8u, 16u, 24u));

}  // namespace
}  // namespace hashmap_mem::test
