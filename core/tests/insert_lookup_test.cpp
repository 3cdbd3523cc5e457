// get_or_reserve_entry, lookup (both overloads) and has (SPEC §5), starting
// with the Rust crate's test_basic_insert_lookup.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(InsertLookup, U32KeyU64ValueInLimit16MapIsFoundWithItsValue) {
    TestMap map = make_map(4, 4, 8, 8, 16);
    const std::uint32_t key = 0x12345678;
    std::uint8_t* slot = get_or_reserve_entry(map.base(), &key);
    ASSERT_NE(slot, nullptr);
    const std::uint64_t value = 0xABCDEF0123456789;
    std::memcpy(slot, &value, sizeof value);
    EXPECT_EQ(map.header().element_count, 1);
    const std::uint8_t* found = lookup(map.base(), &key);
    ASSERT_EQ(found, slot);
    EXPECT_EQ(load_as<std::uint64_t>(found), value);
}

TEST(InsertLookup, ReservationWritesStatusAndKeyAtTheHomeBucketAndLeavesTheValue) {
    TestMap map = make_map(4, 4, 8, 8, 16);
    const Bytes key = key_of(0x12345678, 4);
    const std::uint32_t home = home_bucket(fxhash64(key.data(), 4), 16);
    std::memset(map.bucket(home) + 8, 0xcd, 8);  // stale value bytes
    std::uint8_t* slot = get_or_reserve_entry(map.base(), key.data());
    ASSERT_EQ(slot, map.bucket(home) + 8);
    EXPECT_EQ(map.bucket(home)[0], 2);
    EXPECT_EQ(Bytes(map.bucket(home) + 4, map.bucket(home) + 8), key);
    EXPECT_EQ(slot[0], 0xcd);  // the caller writes the value
}

TEST(InsertLookup, ReservingAPresentKeyReturnsItsValueAndAddsNothing) {
    TestMap map = make_map(4, 4, 8, 8, 16);
    const Bytes key = key_of(5, 4);
    ASSERT_TRUE(put(map, key, key_of(99, 8)));
    const Bytes before = map.block;
    std::uint8_t* again = get_or_reserve_entry(map.base(), key.data());
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(load_as<std::uint64_t>(again), 99u);
    EXPECT_EQ(map.block, before);
}

TEST(InsertLookup, AbsentKeyIsNullForBothLookupOverloadsAndHasIsFalse) {
    TestMap map = make_map(4, 4, 8, 8, 16);
    ASSERT_TRUE(put(map, key_of(1, 4), key_of(10, 8)));
    const Bytes absent = key_of(2, 4);
    EXPECT_EQ(lookup(map.base(), absent.data()), nullptr);
    const void* read_only = map.base();
    EXPECT_EQ(lookup(read_only, absent.data()), nullptr);
    EXPECT_FALSE(has(read_only, absent.data()));
}

TEST(InsertLookup, ConstLookupFindsTheSameValueAndHasIsTrue) {
    TestMap map = make_map(4, 4, 8, 8, 16);
    const Bytes key = key_of(1, 4);
    ASSERT_TRUE(put(map, key, key_of(10, 8)));
    const void* read_only = map.base();
    const std::uint8_t* found = lookup(read_only, key.data());
    EXPECT_EQ(found, lookup(map.base(), key.data()));
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(load_as<std::uint64_t>(found), 10u);
    EXPECT_TRUE(has(read_only, key.data()));
}

TEST(InsertLookup, InsertFillsTheFirstTombstoneBeforeTheFirstEmpty) {
    TestMap map = make_map(4, 4, 4, 4, 64);
    const std::vector<Bytes> keys = keys_with_home(4, 4, 64, 20);
    for (std::size_t i = 0; i < 3; ++i) ASSERT_TRUE(put(map, keys[i], key_of(i, 4)));
    ASSERT_TRUE(remove(map.base(), keys[0].data()));  // "T O O E"
    EXPECT_EQ(statuses(map, 20, 4), "T O O E");
    std::uint8_t* slot = get_or_reserve_entry(map.base(), keys[3].data());
    EXPECT_EQ(map.index_of(slot), 20u);  // the Tombstone, not the Empty at 23
    EXPECT_EQ(statuses(map, 20, 4), "O O O E");
    EXPECT_EQ(map.header().element_count, 3);
}

}  // namespace
}  // namespace hashmap_mem::test
