// overwrite (SPEC §6) is all or nothing: each failure leaves target holding
// exactly its entries and values, and never writes source.
#include <set>
#include <string>
#include <utility>

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using Entries = std::vector<std::pair<Bytes, Bytes>>;  // (key, value) in bucket order

Entries entries(TestMap& map) {
    const MapHeader h = map.header();
    Entries out;
    for (Entry e = find_next_valid_entry(map.base(), 0); e.key != nullptr; e = find_next_valid_entry(map.base(), e.index + 1u)) {
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

TEST(OverwriteFailure, TargetLimitBelowSourceCountChangesNoByte) {
    TestMap target = make_map(4, 4, 4, 4, 2);
    TestMap source = make_map(4, 4, 4, 4, 8);
    for (std::uint64_t n = 0; n < 3; ++n) ASSERT_TRUE(put(source, key_of(n, 4), key_of(n, 4)));
    const Bytes target_before = target.block, source_before = source.block;
    EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::TargetLimitTooSmall);
    EXPECT_EQ(target.block, target_before);
    EXPECT_EQ(source.block, source_before);
    TestMap exact = make_map(4, 4, 4, 4, 3);  // limit == count is enough
    EXPECT_EQ(overwrite(exact.base(), source.base()), OverwriteResult::Ok);
}

TEST(OverwriteFailure, KeyValueOrBucketSizeMismatchChangesNoByte) {
    TestMap source = make_map(4, 4, 4, 4, 8);  // bucket 12
    ASSERT_TRUE(put(source, key_of(1, 4), key_of(1, 4)));
    for (TestMap target : {make_map(2, 2, 4, 4, 8), make_map(4, 4, 8, 4, 8), make_map(4, 4, 4, 8, 8)}) {
        const Bytes before = target.block;  // key_size, value_size, then bucket_size (16) differ
        EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::LayoutMismatch);
        EXPECT_EQ(target.block, before);
    }
}

TEST(OverwriteResultDescribe, EachResultHasItsOwnMessage) {
    EXPECT_STREQ(describe(OverwriteResult::Ok), "ok");
    EXPECT_STREQ(describe(OverwriteResult::TargetLimitTooSmall), "target logical_limit is below source element_count");
    EXPECT_STREQ(describe(OverwriteResult::LayoutMismatch),
                 "key_size, value_size or bucket_size differ between target and source");
    EXPECT_STREQ(describe(OverwriteResult::TargetFull), "a source key found its 32-bucket window in target full");
    EXPECT_STREQ(describe(static_cast<OverwriteResult>(9)), "unknown overwrite result");
}

}  // namespace
}  // namespace hashmap_mem::test
