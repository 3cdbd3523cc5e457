// value_size 0: the map is a set. The value address is still returned (just
// past the key) and no value byte is ever read or written.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(ValueSizeZero, LayoutPutsTheValueRightAfterTheKey) {
    const LayoutResult r = layout(3, 1, 0, 1, 4);
    ASSERT_TRUE(r);
    EXPECT_EQ(r.bucket_layout.value_offset, 4u);
    EXPECT_EQ(r.bucket_layout.bucket_size, 4u);  // status + key, nothing more
}

TEST(ValueSizeZero, SetMembershipWorksAndTheValueAddressIsTheBucketEnd) {
    TestMap map = make_map(3, 1, 0, 1, 4);
    const Bytes key = {1, 2, 3};
    std::uint8_t* slot = get_or_reserve_entry(map.base(), key.data());
    ASSERT_NE(slot, nullptr);
    const std::uint32_t index = map.index_of(slot - 1);  // the address one past the bucket
    EXPECT_EQ(slot, map.bucket(index) + 4);
    EXPECT_TRUE(has(map.base(), key.data()));
    EXPECT_FALSE(has(map.base(), Bytes{1, 2, 4}.data()));
    EXPECT_TRUE(remove(map.base(), key.data()));
    EXPECT_FALSE(has(map.base(), key.data()));
}

TEST(ValueSizeZero, LastBucketsValueAddressIsOnePastTheBlock) {
    TestMap map = make_map(1, 1, 0, 1, 1);  // 24 + 1 * 2 bytes
    const std::uint8_t key = 9;
    std::uint8_t* slot = get_or_reserve_entry(map.base(), &key);
    EXPECT_EQ(slot, map.base() + map.block.size());  // a valid end pointer, never dereferenced
}

TEST(ValueSizeZero, OverwriteOfSetsCopiesKeysOnly) {
    TestMap target = make_map(2, 1, 0, 1, 16);
    TestMap source = make_map(2, 1, 0, 1, 16);
    ASSERT_TRUE(put(target, key_of(1, 2), {}));
    ASSERT_TRUE(put(source, key_of(2, 2), {}));
    ASSERT_TRUE(put(source, key_of(1, 2), {}));
    EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::Ok);
    EXPECT_EQ(target.header().element_count, 2);
    EXPECT_TRUE(has(target.base(), key_of(2, 2).data()));
    EXPECT_TRUE(validate(target.base(), target.block.size()));
}

}  // namespace
}  // namespace hashmap_mem::test
