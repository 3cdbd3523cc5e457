// hashmap_mem_element_count, _capacity and _logical_limit read the header's
// fields, so a C caller needs no header offsets; they follow every op.
#include "hashmap_mem/hashmap_mem.h"

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(CApiAccessors, ANewMapHasNoEntriesAndLayoutsCapacityAndLimit) {
    hashmap_mem_map_init init{};
    ASSERT_EQ(hashmap_mem_layout(4, 4, 8, 8, 100, &init), HASHMAP_MEM_OK);
    Bytes map(init.total_size, 0xee);
    hashmap_mem_init(map.data(), &init);
    EXPECT_EQ(hashmap_mem_element_count(map.data()), 0u);
    EXPECT_EQ(hashmap_mem_capacity(map.data()), 128u);
    EXPECT_EQ(hashmap_mem_logical_limit(map.data()), 100u);
}

TEST(CApiAccessors, ElementCountFollowsInsertsRemovesAndOverwrite) {
    hashmap_mem_map_init init{};
    ASSERT_EQ(hashmap_mem_layout(4, 4, 4, 4, 50, &init), HASHMAP_MEM_OK);
    Bytes map(init.total_size, 0);
    hashmap_mem_init(map.data(), &init);
    for (std::uint32_t key = 0; key < 20; ++key) ASSERT_NE(hashmap_mem_get_or_reserve_entry(map.data(), &key), nullptr);
    EXPECT_EQ(hashmap_mem_element_count(map.data()), 20u);
    const std::uint32_t again = 7;
    ASSERT_NE(hashmap_mem_get_or_reserve_entry(map.data(), &again), nullptr);  // present: no new entry
    EXPECT_EQ(hashmap_mem_element_count(map.data()), 20u);
    ASSERT_TRUE(hashmap_mem_remove(map.data(), &again));
    EXPECT_EQ(hashmap_mem_element_count(map.data()), 19u);

    Bytes target(init.total_size, 0);
    hashmap_mem_init(target.data(), &init);
    ASSERT_EQ(hashmap_mem_overwrite(target.data(), map.data()), HASHMAP_MEM_OK);
    EXPECT_EQ(hashmap_mem_element_count(target.data()), 19u);
}

TEST(CApiAccessors, AnswerAsTheCppHeaderReaders) {
    for (const std::uint32_t limit : {1u, 2u, 33u, 1000u, 32768u}) {
        TestMap map = make_map(8, 8, 0, 1, limit);
        EXPECT_EQ(hashmap_mem_capacity(map.base()), read_capacity(map.base())) << limit;
        EXPECT_EQ(hashmap_mem_logical_limit(map.base()), limit);
        EXPECT_EQ(hashmap_mem_element_count(map.base()), read_element_count(map.base())) << limit;
    }
}

TEST(CApiAccessors, ReadAConstImage) {
    TestMap map = make_map(4, 4, 4, 4, 10);
    const std::uint32_t key = 3;
    ASSERT_NE(get_or_reserve_entry(map.base(), &key), nullptr);
    const void* image = map.base();
    EXPECT_EQ(hashmap_mem_element_count(image), 1u);
    EXPECT_EQ(hashmap_mem_capacity(image), 16u);
    EXPECT_EQ(hashmap_mem_logical_limit(image), 10u);
}

}  // namespace
}  // namespace hashmap_mem::test
