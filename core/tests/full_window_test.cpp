// A full 32-bucket probe window (SPEC §5): 32 keys with one home fill it, the
// 33rd is refused without a change, and a Tombstone in the window is reused.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

constexpr std::uint32_t kCapacity = 64;
constexpr std::uint32_t kHome = 10;

struct FullWindow : ::testing::Test {
    std::vector<Bytes> keys = keys_with_home(33, 4, kCapacity, kHome);
    TestMap map = make_map(4, 4, 4, 4, kCapacity);
    void SetUp() override {
        for (std::size_t i = 0; i < 32; ++i) ASSERT_TRUE(put(map, keys[i], key_of(i, 4)));
    }
};

TEST_F(FullWindow, ThirtyTwoKeysWithOneHomeFillBuckets10To41AndAreAllFound) {
    EXPECT_EQ(map.header().element_count, 32);
    for (std::uint32_t i = 0; i < 32; ++i) {
        const std::uint8_t* value = lookup(map.base(), keys[i].data());
        ASSERT_NE(value, nullptr) << i;
        EXPECT_EQ(map.index_of(value), kHome + i);  // the last one is 31 buckets from home
        EXPECT_EQ(load_as<std::uint32_t>(value), i);
    }
    EXPECT_EQ(statuses(map, kHome - 1, 1), "E");
    EXPECT_EQ(statuses(map, kHome + 32, 1), "E");
}

TEST_F(FullWindow, ThirtyThirdKeyWithThatHomeIsNullAndChangesNoByte) {
    const Bytes before = map.block;
    EXPECT_EQ(get_or_reserve_entry(map.base(), keys[32].data()), nullptr);
    EXPECT_EQ(map.block, before);
    EXPECT_EQ(lookup(map.base(), keys[32].data()), nullptr);  // walks all 32 and stops
    EXPECT_FALSE(remove(map.base(), keys[32].data()));
}

TEST_F(FullWindow, KeyWithTheNextHomeStillFitsAtTheEmptyBucketAfterTheCluster) {
    const Bytes key = keys_with_home(1, 4, kCapacity, kHome + 1, 100000)[0];
    std::uint8_t* slot = get_or_reserve_entry(map.base(), key.data());
    ASSERT_NE(slot, nullptr);
    EXPECT_EQ(map.index_of(slot), kHome + 32);
}

TEST_F(FullWindow, PresentKeysAreStillReturnedWhenTheWindowIsFull) {
    std::uint8_t* again = get_or_reserve_entry(map.base(), keys[31].data());
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(map.index_of(again), kHome + 31);
    EXPECT_EQ(map.header().element_count, 32);
}

TEST_F(FullWindow, ATombstoneInTheFullWindowTakesThe33rdKey) {
    ASSERT_TRUE(remove(map.base(), keys[5].data()));
    EXPECT_EQ(statuses(map, kHome + 4, 3), "O T O");
    std::uint8_t* slot = get_or_reserve_entry(map.base(), keys[32].data());
    ASSERT_NE(slot, nullptr);
    EXPECT_EQ(map.index_of(slot), kHome + 5);
    EXPECT_EQ(map.header().element_count, 32);
    EXPECT_TRUE(validate(map.base(), map.block.size()));
}

TEST(FullTable, SmallTableFullOfKeysRefusesTheNextAndLookupsEnd) {
    TestMap map = make_map(8, 8, 0, 1, 8);  // window = capacity = 8
    for (std::uint64_t n = 0; n < 8; ++n) ASSERT_TRUE(put(map, key_of(n, 8), {}));
    EXPECT_EQ(statuses(map, 0, 8), "O O O O O O O O");
    EXPECT_EQ(get_or_reserve_entry(map.base(), key_of(8, 8).data()), nullptr);
    EXPECT_FALSE(has(map.base(), key_of(8, 8).data()));
    for (std::uint64_t n = 0; n < 8; ++n) EXPECT_TRUE(has(map.base(), key_of(n, 8).data()));
}

}  // namespace
}  // namespace hashmap_mem::test
