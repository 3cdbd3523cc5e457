// The oracle's expected errors (reference.hpp layout_error, validate): one
// rule of SPEC §3 or §10 broken gives that rule's error, several the
// documented order, and each header field at a rule's edge falls on the
// side the rule says. The fuzz targets compare every front end with these.
#include <gtest/gtest.h>

#include <cstring>

#include "oracle/front_end_oracle.hpp"
#include "keys/key_pool.hpp"
#include "oracle/reference.hpp"

namespace hashmap_mem::harness {
namespace {

using E = LayoutError;
using V = ValidateError;

LayoutError error_of(std::uint64_t ks, std::uint64_t ka, std::uint64_t vs, std::uint64_t va, std::uint64_t limit) {
    return reference::layout_error(LayoutArgs{ks, ka, vs, va, limit});
}

TEST(ReferenceLayoutError, NamesTheOneRuleBroken) {
    EXPECT_EQ(error_of(0, 1, 8, 1, 64), E::KeySizeZero);
    EXPECT_EQ(error_of(8, 0, 8, 1, 64), E::KeyAlignmentZero);
    EXPECT_EQ(error_of(8, 3, 8, 1, 64), E::KeyAlignmentNotPowerOfTwo);
    EXPECT_EQ(error_of(8, 256, 8, 1, 64), E::KeyAlignmentTooLarge);
    EXPECT_EQ(error_of(8, 1, 8, 0, 64), E::ValueAlignmentZero);
    EXPECT_EQ(error_of(8, 1, 8, 3, 64), E::ValueAlignmentNotPowerOfTwo);
    EXPECT_EQ(error_of(8, 1, 8, 256, 64), E::ValueAlignmentTooLarge);
    EXPECT_EQ(error_of(8, 1, 8, 1, 0), E::LogicalLimitZero);
    EXPECT_EQ(error_of(8, 1, 8, 1, 32769), E::LogicalLimitTooLarge);
    EXPECT_EQ(error_of(0xFFFFFFFF, 1, 0, 1, 1), E::ValueOffsetOverflow);
    EXPECT_EQ(error_of(8, 1, 0xFFFFFFFF, 1, 1), E::BucketSizeOverflow);
    EXPECT_EQ(error_of(8, 8, 1u << 20, 8, 32768), E::TotalSizeOverflow);
}

TEST(ReferenceLayoutError, AcceptsTheTopOfEachRange) {
    EXPECT_EQ(error_of(1, 1, 0, 1, 32768), E::None);
    EXPECT_EQ(error_of(1, 128, 0, 128, 1), E::None);
    EXPECT_TRUE(reference::layout(LayoutArgs{1, 1, 0, 1, 32768}).has_value());
}

TEST(ReferenceLayoutError, OrdersSeveralBucketShapeFirstThenLimitThenTotal) {
    EXPECT_EQ(error_of(0, 0, 0, 0, 0), E::KeySizeZero);
    EXPECT_EQ(error_of(8, 3, 8, 256, 0), E::KeyAlignmentNotPowerOfTwo);
    EXPECT_EQ(error_of(8, 1, 8, 256, 0), E::ValueAlignmentTooLarge);
    // calculate_bucket_layout has no limit: its overflow comes before the limit's errors.
    EXPECT_EQ(error_of(0xFFFFFFFF, 1, 0, 1, 0), E::ValueOffsetOverflow);
    EXPECT_EQ(error_of(8, 1, 0xFFFFFFFF, 1, 40000), E::BucketSizeOverflow);
}

TEST(ReferenceLayoutError, AgreesWithTheReferenceNumbersOnEveryEdgeCombination) {
    const std::uint64_t edges[] = {0, 1, 3, 8, 128, 256, 32768, 32769, 0xFFFFFFF0, 0xFFFFFFFF};
    for (auto ks : edges) for (auto ka : edges) for (auto vs : edges) for (auto va : edges) for (auto limit : edges) {
        const LayoutArgs args{ks, ka, vs, va, limit};
        ASSERT_EQ(reference::layout_error(args) == E::None, reference::layout(args).has_value())
            << ks << " " << ka << " " << vs << " " << va << " " << limit;
    }
}

// A map of `limit` (capacity 8 for 5..8) with 8-byte keys and values, keys 0..n-1 of one home put.
struct Image {
    LayoutArgs layout{8, 8, 8, 8, 8};
    Bytes bytes;
    explicit Image(std::uint64_t value_size = 8, std::uint64_t limit = 8) {
        layout.value_size = value_size;
        layout.logical_limit = limit;
        bytes = reference::init(layout, *reference::layout(layout));
    }
    void put(int count) {
        const std::vector<Bytes> keys = keys_with_home(8, 8, 6, static_cast<std::size_t>(count), 3);
        for (const Bytes& key : keys) {
            Op op;
            op.kind = OpKind::Put;
            op.key = key;
            op.value = Bytes(layout.value_size, 7);
            Answer answer;
            reference::run(op, bytes, answer);
        }
    }
    template <typename T>
    void set(std::size_t offset, T value) { std::memcpy(bytes.data() + offset, &value, sizeof value); }
    reference::ValidateVerdict verdict() const { return reference::validate(bytes.data(), bytes.size()); }
};

TEST(ReferenceValidate, PutsEachLimitEdgeOnTheSideItsRuleSays) {
    Image image;  // capacity 8
    for (const auto& [limit, error] : {std::pair{std::uint16_t{4}, V::CapacityNotSmallestForLimit}, {5, V::None},
                                       {8, V::None}, {9, V::LogicalLimitAboveCapacity}, {0, V::LogicalLimitZero}}) {
        image.set<std::uint16_t>(20, limit);
        EXPECT_EQ(image.verdict().error, error) << "logical_limit " << limit;
    }
}

TEST(ReferenceValidate, AcceptsASetWhoseKeyFillsTheBucketAndRefusesOneByteLess) {
    Image image(0);  // key_offset 8, key 8..15, bucket_size 16, value_offset 16, value_size 0
    image.put(3);
    EXPECT_EQ(image.verdict().error, V::None);
    image.set<std::uint32_t>(16, 15);  // bucket_size one below the key's end
    EXPECT_EQ(image.verdict().error, V::KeyRangePastBucket);
}

TEST(ReferenceValidate, NamesTheHeaderRuleBrokenAndTheBucketOfABucketRule) {
    Image image;
    image.put(3);
    Image secret = image;
    secret.bytes[23] = 0x3e;
    EXPECT_EQ(secret.verdict().error, V::BadSecretCode);
    Image overlap = image;
    overlap.set<std::uint32_t>(12, 15);  // value_offset one below the key's end
    EXPECT_EQ(overlap.verdict().error, V::ValueOverlapsKey);
    Image past = image;
    past.set<std::uint32_t>(8, 9);  // value_size one past the bucket
    EXPECT_EQ(past.verdict().error, V::ValueRangePastBucket);
    Image status = image;
    status.bytes[24 + 7 * 24] = 3;  // bucket 7
    EXPECT_EQ(status.verdict().error, V::BadStatusByte);
    EXPECT_EQ(status.verdict().bucket, 7u);
    Image shorter = image;
    shorter.bytes.pop_back();
    EXPECT_EQ(shorter.verdict().error, V::BlockShorterThanTotalSize);
    EXPECT_EQ(reference::validate(image.bytes.data(), 23).error, V::BlockShorterThanHeader);
    EXPECT_EQ(image.verdict().error, V::None);
}

TEST(FrontEndOracle, FindsNothingWrongWithTheRealFrontEnds) {
    EXPECT_EQ(check_layout_front_ends(LayoutArgs{8, 1, 8, 1, 64}), "");
    EXPECT_EQ(check_layout_front_ends(LayoutArgs{8, 8, 8, 8, 32768}), "");
    EXPECT_EQ(check_layout_front_ends(LayoutArgs{8, 1, 8, 256, 0}), "");
    Image image;
    image.put(3);
    EXPECT_EQ(check_validate_front_ends(image.bytes.data(), image.bytes.size()), "");
    image.bytes[23] = 0;
    EXPECT_EQ(check_validate_front_ends(image.bytes.data(), image.bytes.size()), "");
    EXPECT_EQ(expected_load_line(image.bytes.data(), image.bytes.size()), "error secret code is not 0x3d (not a live map)");
}

}  // namespace
}  // namespace hashmap_mem::harness
