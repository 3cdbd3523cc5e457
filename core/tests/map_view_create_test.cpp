// MapView::create and attach test false and say why: a bad limit, a block too
// small or misaligned, an image validate refuses (with its bucket), an image
// of other key or value sizes, or offsets not aligned for K or V.
#include <array>

#include "hashmap_mem/map_view.hpp"
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using View = MapView<std::uint32_t, std::uint64_t>;

TEST(MapViewCreate, RefusesABadLimitATooSmallBlockAndAMisalignedOne) {
    std::vector<std::uint64_t> memory(View::bytes_for(64) / 8 + 1);
    const View::Result zero = View::create(memory.data(), memory.size() * 8, 0);
    EXPECT_FALSE(zero);
    EXPECT_EQ(zero.error, ViewError::BadLayout);
    EXPECT_EQ(zero.layout_error, LayoutError::LogicalLimitZero);
    EXPECT_STREQ(zero.why(), describe(LayoutError::LogicalLimitZero));
    EXPECT_EQ(View::create(memory.data(), memory.size() * 8, 40000).layout_error, LayoutError::LogicalLimitTooLarge);

    const View::Result small = View::create(memory.data(), View::bytes_for(64) - 1, 64);
    EXPECT_EQ(small.error, ViewError::BlockTooSmall);
    EXPECT_STREQ(small.why(), "block is null or smaller than bytes_for(limit)");
    EXPECT_EQ(View::create(nullptr, 1u << 20, 64).error, ViewError::BlockTooSmall);

    auto* odd = reinterpret_cast<std::uint8_t*>(memory.data()) + 4;  // 4-aligned, V needs 8
    EXPECT_EQ(View::create(odd, View::bytes_for(64), 64).error, ViewError::Misaligned);
    EXPECT_EQ(memory[0], 0u);  // nothing was written
    EXPECT_TRUE(View::create(memory.data(), View::bytes_for(64), 64));
}

TEST(MapViewAttach, AcceptsAMapTheRawApiMadeWithTheSameLayout) {
    TestMap raw = make_map(4, 4, 8, 8, 8);
    ASSERT_TRUE(put(raw, key_of(3, 4), key_of(33, 8)));
    std::vector<std::uint64_t> aligned(raw.block.size() / 8);
    std::memcpy(aligned.data(), raw.block.data(), raw.block.size());
    View::Result attached = View::attach(aligned.data(), raw.block.size());
    ASSERT_TRUE(attached) << attached.why();
    EXPECT_EQ(*attached->find(3), 33u);
}

TEST(MapViewAttach, RefusesAnInvalidImageWithValidatesReasonAndBucket) {
    TestMap raw = make_map(4, 4, 8, 8, 8);
    std::vector<std::uint64_t> aligned(raw.block.size() / 8);
    std::memcpy(aligned.data(), raw.block.data(), raw.block.size());
    reinterpret_cast<std::uint8_t*>(aligned.data())[24 + 3 * 16] = 9;  // bucket 3's status
    const View::Result refused = View::attach(aligned.data(), raw.block.size());
    EXPECT_EQ(refused.error, ViewError::InvalidImage);
    EXPECT_EQ(refused.validate_error, ValidateError::BadStatusByte);
    EXPECT_EQ(refused.bucket, 3u);
    EXPECT_STREQ(refused.why(), describe(ValidateError::BadStatusByte));
    EXPECT_EQ(View::attach(aligned.data(), 23).validate_error, ValidateError::BlockShorterThanHeader);
}

TEST(MapViewAttach, RefusesOtherKeyOrValueSizesAndOffsetsNotAlignedForTheTypes) {
    std::vector<std::uint64_t> memory(64);
    TestMap other_value = make_map(4, 4, 4, 4, 8);
    std::memcpy(memory.data(), other_value.block.data(), other_value.block.size());
    EXPECT_EQ(View::attach(memory.data(), other_value.block.size()).error, ViewError::OtherTypes);

    TestMap packed = make_map(4, 1, 8, 1, 8);  // key at offset 1, value at 5: sizes fit, alignment does not
    std::memcpy(memory.data(), packed.block.data(), packed.block.size());
    const View::Result misaligned = View::attach(memory.data(), packed.block.size());
    EXPECT_EQ(misaligned.error, ViewError::Misaligned);
    EXPECT_TRUE((MapView<std::array<std::uint8_t, 4>, std::array<std::uint8_t, 8>>::attach(memory.data(),
                                                                                       packed.block.size())));
}

}  // namespace
}  // namespace hashmap_mem::test
