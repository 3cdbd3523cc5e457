// overwrite (SPEC §6) when it succeeds, starting with the Rust crate's
// test_overwrite.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(Overwrite, ThreeEntriesFromALimit8MapLandInALimit16Map) {
    TestMap source = make_map(4, 4, 4, 4, 8);
    TestMap target = make_map(4, 4, 4, 4, 16);
    for (std::int32_t i = 0; i < 3; ++i) {
        const std::int32_t value = i * 100;
        std::memcpy(get_or_reserve_entry(source.base(), &i), &value, 4);
    }
    ASSERT_EQ(source.header().element_count, 3);
    EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::Ok);
    EXPECT_EQ(target.header().element_count, 3);
    for (std::int32_t i = 0; i < 3; ++i) {
        const std::uint8_t* found = lookup(target.base(), &i);
        ASSERT_NE(found, nullptr);
        EXPECT_EQ(load_as<std::int32_t>(found), i * 100);
    }
}

TEST(Overwrite, SourceValuesWinAndTargetOnlyKeysStay) {
    TestMap target = make_map(8, 8, 8, 8, 16);
    TestMap source = make_map(8, 8, 8, 8, 16);
    ASSERT_TRUE(put(target, key_of(1, 8), key_of(10, 8)));
    ASSERT_TRUE(put(target, key_of(2, 8), key_of(20, 8)));
    ASSERT_TRUE(put(source, key_of(2, 8), key_of(200, 8)));
    ASSERT_TRUE(put(source, key_of(3, 8), key_of(300, 8)));
    const Bytes source_before = source.block;
    EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::Ok);
    EXPECT_EQ(target.header().element_count, 3);
    EXPECT_EQ(load_as<std::uint64_t>(lookup(target.base(), key_of(1, 8).data())), 10u);
    EXPECT_EQ(load_as<std::uint64_t>(lookup(target.base(), key_of(2, 8).data())), 200u);
    EXPECT_EQ(load_as<std::uint64_t>(lookup(target.base(), key_of(3, 8).data())), 300u);
    EXPECT_EQ(source.block, source_before);  // source is never written
    EXPECT_TRUE(validate(target.base(), target.block.size()));
}

TEST(Overwrite, KeyOffsetsMayDifferWhenSizesMatch) {
    TestMap target = make_map(4, 2, 4, 4, 8);  // key at 2, value at 8, bucket 12
    TestMap source = make_map(4, 4, 4, 4, 4);  // key at 4, value at 8, bucket 12
    ASSERT_EQ(target.header().bucket_size, source.header().bucket_size);
    ASSERT_TRUE(put(source, key_of(7, 4), key_of(70, 4)));
    EXPECT_EQ(overwrite(target.base(), source.base()), OverwriteResult::Ok);
    EXPECT_EQ(load_as<std::uint32_t>(lookup(target.base(), key_of(7, 4).data())), 70u);
}

TEST(Overwrite, EveryKeySizePathCopiesEveryEntry) {
    for (std::uint32_t key_size : {1u, 2u, 4u, 8u, 16u, 3u, 33u}) {
        TestMap target = make_map(key_size, 1, 2, 1, 32);
        TestMap source = make_map(key_size, 1, 2, 1, 16);
        for (std::uint8_t n = 0; n < 16; ++n) ASSERT_TRUE(put(source, key_of(n, key_size), {n, 0xee}));
        ASSERT_EQ(overwrite(target.base(), source.base()), OverwriteResult::Ok) << key_size;
        EXPECT_EQ(target.header().element_count, 16);
        for (std::uint8_t n = 0; n < 16; ++n) {
            const std::uint8_t* value = lookup(target.base(), key_of(n, key_size).data());
            ASSERT_NE(value, nullptr);
            EXPECT_EQ(value[0], n);
        }
    }
}

TEST(Overwrite, SameMapIsOkAndChangesNoByte) {
    TestMap map = make_map(4, 4, 4, 4, 16);
    for (std::uint64_t n = 0; n < 10; ++n) ASSERT_TRUE(put(map, key_of(n, 4), key_of(n * 3, 4)));
    ASSERT_TRUE(remove(map.base(), key_of(4, 4).data()));
    const Bytes before = map.block;
    EXPECT_EQ(overwrite(map.base(), map.base()), OverwriteResult::Ok);
    EXPECT_EQ(map.block, before);
}

}  // namespace
}  // namespace hashmap_mem::test
