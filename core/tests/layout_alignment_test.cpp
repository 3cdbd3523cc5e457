// Alignments 1..128 (SPEC §3): each offset is the smallest multiple of its
// alignment that leaves room for what comes before it.
#include <algorithm>

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

// x is the smallest multiple of `alignment` that is >= at_least.
::testing::AssertionResult smallest_multiple(std::uint64_t x, std::uint64_t alignment, std::uint64_t at_least) {
    if (x % alignment == 0 && x >= at_least && x < at_least + alignment) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << x << " is not the smallest multiple of " << alignment << " >= " << at_least;
}

TEST(LayoutAlignment, OffsetsAreTheSmallestAlignedPositionsForAlignments1To16) {
    for (std::uint32_t ka = 1; ka <= 16; ka *= 2) {
        for (std::uint32_t va = 1; va <= 16; va *= 2) {
            for (std::uint32_t ks : {1u, 3u, 4u, 8u, 17u}) {
                for (std::uint32_t vs : {0u, 1u, 5u, 8u}) {
                    SCOPED_TRACE(::testing::Message() << "ks " << ks << " ka " << ka << " vs " << vs << " va " << va);
                    const BucketLayoutResult r = calculate_bucket_layout(ks, ka, vs, va);
                    ASSERT_TRUE(r);
                    const BucketLayout& b = r.bucket_layout;
                    EXPECT_TRUE(smallest_multiple(b.key_offset, ka, 1));  // after the status byte
                    EXPECT_TRUE(smallest_multiple(b.value_offset, va, b.key_offset + ks));
                    EXPECT_TRUE(smallest_multiple(b.bucket_size, std::max(ka, va), b.value_offset + vs));
                }
            }
        }
    }
}

TEST(LayoutAlignment, Alignments32To128AreAcceptedAndRecorded) {
    const LayoutResult r = layout(4, 128, 4, 32, 4);
    ASSERT_TRUE(r) << describe(r.error);
    EXPECT_EQ(r.bucket_layout.key_offset, 128);  // the largest key_offset; still fits the u8 field
    EXPECT_EQ(r.bucket_layout.value_offset, 160u);
    EXPECT_EQ(r.bucket_layout.bucket_size, 256u);
    EXPECT_EQ(r.map_init.key_alignment, 128);
    EXPECT_EQ(r.map_init.value_alignment, 32);
}

TEST(LayoutAlignment, AlignmentsAbove8AreRecordedButBucketsStartAtOffset24) {
    TestMap map = make_map(16, 16, 16, 16, 4);
    EXPECT_EQ(map.header().key_offset, 16);
    EXPECT_EQ(map.header().bucket_size, 48u);
    // Bucket 0 starts at 24 (a multiple of 8, not 16): the map still works
    // because every access is a byte copy.
    EXPECT_EQ(map.bucket(0) - map.base(), 24);
    const Bytes key = key_of(7, 16);
    ASSERT_TRUE(put(map, key, Bytes(16, 0x5a)));
    const std::uint8_t* value = lookup(map.base(), key.data());
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(value[15], 0x5a);
    EXPECT_TRUE(validate(map.base(), map.block.size()));
}

}  // namespace
}  // namespace hashmap_mem::test
