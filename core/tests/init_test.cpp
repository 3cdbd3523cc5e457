// init (SPEC §8): writes the header, and zero over every bucket byte.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(Init, WritesTheHeaderFromTheLayout) {
    const LayoutResult r = layout(4, 4, 8, 8, 10);
    ASSERT_TRUE(r);
    Bytes block(r.map_init.total_size, 0);
    init(block.data(), r.map_init);
    const MapHeader h = read_header(block.data());
    EXPECT_EQ(h.capacity, 16);
    EXPECT_EQ(h.element_count, 0);
    EXPECT_EQ(h.key_size, 4u);
    EXPECT_EQ(h.value_size, 8u);
    EXPECT_EQ(h.value_offset, 8u);
    EXPECT_EQ(h.bucket_size, 16u);
    EXPECT_EQ(h.logical_limit, 10);
    EXPECT_EQ(h.key_offset, 4);
    EXPECT_EQ(h.padding_and_secret_code, SECRET_CODE);
}

TEST(Init, ZeroesEveryBucketByteWhateverTheBlockHeld) {
    const LayoutResult r = layout(2, 2, 3, 1, 4);  // bucket: status, pad, key 2..3, value 4..6, pad
    ASSERT_TRUE(r);
    Bytes block(r.map_init.total_size, 0xab);  // memory that held something else
    init(block.data(), r.map_init);
    for (std::size_t offset = 24; offset < block.size(); ++offset) EXPECT_EQ(block[offset], 0x00) << "offset " << offset;
    EXPECT_TRUE(validate(block.data(), block.size()));
}

TEST(Init, ReinitialisingALiveMapEmptiesIt) {
    TestMap map = make_map(8, 8, 8, 8, 4);
    ASSERT_TRUE(put(map, key_of(1, 8), key_of(2, 8)));
    const LayoutResult r = layout(8, 8, 8, 8, 4);
    init(map.base(), r.map_init);
    EXPECT_EQ(map.header().element_count, 0);
    EXPECT_EQ(statuses(map, 0, 4), "E E E E");
    EXPECT_EQ(lookup(map.base(), key_of(1, 8).data()), nullptr);
}

TEST(Init, CapacityOneMapIsOneBucket) {
    const LayoutResult r = layout(1, 1, 1, 1, 1);
    ASSERT_TRUE(r);
    Bytes block(r.map_init.total_size, 0x77);
    init(block.data(), r.map_init);
    EXPECT_EQ(block.size(), 27u);  // 24 + 1 * 3
    EXPECT_EQ(block[24], 0);
    EXPECT_EQ(read_header(block.data()).capacity, 1);
    EXPECT_TRUE(validate(block.data(), block.size()));
}

}  // namespace
}  // namespace hashmap_mem::test
