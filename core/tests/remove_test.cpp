// remove (SPEC §5), starting with the Rust crate's test_remove.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(Remove, OneOfTwoU16KeysLeavesTheOtherWithItsValue) {
    TestMap map = make_map(2, 2, 4, 4, 8);
    const std::uint16_t key1 = 100, key2 = 200;
    const std::uint32_t value1 = 1000, value2 = 2000;
    std::memcpy(get_or_reserve_entry(map.base(), &key1), &value1, 4);
    std::memcpy(get_or_reserve_entry(map.base(), &key2), &value2, 4);
    EXPECT_EQ(map.header().element_count, 2);
    EXPECT_TRUE(remove(map.base(), &key1));
    EXPECT_EQ(map.header().element_count, 1);
    EXPECT_EQ(lookup(map.base(), &key1), nullptr);
    const std::uint8_t* found = lookup(map.base(), &key2);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(load_as<std::uint32_t>(found), 2000u);
}

TEST(Remove, AbsentKeyReturnsFalseAndChangesNoByte) {
    TestMap map = make_map(2, 2, 4, 4, 8);
    ASSERT_TRUE(put(map, key_of(100, 2), key_of(1, 4)));
    const Bytes before = map.block;
    EXPECT_FALSE(remove(map.base(), key_of(101, 2).data()));
    EXPECT_EQ(map.block, before);
}

TEST(Remove, RemovingTwiceReturnsTrueThenFalse) {
    TestMap map = make_map(8, 8, 8, 8, 16);
    const Bytes key = key_of(3, 8);
    ASSERT_TRUE(put(map, key, key_of(4, 8)));
    EXPECT_TRUE(remove(map.base(), key.data()));
    EXPECT_FALSE(remove(map.base(), key.data()));
    EXPECT_EQ(map.header().element_count, 0);
}

TEST(Remove, MarksTheBucketTombstoneWhenTheNextBucketIsOccupied) {
    TestMap map = make_map(4, 4, 4, 4, 64);
    const std::vector<Bytes> keys = keys_with_home(2, 4, 64, 30);
    ASSERT_TRUE(put(map, keys[0], key_of(0, 4)));
    ASSERT_TRUE(put(map, keys[1], key_of(1, 4)));  // "O O E"
    ASSERT_TRUE(remove(map.base(), keys[0].data()));
    EXPECT_EQ(statuses(map, 30, 3), "T O E");  // keys[1] must stay reachable past bucket 30
    EXPECT_TRUE(has(map.base(), keys[1].data()));
}

TEST(Remove, KeyBehindATombstoneIsStillRemovable) {
    TestMap map = make_map(4, 4, 4, 4, 64);
    const std::vector<Bytes> keys = keys_with_home(3, 4, 64, 30);
    for (const Bytes& key : keys) ASSERT_TRUE(put(map, key, key));
    ASSERT_TRUE(remove(map.base(), keys[1].data()));  // "O T O E"
    EXPECT_TRUE(remove(map.base(), keys[2].data()));  // found past the Tombstone
    EXPECT_TRUE(has(map.base(), keys[0].data()));
    EXPECT_EQ(map.header().element_count, 1);
}

TEST(Remove, WorksForEverySpecialisedKeySize) {
    for (std::uint32_t key_size : {1u, 2u, 4u, 8u, 16u, 5u}) {
        TestMap map = make_map(key_size, 1, 1, 1, 8);
        const Bytes key = key_of(9, key_size);
        ASSERT_TRUE(put(map, key, {1}));
        EXPECT_TRUE(remove(map.base(), key.data())) << key_size;
        EXPECT_FALSE(has(map.base(), key.data())) << key_size;
    }
}

}  // namespace
}  // namespace hashmap_mem::test
