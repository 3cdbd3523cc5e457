// Every invalid layout input of SPEC §3 is its own LayoutError, with its own
// message, and the result carries no numbers (nothing is written).
#include <set>
#include <string>

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

struct BadLayout {
    std::uint32_t ks, ka, vs, va, limit;
    LayoutError error;
    const char* message;
};

const BadLayout kBadLayouts[] = {
    {0, 4, 8, 8, 16, LayoutError::KeySizeZero, "key_size 0: keys need at least one byte"},
    {8, 0, 8, 8, 16, LayoutError::KeyAlignmentZero, "key_alignment 0 is not a power of two in 1..128"},
    {8, 6, 8, 8, 16, LayoutError::KeyAlignmentNotPowerOfTwo, "key_alignment is not a power of two"},
    {8, 256, 8, 8, 16, LayoutError::KeyAlignmentTooLarge, "key_alignment is above 128"},
    {8, 8, 8, 0, 16, LayoutError::ValueAlignmentZero, "value_alignment 0 is not a power of two in 1..128"},
    {8, 8, 8, 5, 16, LayoutError::ValueAlignmentNotPowerOfTwo, "value_alignment is not a power of two"},
    {8, 8, 8, 1024, 16, LayoutError::ValueAlignmentTooLarge, "value_alignment is above 128"},
    {8, 8, 8, 8, 0, LayoutError::LogicalLimitZero, "logical_limit 0: a map holds at least one entry"},
    {8, 8, 8, 8, 32769, LayoutError::LogicalLimitTooLarge, "logical_limit is above 32768"},
    {0xffffffff, 1, 0, 1, 1, LayoutError::ValueOffsetOverflow, "value_offset overflows u32 (key_size too large)"},
    {8, 8, 0xfffffff0, 8, 1, LayoutError::BucketSizeOverflow, "bucket_size overflows u32 (value_size too large)"},
    {8, 8, 3000000000u, 8, 4096, LayoutError::TotalSizeOverflow,
     "total_size overflows u32 (buckets too large for the capacity)"},
};

TEST(LayoutErrors, EachInvalidInputIsItsOwnErrorWithItsMessageAndNoNumbers) {
    for (const BadLayout& bad : kBadLayouts) {
        const LayoutResult r = layout(bad.ks, bad.ka, bad.vs, bad.va, bad.limit);
        EXPECT_FALSE(r);
        EXPECT_EQ(r.error, bad.error) << bad.message;
        EXPECT_STREQ(describe(r.error), bad.message);
        EXPECT_EQ(r.bucket_layout.bucket_size, 0u);
        EXPECT_EQ(r.bucket_layout.key_offset, 0);
        EXPECT_EQ(r.bucket_layout.value_offset, 0u);
        EXPECT_EQ(r.map_init.total_size, 0u);
        EXPECT_EQ(r.map_init.capacity, 0);
    }
}

TEST(LayoutErrors, CalculateBucketLayoutReportsTheBucketErrorsToo) {
    EXPECT_EQ(calculate_bucket_layout(0, 1, 1, 1).error, LayoutError::KeySizeZero);
    EXPECT_EQ(calculate_bucket_layout(1, 3, 1, 1).error, LayoutError::KeyAlignmentNotPowerOfTwo);
    EXPECT_EQ(calculate_bucket_layout(1, 1, 1, 0).error, LayoutError::ValueAlignmentZero);
    const BucketLayoutResult r = calculate_bucket_layout(1, 1, 0xffffffff, 1);
    EXPECT_FALSE(r);
    EXPECT_EQ(r.error, LayoutError::BucketSizeOverflow);
    EXPECT_EQ(r.bucket_layout.bucket_size, 0u);
}

TEST(LayoutErrors, InputsJustInsideEachEdgeAreValid) {
    EXPECT_TRUE(layout(8, 8, 8, 8, 32768));
    EXPECT_TRUE(layout(1, 1, 0, 1, 1));
    EXPECT_TRUE(layout(8, 128, 8, 128, 1));
    // bucket_size 131064: total_size 24 + 32768 * 131064 = 4294705176 fits u32;
    // the next bucket_size (131072) makes it 2^32 + 24.
    const LayoutResult largest = layout(8, 8, 131048, 8, 32768);
    ASSERT_TRUE(largest);
    EXPECT_EQ(largest.map_init.total_size, 4294705176u);
    EXPECT_EQ(layout(8, 8, 131056, 8, 32768).error, LayoutError::TotalSizeOverflow);
    // value_offset 9 + value_size 0xfffffff6 = bucket_size 0xffffffff fits; one more overflows.
    EXPECT_EQ(calculate_bucket_layout(8, 1, 0xfffffff6, 1).bucket_layout.bucket_size, 0xffffffffu);
    EXPECT_EQ(calculate_bucket_layout(8, 1, 0xfffffff7, 1).error, LayoutError::BucketSizeOverflow);
}

TEST(LayoutErrors, MessagesAreDistinctAndUnknownValuesAreNamed) {
    std::set<std::string> messages{describe(LayoutError::None)};
    for (const BadLayout& bad : kBadLayouts) messages.insert(describe(bad.error));
    EXPECT_EQ(messages.size(), std::size(kBadLayouts) + 1);
    EXPECT_STREQ(describe(LayoutError::None), "ok");
    EXPECT_STREQ(describe(static_cast<LayoutError>(200)), "unknown layout error");
}

}  // namespace
}  // namespace hashmap_mem::test
