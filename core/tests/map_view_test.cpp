// MapView<K, V> is the raw map with types: insert_or_assign, find, contains,
// erase, size leave the image the raw API leaves for the same layout
// (layout(sizeof K, alignof K, sizeof V, alignof V, limit)).
#include "hashmap_mem/map_view.hpp"

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using View = MapView<std::uint32_t, std::uint64_t>;

struct ViewAndRaw : ::testing::Test {
    std::vector<std::uint64_t> memory = std::vector<std::uint64_t>(View::bytes_for(20) / 8);
    View view = *View::create(memory.data(), memory.size() * 8, 20);
    TestMap raw = make_map(4, 4, 8, 8, 20);
    Bytes image() const { return Bytes(reinterpret_cast<const std::uint8_t*>(memory.data()),
                                       reinterpret_cast<const std::uint8_t*>(memory.data()) + raw.block.size()); }
};

TEST_F(ViewAndRaw, BytesForIsTheLayoutsTotalSize) {
    EXPECT_EQ(View::bytes_for(20), layout(4, 4, 8, 8, 20).map_init.total_size);
    EXPECT_EQ(View::bytes_for(20), 24u + 32u * 16u);
    EXPECT_EQ(View::bytes_for(0), 0u);
    EXPECT_EQ(View::bytes_for(32769), 0u);
    EXPECT_EQ(image(), raw.block);  // create is init
}

TEST_F(ViewAndRaw, InsertOrAssignFindAndEraseLeaveTheRawApisImage) {
    for (std::uint32_t k = 0; k < 30; ++k) {
        const std::uint64_t value = k * 3 + 1;
        EXPECT_EQ(view.insert_or_assign(k * 11, value), put(raw, key_of(k * 11, 4), key_of(value, 8)));
        if (k % 4 == 1) {
            EXPECT_EQ(view.erase(k * 7), remove(raw.base(), key_of(k * 7, 4).data()));
        }
        ASSERT_EQ(image(), raw.block) << k;
    }
    EXPECT_EQ(view.size(), raw.header().element_count);
}

TEST_F(ViewAndRaw, InsertOrAssignOverwritesThePresentValueInPlace) {
    ASSERT_TRUE(view.insert_or_assign(5, 50));
    const std::uint64_t* first = view.find(5);
    ASSERT_TRUE(view.insert_or_assign(5, 51));
    EXPECT_EQ(view.find(5), first);
    EXPECT_EQ(*view.find(5), 51u);
    EXPECT_EQ(view.size(), 1u);
}

TEST_F(ViewAndRaw, FindContainsEraseSizeEmptyAndCapacity) {
    EXPECT_TRUE(view.empty());
    EXPECT_EQ(view.capacity(), 32u);
    EXPECT_EQ(view.limit(), 20u);
    ASSERT_TRUE(view.insert_or_assign(9, 90));
    *view.find(9) += 1;  // the value in the block is writable
    const View& read_only = view;
    ASSERT_NE(read_only.find(9), nullptr);
    EXPECT_EQ(*read_only.find(9), 91u);
    EXPECT_TRUE(read_only.contains(9));
    EXPECT_FALSE(read_only.contains(10));
    EXPECT_EQ(read_only.find(10), nullptr);
    EXPECT_EQ(view.size(), 1u);
    EXPECT_FALSE(view.erase(10));
    EXPECT_TRUE(view.erase(9));
    EXPECT_FALSE(view.contains(9));
    EXPECT_TRUE(view.empty());
}

TEST(MapViewFull, InsertOrAssignIsFalseWhenTheKeysWindowIsFullAndChangesNothing) {
    std::vector<std::uint64_t> memory(View::bytes_for(64) / 8);
    View full = *View::create(memory.data(), memory.size() * 8, 64);
    const std::vector<Bytes> keys = keys_with_home(33, 4, 64, 10);  // 33 keys, home 10
    for (std::size_t i = 0; i < 32; ++i) ASSERT_TRUE(full.insert_or_assign(load_as<std::uint32_t>(keys[i].data()), i));
    const std::vector<std::uint64_t> before = memory;
    EXPECT_FALSE(full.insert_or_assign(load_as<std::uint32_t>(keys[32].data()), 99));
    EXPECT_EQ(memory, before);
    EXPECT_TRUE(full.insert_or_assign(load_as<std::uint32_t>(keys[31].data()), 7));  // present: assigned in place
    EXPECT_EQ(*full.find(load_as<std::uint32_t>(keys[31].data())), 7u);
}

}  // namespace
}  // namespace hashmap_mem::test
