// validate (SPEC §10) rejects corrupt buckets: status bytes, element_count,
// duplicate keys and keys lookup could not reach. Each names the bucket.
#include "validate_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(ValidateBuckets, StatusByteOtherThan0To2IsRejectedAtItsBucket) {
    for (int status : {3, 0x80, 0xff}) {  // 3 is overwrite's private PENDING mark
        TestMap map = sample_map();
        map.bucket(9)[0] = static_cast<std::uint8_t>(status);
        const ValidateResult r = validate_copy(map.block);
        EXPECT_TRUE(rejects_with(r, ValidateError::BadStatusByte, "status byte is not 0, 1 or 2"));
        EXPECT_EQ(r.bucket, 9u);
    }
}

TEST(ValidateBuckets, ElementCountDifferentFromOccupiedBucketsIsRejected) {
    for (int count : {0, 4, 6, 16}) {  // the sample holds 5
        const auto edit = [&](MapHeader& h) { h.element_count = static_cast<std::uint16_t>(count); };
        EXPECT_TRUE(rejects_with(validate_copy(with_header(edit)),
                                 ValidateError::ElementCountMismatch,
                                 "element_count differs from the number of Occupied buckets"));
    }
}

// 3 keys with home 4 in a capacity-16 map: "O O O E" at buckets 4..7.
struct Cluster : ::testing::Test {
    std::vector<Bytes> keys = keys_with_home(3, 8, 16, 4);
    TestMap map = make_map(8, 8, 2, 2, 16);
    void SetUp() override {
        for (const Bytes& key : keys) ASSERT_TRUE(put(map, key, {1, 2}));
        ASSERT_EQ(statuses(map, 3, 5), "E O O O E");
    }
    void set_count(std::uint16_t count) {
        MapHeader h = map.header();
        h.element_count = count;
        write_header(map.base(), h);
    }
};

TEST_F(Cluster, TwoOccupiedBucketsWithEqualKeysAreRejected) {
    std::memcpy(map.bucket(7), map.bucket(5), 24);  // bucket 7 now repeats bucket 5's key
    set_count(4);
    const ValidateResult r = validate_copy(map.block);
    EXPECT_TRUE(rejects_with(r, ValidateError::DuplicateKey, "two Occupied buckets hold equal keys"));
    EXPECT_EQ(r.bucket, 7u);
}

TEST_F(Cluster, KeyWithAnEmptyBucketBetweenItsHomeAndItIsRejected) {
    map.bucket(5)[0] = 0;  // "O E O": the key in bucket 6 is cut off from home 4
    set_count(2);
    const ValidateResult r = validate_copy(map.block);
    EXPECT_TRUE(rejects_with(r, ValidateError::KeyUnreachableEmptyBetween,
                             "Occupied key unreachable: an Empty bucket lies between its home and it"));
    EXPECT_EQ(r.bucket, 6u);
    map.bucket(5)[0] = 1;  // a Tombstone there instead keeps it reachable
    EXPECT_TRUE(validate_copy(map.block));
}

TEST(ValidateBuckets, KeyThirtyTwoOrMoreBucketsFromHomeIsRejected) {
    TestMap map = make_map(4, 4, 4, 4, 64);
    const std::vector<Bytes> keys = keys_with_home(33, 4, 64, 10);
    for (std::size_t i = 0; i < 32; ++i) ASSERT_TRUE(put(map, keys[i], keys[i]));
    ASSERT_TRUE(validate_copy(map.block));  // distance 31 is the last reachable
    map.bucket(42)[0] = 2;  // place the 33rd by hand, 32 buckets from home 10
    std::memcpy(map.bucket(42) + 4, keys[32].data(), 4);
    MapHeader h = map.header();
    h.element_count = 33;
    write_header(map.base(), h);
    const ValidateResult r = validate_copy(map.block);
    EXPECT_TRUE(rejects_with(r, ValidateError::KeyUnreachableTooFar,
                             "Occupied key unreachable: it lies 32 or more buckets from its home"));
    EXPECT_EQ(r.bucket, 42u);
}

}  // namespace
}  // namespace hashmap_mem::test
