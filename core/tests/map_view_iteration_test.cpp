// MapView's iterators walk the buckets in order, as find_next_valid_entry
// does: each entry once, the value writable in place, and erasing the
// current entry during the loop is safe.
#include <array>

#include "hashmap_mem/map_view.hpp"
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using Key = std::array<std::uint8_t, 12>;  // the general (non-word) key path
using View = MapView<Key, std::uint16_t>;

Key key_number(std::uint32_t n) {
    Key key{};
    std::memcpy(key.data(), &n, sizeof n);
    return key;
}

struct Iteration : ::testing::Test {
    std::vector<std::uint8_t> memory = std::vector<std::uint8_t>(View::bytes_for(64));
    View view = *View::create(memory.data(), memory.size(), 64);
    void SetUp() override {
        for (std::uint32_t n = 0; n < 40; ++n) ASSERT_TRUE(view.insert_or_assign(key_number(n), static_cast<std::uint16_t>(n)));
    }
};

TEST_F(Iteration, VisitsEveryEntryOnceInBucketOrderAsFindNextValidEntry) {
    Entry e = find_next_valid_entry(view.data(), 0);
    std::size_t visited = 0;
    for (auto it = view.begin(); it != view.end(); ++it, ++visited) {
        ASSERT_EQ(it.index(), e.index);
        const auto [key, value] = *it;
        EXPECT_EQ(reinterpret_cast<const std::uint8_t*>(&key), e.key);
        EXPECT_EQ(*view.find(key), value);
        e = find_next_valid_entry(view.data(), e.index + 1u);
    }
    EXPECT_EQ(e.index, END_OF_SCAN);
    EXPECT_EQ(visited, 40u);
}

TEST_F(Iteration, ValuesAreWritableThroughTheLoopsBinding) {
    for (auto [key, value] : view) value = static_cast<std::uint16_t>(value + 1000);
    for (std::uint32_t n = 0; n < 40; ++n) EXPECT_EQ(std::uint32_t{*view.find(key_number(n))}, n + 1000);
    std::uint32_t sum = 0;
    for (auto [key, value] : static_cast<const View&>(view)) sum += value;  // const view: const V&
    EXPECT_EQ(sum, 40u * 1000u + 39u * 40u / 2u);
}

TEST_F(Iteration, ErasingTheCurrentEntryDuringTheLoopVisitsTheRestOnce) {
    std::vector<std::uint16_t> seen;
    for (auto [key, value] : view) {
        seen.push_back(value);
        if (value % 3 != 0) {
            EXPECT_TRUE(view.erase(key));  // key is in the bucket being erased
        }
    }
    EXPECT_EQ(seen.size(), 40u);
    EXPECT_EQ(view.size(), 14u);  // 0, 3, ..., 39
    for (auto [key, value] : view) EXPECT_EQ(value % 3, 0);
    EXPECT_TRUE(validate(view.data(), memory.size()));
}

}  // namespace
}  // namespace hashmap_mem::test
