// validate (SPEC §10) rejects each corrupt header field with its own error.
#include "validate_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(ValidateHeader, LiveMapIsAccepted) {
    const ValidateResult r = validate_copy(sample_map().block);
    EXPECT_TRUE(r);
    EXPECT_EQ(r.error, ValidateError::None);
    EXPECT_STREQ(describe(r.error), "ok");
}

TEST(ValidateHeader, SecretCodeOtherThan0x3dIsRejected) {
    for (std::uint8_t code : {std::uint8_t{0x00}, std::uint8_t{0x3c}, std::uint8_t{0x3e}, std::uint8_t{0xff}}) {
        EXPECT_TRUE(rejects_with(validate_copy(with_header([&](MapHeader& h) { h.padding_and_secret_code = code; })),
                                 ValidateError::BadSecretCode, "secret code is not 0x3d (not a live map)"));
    }
}

TEST(ValidateHeader, CapacityZeroNonPowerOfTwoOrAbove32768IsRejected) {
    // 0 is also what a capacity of 65536 becomes in the u16 field.
    for (int capacity : {0, 3, 12, 0x8001, 0xFFFF}) {
        const auto edit = [&](MapHeader& h) { h.capacity = static_cast<std::uint16_t>(capacity); };
        EXPECT_TRUE(rejects_with(validate_copy(with_header(edit)),
                                 ValidateError::CapacityNotPowerOfTwo, "capacity is not a power of two in 1..32768"));
    }
}

TEST(ValidateHeader, KeySizeZeroIsRejected) {
    EXPECT_TRUE(rejects_with(validate_copy(with_header([](MapHeader& h) { h.key_size = 0; })),
                             ValidateError::KeySizeZero, "key_size is 0"));
}

TEST(ValidateHeader, LogicalLimitZeroOrAboveCapacityIsRejected) {
    EXPECT_TRUE(rejects_with(validate_copy(with_header([](MapHeader& h) { h.logical_limit = 0; })),
                             ValidateError::LogicalLimitZero, "logical_limit is 0"));
    EXPECT_TRUE(rejects_with(validate_copy(with_header([](MapHeader& h) { h.logical_limit = 17; })),
                             ValidateError::LogicalLimitAboveCapacity, "logical_limit is above capacity"));
}

TEST(ValidateHeader, CapacityLargerThanTheLimitNeedsIsRejected) {
    // limit 8 needs capacity 8, not 16; limit 9 is the smallest that fits 16.
    EXPECT_TRUE(rejects_with(validate_copy(with_header([](MapHeader& h) { h.logical_limit = 8; })),
                             ValidateError::CapacityNotSmallestForLimit,
                             "capacity is not the smallest power of two >= logical_limit"));
    EXPECT_TRUE(validate_copy(with_header([](MapHeader& h) { h.logical_limit = 9; })));
}

TEST(ValidateHeader, KeyOffsetZeroIsRejected) {
    EXPECT_TRUE(rejects_with(validate_copy(with_header([](MapHeader& h) { h.key_offset = 0; })),
                             ValidateError::KeyOffsetZero, "key_offset is 0: the key overlaps the status byte"));
}

TEST(ValidateHeader, KeyRunningPastTheBucketIsRejectedWithoutOverflow) {
    for (std::uint32_t key_size : {17u, 0xFFFFFFFFu}) {  // 8 + 17 > 24; 8 + 2^32-1 must not wrap
        EXPECT_TRUE(rejects_with(validate_copy(with_header([&](MapHeader& h) { h.key_size = key_size; })),
                                 ValidateError::KeyRangePastBucket, "key range runs past bucket_size"));
    }
}

}  // namespace
}  // namespace hashmap_mem::test
