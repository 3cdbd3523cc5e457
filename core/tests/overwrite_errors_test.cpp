// overwrite (SPEC §6) refuses a target whose limit is below the source's
// count and layouts whose sizes differ, changing no byte; each result has its
// own message.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(OverwriteErrors, TargetLimitBelowSourceCountChangesNoByte) {
    TestMap target = make_map(4, 4, 4, 4, 2);
    TestMap source = make_map(4, 4, 4, 4, 8);
    for (std::uint64_t n = 0; n < 3; ++n) ASSERT_TRUE(put(source, key_of(n, 4), key_of(n, 4)));
    const Bytes target_before = target.block, source_before = source.block;
    EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::TargetLimitTooSmall);
    EXPECT_EQ(target.block, target_before);
    EXPECT_EQ(source.block, source_before);
    TestMap exact = make_map(4, 4, 4, 4, 3);  // limit == count is enough
    EXPECT_EQ(overwrite(exact.base(), source.base()), OverwriteResult::Ok);
}

TEST(OverwriteErrors, KeyValueOrBucketSizeMismatchChangesNoByte) {
    TestMap source = make_map(4, 4, 4, 4, 8);  // bucket 12
    ASSERT_TRUE(put(source, key_of(1, 4), key_of(1, 4)));
    for (TestMap target : {make_map(2, 2, 4, 4, 8), make_map(4, 4, 8, 4, 8), make_map(4, 4, 4, 8, 8)}) {
        const Bytes before = target.block;  // key_size, value_size, then bucket_size (16) differ
        EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::LayoutMismatch);
        EXPECT_EQ(target.block, before);
    }
}

TEST(OverwriteResultDescribe, EachResultHasItsOwnMessage) {
    EXPECT_STREQ(describe(OverwriteResult::Ok), "ok");
    EXPECT_STREQ(describe(OverwriteResult::TargetLimitTooSmall),
                 "target logical_limit is below source element_count");
    EXPECT_STREQ(describe(OverwriteResult::LayoutMismatch),
                 "key_size, value_size or bucket_size differ between target and source");
    EXPECT_STREQ(describe(OverwriteResult::TargetFull), "a source key found its 32-bucket window in target full");
    EXPECT_STREQ(describe(static_cast<OverwriteResult>(9)), "unknown overwrite result");
}

}  // namespace
}  // namespace hashmap_mem::test
