// layout, calculate_bucket_layout and total_size for valid inputs (SPEC §3),
// against numbers the Rust crate produced (conformance/layout.txt).
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(Layout, U32KeyU64ValueLimit16IsTheRustCratesFirstScenario) {
    const LayoutResult r = layout(4, 4, 8, 8, 16);
    ASSERT_TRUE(r);
    EXPECT_EQ(r.error, LayoutError::None);
    EXPECT_EQ(r.bucket_layout.key_offset, 4);    // after the status byte, aligned to 4
    EXPECT_EQ(r.bucket_layout.value_offset, 8u);
    EXPECT_EQ(r.bucket_layout.bucket_size, 16u);
    EXPECT_EQ(r.map_init.capacity, 16);
    EXPECT_EQ(r.map_init.logical_limit, 16);
    EXPECT_EQ(r.map_init.total_size, 24u + 16u * 16u);
    EXPECT_EQ(r.map_init.key_size, 4u);
    EXPECT_EQ(r.map_init.key_alignment, 4);
    EXPECT_EQ(r.map_init.value_size, 8u);
    EXPECT_EQ(r.map_init.value_alignment, 8);
}

TEST(Layout, MatchesRustCrateNumbers) {
    struct Row { std::uint32_t ks, ka, vs, va, limit, bucket_size, key_offset, value_offset, capacity, total; };
    const Row rows[] = {
        {1, 1, 0, 1, 100, 2, 1, 2, 128, 280},      {1, 1, 1, 1, 1, 3, 1, 2, 1, 27},
        {1, 1, 1, 4, 32767, 8, 1, 4, 32768, 262168}, {1, 1, 3, 2, 7, 6, 1, 2, 8, 72},
        {1, 1, 8, 16, 8, 32, 1, 16, 8, 280},        {1, 1, 4, 16, 3, 32, 1, 16, 4, 152},
        {3, 2, 1, 4, 32767, 12, 2, 8, 32768, 393240}, {17, 16, 0, 1, 7, 48, 16, 33, 8, 408},
        {1, 8, 0, 2, 32768, 16, 8, 10, 32768, 524312},
    };
    for (const Row& row : rows) {
        const LayoutResult r = layout(row.ks, row.ka, row.vs, row.va, row.limit);
        ASSERT_TRUE(r) << describe(r.error);
        EXPECT_EQ(r.bucket_layout.bucket_size, row.bucket_size) << row.ks << ' ' << row.vs << ' ' << row.va;
        EXPECT_EQ(r.bucket_layout.key_offset, row.key_offset);
        EXPECT_EQ(r.bucket_layout.value_offset, row.value_offset);
        EXPECT_EQ(r.map_init.capacity, row.capacity);
        EXPECT_EQ(r.map_init.total_size, row.total);
    }
}

TEST(Layout, CapacityIsTheSmallestPowerOfTwoAtOrAboveTheLimit) {
    const std::uint32_t limits[][2] = {{1, 1},   {2, 2},   {3, 4},       {5, 8},
                                       {16, 16}, {17, 32}, {16385, 32768}, {32768, 32768}};
    for (const auto& [limit, capacity] : limits) {
        const LayoutResult r = layout(8, 8, 8, 8, limit);
        ASSERT_TRUE(r);
        EXPECT_EQ(r.map_init.capacity, capacity) << "limit " << limit;
        EXPECT_EQ(r.map_init.logical_limit, limit);
    }
}

TEST(CalculateBucketLayout, AgreesWithLayout) {
    const BucketLayoutResult b = calculate_bucket_layout(3, 2, 5, 4);
    ASSERT_TRUE(b);
    const LayoutResult r = layout(3, 2, 5, 4, 10);
    EXPECT_EQ(b.bucket_layout.key_offset, r.bucket_layout.key_offset);
    EXPECT_EQ(b.bucket_layout.value_offset, r.bucket_layout.value_offset);
    EXPECT_EQ(b.bucket_layout.bucket_size, r.bucket_layout.bucket_size);
    EXPECT_EQ(b.bucket_layout.bucket_size, 16u);  // key at 2..4, value at 8..12: 13 rounded up to 4
}

TEST(TotalSize, Is24PlusCapacityTimesBucketSizeWithoutOverflow) {
    EXPECT_EQ(total_size(16, 16), 280u);
    EXPECT_EQ(total_size(1, 3), 27u);
    EXPECT_EQ(total_size(32768, 0xffffffffu), 24u + 32768ull * 0xffffffffull);  // above u32, still exact
    static_assert(total_size(2, 4) == 32, "usable at compile time");
}

}  // namespace
}  // namespace hashmap_mem::test
