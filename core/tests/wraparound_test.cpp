// Probing wraps from the last bucket to bucket 0 (SPEC §5).
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(Wraparound, KeysHomedAtTheLastBucketContinueAtBucketZero) {
    TestMap map = make_map(8, 8, 8, 8, 8);
    const std::vector<Bytes> keys = keys_with_home(3, 8, 8, 7);
    for (std::size_t i = 0; i < keys.size(); ++i) ASSERT_TRUE(put(map, keys[i], key_of(i, 8)));
    EXPECT_EQ(statuses(map, 0, 8), "O O E E E E E O");
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::uint8_t* value = lookup(map.base(), keys[i].data());
        ASSERT_NE(value, nullptr);
        EXPECT_EQ(map.index_of(value), (7 + i) % 8);
        EXPECT_EQ(load_as<std::uint64_t>(value), i);
    }
    EXPECT_TRUE(validate(map.base(), map.block.size()));
}

TEST(Wraparound, LookupWalksPastATombstoneAcrossTheEnd) {
    TestMap map = make_map(8, 8, 8, 8, 8);
    const std::vector<Bytes> keys = keys_with_home(3, 8, 8, 7);
    for (const Bytes& key : keys) ASSERT_TRUE(put(map, key, key));
    ASSERT_TRUE(remove(map.base(), keys[0].data()));  // bucket 7: "O O E ... T"
    EXPECT_EQ(statuses(map, 7, 1), "T");
    EXPECT_TRUE(has(map.base(), keys[1].data()));
    EXPECT_TRUE(has(map.base(), keys[2].data()));
}

TEST(Wraparound, FullWindowWrapsInA32BucketTable) {
    TestMap map = make_map(4, 4, 4, 4, 32);  // window = capacity = 32
    const std::vector<Bytes> keys = keys_with_home(33, 4, 32, 20);
    for (std::size_t i = 0; i < 32; ++i) ASSERT_TRUE(put(map, keys[i], key_of(i, 4)));
    EXPECT_EQ(map.index_of(lookup(map.base(), keys[31].data())), 19u);  // 20 + 31 wraps to 19
    EXPECT_EQ(get_or_reserve_entry(map.base(), keys[32].data()), nullptr);
    EXPECT_EQ(map.header().element_count, 32);
}

}  // namespace
}  // namespace hashmap_mem::test
