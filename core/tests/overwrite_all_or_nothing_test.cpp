// overwrite (SPEC §6) is all or nothing: when a source key finds its target
// window full after other keys were reserved, target keeps exactly its entries
// and values, and source is never written.
#include <utility>

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using Entries = std::vector<std::pair<Bytes, Bytes>>;  // (key, value) in bucket order

Entries entries(TestMap& map) {
    const MapHeader h = map.header();
    Entries out;
    for (Entry e = find_next_valid_entry(map.base(), 0); e.key != nullptr;
         e = find_next_valid_entry(map.base(), e.index + 1u)) {
        out.emplace_back(Bytes(e.key, e.key + h.key_size), Bytes(e.value, e.value + h.value_size));
    }
    return out;
}

// Target: 31 keys with home 10 in buckets 10..40, then a Tombstone at 20.
// Source: a key homed at 5, a target key with a new value, and three new keys
// homed at 10. The first two new keys take buckets 20 and 41; the third finds
// 10..41 full, after two keys were already reserved.
struct FullTarget : ::testing::Test {
    std::vector<Bytes> homed = keys_with_home(34, 4, 64, 10);
    TestMap target = make_map(4, 4, 4, 4, 64);
    TestMap source = make_map(4, 4, 4, 4, 64);
    void SetUp() override {
        for (std::uint32_t i = 0; i < 31; ++i) ASSERT_TRUE(put(target, homed[i], key_of(i, 4)));
        ASSERT_TRUE(remove(target.base(), homed[10].data()));
        ASSERT_TRUE(put(source, keys_with_home(1, 4, 64, 5, 5000)[0], key_of(555, 4)));
        ASSERT_TRUE(put(source, homed[3], key_of(333, 4)));
        for (std::uint32_t i = 31; i < 34; ++i) ASSERT_TRUE(put(source, homed[i], key_of(i, 4)));
    }
};

TEST_F(FullTarget, TargetFullLeavesTargetEntriesAndValuesAndSourceBytesUnchanged) {
    const Entries target_before = entries(target);
    const Bytes source_before = source.block;
    EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::TargetFull);
    EXPECT_EQ(entries(target), target_before);  // homed[3] keeps value 3, nothing added
    EXPECT_EQ(target.header().element_count, 30);
    EXPECT_EQ(source.block, source_before);
    EXPECT_TRUE(validate(target.base(), target.block.size()));
}

TEST_F(FullTarget, FailedOverwriteReturnsReservedBucketsToTombstoneOrEmpty) {
    ASSERT_EQ(overwrite(target.base(), source.base()), OverwriteResult::TargetFull);
    EXPECT_EQ(statuses(target, 4, 3), "E E E");  // bucket 5 reclaimed: next is Empty
    EXPECT_EQ(statuses(target, 19, 3), "O T O");  // bucket 20 stays a Tombstone
    EXPECT_EQ(statuses(target, 40, 3), "O E E");  // bucket 41 reclaimed
}

}  // namespace
}  // namespace hashmap_mem::test
