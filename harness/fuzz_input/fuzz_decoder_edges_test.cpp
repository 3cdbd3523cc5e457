// The fuzz decoder's reach pieces (issue 25): image_fuzzer's mode 0xe0 puts a
// header field exactly at the edge a validate rule names, and the key pools
// end in near-duplicates of their cluster keys.
#include <gtest/gtest.h>

#include <cstring>

#include "fuzz_input/fuzz_decoder.hpp"
#include "keys/key_pool.hpp"

namespace hashmap_mem::harness {
namespace {

// Mode 0xe0, layout 8/8 at limit 64, home byte, fill 0, no puts, no dels,
// one edit: `rule` with delta byte `delta` (0, 1, 2 for -1, 0, +1).
std::vector<Op> edge_input(std::uint8_t rule, std::uint8_t delta) {
    const std::uint8_t input[] = {0xe0, 3, 0xc8, 0, 63, 1, 0, 0, 0, 0, rule, delta};
    return decode_fuzz_input(FuzzTarget::Image, input, sizeof input);
}

template <typename T>
T field(const Op& load, std::size_t offset) {
    T value;
    std::memcpy(&value, load.key.data() + offset, sizeof value);
    return value;
}

TEST(ImageEdges, PutsLogicalLimitAtHalfTheCapacityAndOnePastEitherWay) {
    for (std::uint8_t delta = 0; delta < 3; ++delta) {
        const std::vector<Op> ops = edge_input(0, delta);
        ASSERT_FALSE(ops.empty());
        ASSERT_EQ(ops[0].kind, OpKind::Load);
        EXPECT_EQ(field<std::uint16_t>(ops[0], 20), 32 + delta - 1);
    }
}

TEST(ImageEdges, PutsLogicalLimitOneAboveTheCapacity) {
    EXPECT_EQ(field<std::uint16_t>(edge_input(1, 2)[0], 20), 65);
}

TEST(ImageEdges, ChangesTheSecretCodeByOne) {
    EXPECT_EQ(field<std::uint8_t>(edge_input(10, 0)[0], 23), 0x3c);
    EXPECT_EQ(field<std::uint8_t>(edge_input(10, 1)[0], 23), 0x3d);
}

TEST(ImageEdges, MakesASetWhoseKeyEndsAtTheBucketsEnd) {
    const Op load = edge_input(15, 1)[0];
    const std::uint32_t key_end = field<std::uint8_t>(load, 22) + field<std::uint32_t>(load, 4);
    EXPECT_EQ(field<std::uint32_t>(load, 8), 0u);                // value_size
    EXPECT_EQ(field<std::uint32_t>(load, 12), key_end);          // value_offset
    EXPECT_EQ(field<std::uint32_t>(load, 16), key_end);          // bucket_size
}

TEST(ImageEdges, PutsTheBlockSizeOneShortOfTotalSize) {
    const Op load = edge_input(12, 0)[0];
    const std::size_t total = 24 + std::size_t{field<std::uint16_t>(load, 0)} * field<std::uint32_t>(load, 16);
    EXPECT_EQ(load.key.size(), total - 1);
}

TEST(KeyPoolNearDuplicates, GetOfANearDuplicateOfAPutKeyNamesAKeyOneByteAway) {
    // ops_fuzzer: layout 16/1 at limit 64, home byte, fill, put key 0, get key 54 (key 0, last byte changed).
    const std::uint8_t input[] = {4, 0xc1, 0, 63, 1, 0, 0x00, 0, 0x60, 54};
    const std::vector<Op> ops = decode_fuzz_input(FuzzTarget::Ops, input, sizeof input);
    ASSERT_EQ(ops.size(), 3u);
    const Bytes& put = ops[1].key;
    const Bytes& get = ops[2].key;
    ASSERT_EQ(put.size(), 16u);
    ASSERT_EQ(get.size(), 16u);
    EXPECT_TRUE(std::equal(put.begin(), put.end() - 1, get.begin()));
    EXPECT_NE(put.back(), get.back());
    EXPECT_EQ(home_bucket(put, 64), home_bucket(get, 64));
}

}  // namespace
}  // namespace hashmap_mem::harness
