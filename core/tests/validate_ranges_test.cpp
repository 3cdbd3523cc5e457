// validate (SPEC §10) rejects value ranges that overlap the key or the status
// byte or leave the bucket, a total_size over u32, and blocks that are short.
#include "validate_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(ValidateRanges, ValueOverlappingTheKeyOrTheStatusByteIsRejected) {
    for (std::uint32_t value_offset : {0u, 1u, 8u, 15u}) {  // the key is at 8..15
        EXPECT_TRUE(rejects_with(validate_copy(with_header([&](MapHeader& h) { h.value_offset = value_offset; })),
                                 ValidateError::ValueOverlapsKey,
                                 "value range overlaps the key range or the status byte"));
    }
}

TEST(ValidateRanges, ValueRunningPastTheBucketIsRejectedWithoutOverflow) {
    const std::pair<std::uint32_t, std::uint32_t> cases[] = {{23, 2}, {16, 9}, {16, 0xFFFFFFFF}, {0xFFFFFFFF, 2}};
    for (const auto& range : cases) {
        EXPECT_TRUE(rejects_with(validate_copy(with_header([&](MapHeader& h) {
                                     h.value_offset = range.first;
                                     h.value_size = range.second;
                                 })),
                                 ValidateError::ValueRangePastBucket, "value range runs past bucket_size"));
    }
    // Value ending exactly at the bucket end is fine.
    EXPECT_TRUE(validate_copy(with_header([](MapHeader& h) { h.value_offset = 22; })));
}

TEST(ValidateRanges, TotalSizeAboveU32IsRejected) {
    // 32768 buckets of 131072 bytes: 24 + 2^32 does not fit u32.
    const Bytes image = with_header([](MapHeader& h) {
        h.capacity = 32768;
        h.logical_limit = 32768;
        h.bucket_size = 131072;
    });
    EXPECT_TRUE(rejects_with(validate_copy(image), ValidateError::TotalSizeOverflow, "total_size overflows u32"));
}

TEST(ValidateRanges, BlockShorterThanTheHeaderIsRejectedForEverySize0To23) {
    const Bytes image = sample_map().block;
    for (std::size_t size = 0; size < 24; ++size) {
        EXPECT_TRUE(rejects_with(validate_copy(image.data(), size), ValidateError::BlockShorterThanHeader,
                                 "block is shorter than the 24-byte header"))
            << size;
    }
}

TEST(ValidateRanges, NullBlockOfSizeZeroIsRejectedWithoutARead) {
    EXPECT_TRUE(rejects_with(validate(nullptr, 0), ValidateError::BlockShorterThanHeader,
                             "block is shorter than the 24-byte header"));
}

TEST(ValidateRanges, BlockShorterThanTotalSizeIsRejectedForEveryLengthReadingNothingPastIt) {
    const Bytes image = sample_map().block;  // 408 bytes
    for (std::size_t size = 24; size < image.size(); ++size) {
        EXPECT_TRUE(rejects_with(validate_copy(image.data(), size), ValidateError::BlockShorterThanTotalSize,
                                 "block is shorter than total_size"))
            << size;
    }
    EXPECT_TRUE(validate_copy(image.data(), image.size()));
}

TEST(ValidateRanges, BlockLongerThanTotalSizeIsAccepted) {
    Bytes image = sample_map().block;
    image.resize(image.size() + 100, 0xff);  // trailing bytes are not the map's
    EXPECT_TRUE(validate_copy(image));
}

}  // namespace
}  // namespace hashmap_mem::test
