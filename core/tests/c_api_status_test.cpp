// Every layout, overwrite and validate error has its own nonzero
// hashmap_mem_status, hashmap_mem_describe names each with the C++ sentence,
// and the C functions answer the right one for inputs that cause it.
#include <set>
#include <string>

#include "hashmap_mem/hashmap_mem.h"
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

struct Named {
    hashmap_mem_status status;
    const char* sentence;  // the C++ describe() of the same error
};

std::vector<Named> every_error() {
    std::vector<Named> all;
    const hashmap_mem_status layout_codes[] = {
        HASHMAP_MEM_LAYOUT_KEY_SIZE_ZERO, HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_ZERO,
        HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_NOT_POWER_OF_TWO, HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_TOO_LARGE,
        HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_ZERO, HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_NOT_POWER_OF_TWO,
        HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_TOO_LARGE, HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_ZERO,
        HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_TOO_LARGE, HASHMAP_MEM_LAYOUT_VALUE_OFFSET_OVERFLOW,
        HASHMAP_MEM_LAYOUT_BUCKET_SIZE_OVERFLOW, HASHMAP_MEM_LAYOUT_TOTAL_SIZE_OVERFLOW};
    for (int e = 1; e <= static_cast<int>(LayoutError::TotalSizeOverflow); ++e) {
        all.push_back({layout_codes[e - 1], describe(static_cast<LayoutError>(e))});
    }
    const hashmap_mem_status overwrite_codes[] = {HASHMAP_MEM_OVERWRITE_TARGET_LIMIT_TOO_SMALL,
                                                  HASHMAP_MEM_OVERWRITE_LAYOUT_MISMATCH, HASHMAP_MEM_OVERWRITE_TARGET_FULL};
    for (int e = 1; e <= static_cast<int>(OverwriteResult::TargetFull); ++e) {
        all.push_back({overwrite_codes[e - 1], describe(static_cast<OverwriteResult>(e))});
    }
    const hashmap_mem_status validate_codes[] = {
        HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_HEADER, HASHMAP_MEM_VALIDATE_BAD_SECRET_CODE,
        HASHMAP_MEM_VALIDATE_CAPACITY_NOT_POWER_OF_TWO, HASHMAP_MEM_VALIDATE_KEY_SIZE_ZERO,
        HASHMAP_MEM_VALIDATE_LOGICAL_LIMIT_ZERO, HASHMAP_MEM_VALIDATE_LOGICAL_LIMIT_ABOVE_CAPACITY,
        HASHMAP_MEM_VALIDATE_CAPACITY_NOT_SMALLEST_FOR_LIMIT, HASHMAP_MEM_VALIDATE_KEY_OFFSET_ZERO,
        HASHMAP_MEM_VALIDATE_KEY_RANGE_PAST_BUCKET, HASHMAP_MEM_VALIDATE_VALUE_OVERLAPS_KEY,
        HASHMAP_MEM_VALIDATE_VALUE_RANGE_PAST_BUCKET, HASHMAP_MEM_VALIDATE_TOTAL_SIZE_OVERFLOW,
        HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_TOTAL_SIZE, HASHMAP_MEM_VALIDATE_BAD_STATUS_BYTE,
        HASHMAP_MEM_VALIDATE_ELEMENT_COUNT_MISMATCH, HASHMAP_MEM_VALIDATE_DUPLICATE_KEY,
        HASHMAP_MEM_VALIDATE_KEY_UNREACHABLE_EMPTY_BETWEEN, HASHMAP_MEM_VALIDATE_KEY_UNREACHABLE_TOO_FAR};
    for (int e = 1; e <= static_cast<int>(ValidateError::KeyUnreachableTooFar); ++e) {
        all.push_back({validate_codes[e - 1], describe(static_cast<ValidateError>(e))});
    }
    return all;
}

TEST(CApiStatus, EveryErrorHasItsOwnNonzeroValueAndTheCppSentence) {
    std::set<hashmap_mem_status> seen;
    for (const Named& n : every_error()) {
        EXPECT_NE(n.status, HASHMAP_MEM_OK);
        EXPECT_TRUE(seen.insert(n.status).second) << n.status << " twice";
        EXPECT_STREQ(hashmap_mem_describe(n.status), n.sentence) << n.status;
    }
    EXPECT_EQ(seen.size(), 12u + 3u + 18u);
    EXPECT_STREQ(hashmap_mem_describe(HASHMAP_MEM_OK), "ok");
    for (hashmap_mem_status none : {-1, 13, 20, 24, 40, 59}) {
        EXPECT_STREQ(hashmap_mem_describe(none), "unknown hashmap_mem status") << none;
    }
}

TEST(CApiStatus, LayoutOverwriteAndValidateAnswerTheStatusOfTheirError) {
    hashmap_mem_map_init out{};
    out.total_size = 1;
    EXPECT_EQ(hashmap_mem_layout(4, 3, 8, 8, 10, &out), HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_NOT_POWER_OF_TWO);
    EXPECT_EQ(out.total_size, 0u);  // zero-filled on an error
    EXPECT_EQ(hashmap_mem_layout(4, 4, 8, 8, 40000, nullptr), HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_TOO_LARGE);

    TestMap big = make_map(4, 4, 4, 4, 8), small = make_map(4, 4, 4, 4, 2), other = make_map(8, 8, 4, 4, 8);
    for (std::uint64_t i = 0; i < 3; ++i) ASSERT_TRUE(put(big, key_of(i, 4), key_of(i, 4)));
    EXPECT_EQ(hashmap_mem_overwrite(small.base(), big.base()), HASHMAP_MEM_OVERWRITE_TARGET_LIMIT_TOO_SMALL);
    EXPECT_EQ(hashmap_mem_overwrite(other.base(), big.base()), HASHMAP_MEM_OVERWRITE_LAYOUT_MISMATCH);

    big.bucket(5)[0] = 7;  // a bad status byte, in bucket 5
    std::uint32_t bucket = 0;
    EXPECT_EQ(hashmap_mem_validate(big.base(), big.block.size(), &bucket), HASHMAP_MEM_VALIDATE_BAD_STATUS_BYTE);
    EXPECT_EQ(bucket, 5u);
}

}  // namespace
}  // namespace hashmap_mem::test
