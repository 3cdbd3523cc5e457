// The smallest map: logical_limit 1, one bucket, a window of one.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(CapacityOne, HoldsOneKeyAndRefusesASecond) {
    TestMap map = make_map(4, 4, 4, 4, 1);
    ASSERT_EQ(map.header().capacity, 1);
    ASSERT_TRUE(put(map, key_of(1, 4), key_of(100, 4)));
    const Bytes before = map.block;
    EXPECT_EQ(get_or_reserve_entry(map.base(), key_of(2, 4).data()), nullptr);
    EXPECT_EQ(map.block, before);
    EXPECT_FALSE(has(map.base(), key_of(2, 4).data()));
    EXPECT_EQ(load_as<std::uint32_t>(lookup(map.base(), key_of(1, 4).data())), 100u);
}

TEST(CapacityOne, RemoveLeavesATombstoneBecauseTheNextBucketIsItself) {
    TestMap map = make_map(4, 4, 4, 4, 1);
    ASSERT_TRUE(put(map, key_of(1, 4), key_of(100, 4)));
    ASSERT_TRUE(remove(map.base(), key_of(1, 4).data()));
    EXPECT_EQ(statuses(map, 0, 1), "T");
    EXPECT_FALSE(has(map.base(), key_of(1, 4).data()));  // a window of one Tombstone ends the walk
    EXPECT_TRUE(validate(map.base(), map.block.size()));
}

TEST(CapacityOne, TheTombstoneTakesTheNextKey) {
    TestMap map = make_map(4, 4, 4, 4, 1);
    ASSERT_TRUE(put(map, key_of(1, 4), key_of(100, 4)));
    ASSERT_TRUE(remove(map.base(), key_of(1, 4).data()));
    ASSERT_TRUE(put(map, key_of(2, 4), key_of(200, 4)));
    EXPECT_EQ(statuses(map, 0, 1), "O");
    EXPECT_EQ(map.header().element_count, 1);
    EXPECT_EQ(load_as<std::uint32_t>(lookup(map.base(), key_of(2, 4).data())), 200u);
}

TEST(CapacityOne, ScanFindsTheOnlyEntryThenEnds) {
    TestMap map = make_map(4, 4, 4, 4, 1);
    EXPECT_EQ(find_next_valid_entry(map.base(), 0).index, END_OF_SCAN);
    ASSERT_TRUE(put(map, key_of(1, 4), key_of(100, 4)));
    EXPECT_EQ(find_next_valid_entry(map.base(), 0).index, 0);
    EXPECT_EQ(find_next_valid_entry(map.base(), 1).index, END_OF_SCAN);
}

}  // namespace
}  // namespace hashmap_mem::test
