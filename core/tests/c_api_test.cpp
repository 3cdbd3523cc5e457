// The C API (hashmap_mem.h) is the C++ API: the same ops through both leave
// byte-identical images and give the same answers, and each C function passes
// its arguments through unchanged.
#include "hashmap_mem/hashmap_mem.h"

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(CApi, LayoutFillsEveryFieldAsTheCppLayout) {
    hashmap_mem_map_init c{};
    ASSERT_EQ(hashmap_mem_layout(4, 4, 8, 8, 100, &c), HASHMAP_MEM_OK);
    const LayoutResult cpp = layout(4, 4, 8, 8, 100);
    EXPECT_EQ(c.key_size, 4u);
    EXPECT_EQ(c.key_alignment, 4u);
    EXPECT_EQ(c.value_size, 8u);
    EXPECT_EQ(c.value_alignment, 8u);
    EXPECT_EQ(c.capacity, 128u);
    EXPECT_EQ(c.logical_limit, 100u);
    EXPECT_EQ(c.total_size, cpp.map_init.total_size);
    EXPECT_EQ(c.bucket_size, 16u);
    EXPECT_EQ(c.key_offset, 4u);
    EXPECT_EQ(c.value_offset, 8u);
    EXPECT_EQ(hashmap_mem_layout(4, 4, 8, 8, 100, nullptr), HASHMAP_MEM_OK);  // out may be NULL
}

TEST(CApi, SameOpsThroughCAndCppLeaveTheSameImageAndAnswers) {
    hashmap_mem_map_init init{};
    ASSERT_EQ(hashmap_mem_layout(5, 1, 3, 1, 16, &init), HASHMAP_MEM_OK);
    Bytes c_map(init.total_size, 0xee);  // stale bytes: init writes only header and statuses
    hashmap_mem_init(c_map.data(), &init);
    TestMap cpp{Bytes(init.total_size, 0xee)};
    hashmap_mem::init(cpp.base(), layout(5, 1, 3, 1, 16).map_init);
    ASSERT_EQ(c_map, cpp.block);
    for (std::uint64_t i = 0; i < 40; ++i) {  // more than fit: some puts are refused
        const Bytes key = key_of(i * 7 % 23, 5);
        std::uint8_t* c_slot = hashmap_mem_get_or_reserve_entry(c_map.data(), key.data());
        std::uint8_t* cpp_slot = get_or_reserve_entry(cpp.base(), key.data());
        ASSERT_EQ(c_slot == nullptr, cpp_slot == nullptr) << i;
        if (c_slot != nullptr) {
            EXPECT_EQ(c_slot - c_map.data(), cpp_slot - cpp.base());
            std::memset(c_slot, static_cast<int>(i), 3);
            std::memset(cpp_slot, static_cast<int>(i), 3);
        }
        const Bytes other = key_of(i * 5 % 23, 5);
        EXPECT_EQ(hashmap_mem_has(c_map.data(), other.data()), has(cpp.base(), other.data()));
        EXPECT_EQ(hashmap_mem_lookup(c_map.data(), other.data()) == nullptr, lookup(cpp.base(), other.data()) == nullptr);
        if (i % 3 == 0) {
            EXPECT_EQ(hashmap_mem_remove(c_map.data(), other.data()), remove(cpp.base(), other.data()));
        }
        ASSERT_EQ(c_map, cpp.block) << "after op " << i;
    }
    for (std::uint32_t start = 0; start <= 17; ++start) {
        const hashmap_mem_entry c = hashmap_mem_find_next_valid_entry(c_map.data(), start);
        const Entry e = find_next_valid_entry(cpp.base(), start);
        EXPECT_EQ(c.index, e.index);
        EXPECT_EQ(c.key == nullptr ? -1 : c.key - c_map.data(), e.key == nullptr ? -1 : e.key - cpp.base());
        EXPECT_EQ(c.value == nullptr ? -1 : c.value - c_map.data(), e.value == nullptr ? -1 : e.value - cpp.base());
    }
    EXPECT_EQ(hashmap_mem_find_next_valid_entry(c_map.data(), 16).index, HASHMAP_MEM_END_OF_SCAN);
}

TEST(CApi, OverwriteAndValidateAnswerAsTheCppOnes) {
    TestMap a = make_map(8, 8, 8, 8, 4), b = make_map(8, 8, 8, 8, 4);
    for (std::uint64_t i = 0; i < 3; ++i) ASSERT_TRUE(put(a, key_of(i, 8), key_of(i, 8)));
    EXPECT_EQ(hashmap_mem_overwrite(b.base(), a.base()), HASHMAP_MEM_OK);
    EXPECT_EQ(b.block, a.block);
    std::uint32_t bucket = 99;
    EXPECT_EQ(hashmap_mem_validate(b.base(), b.block.size(), &bucket), HASHMAP_MEM_OK);
    EXPECT_EQ(bucket, 0u);
    EXPECT_EQ(hashmap_mem_validate(nullptr, 0, nullptr), HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_HEADER);
}

}  // namespace
}  // namespace hashmap_mem::test
