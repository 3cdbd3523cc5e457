// bytes_for and create take the limit as a wide integer and refuse what
// layout refuses (0, above 32768): a limit is never cut down to another one
// (a uint16_t parameter once sized 70000 as 4464 and 65541 as 5).
#include <cstdint>
#include <limits>

#include "hashmap_mem/map_view.hpp"
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using View = MapView<std::uint32_t, std::uint64_t>;

TEST(MapViewWideLimit, BytesForRefusesALimitAbove32768) {
    EXPECT_EQ(View::bytes_for(70000), 0u);
    EXPECT_EQ(View::bytes_for(65541), 0u);
    EXPECT_EQ(View::bytes_for(32769), 0u);
    EXPECT_EQ(View::bytes_for(std::numeric_limits<std::size_t>::max()), 0u);
    if constexpr (sizeof(std::size_t) > 4) {
        EXPECT_EQ(View::bytes_for((std::size_t{1} << 32) + 5), 0u);  // not 5 mod 2^32
    }
    EXPECT_EQ(View::bytes_for(32768), layout(4, 4, 8, 8, 32768).map_init.total_size);
}

TEST(MapViewWideLimit, BytesForRefusesALimitOfZero) { EXPECT_EQ(View::bytes_for(0), 0u); }

TEST(MapViewWideLimit, CreateRefusesALimitAbove32768AndWritesNothing) {
    std::vector<std::uint64_t> memory(View::bytes_for(8) / 8 + 1, 0xABABABABABABABABu);
    for (const std::size_t limit : {std::size_t{32769}, std::size_t{65541}, std::size_t{70000},
                                    std::numeric_limits<std::size_t>::max()}) {
        const View::Result refused = View::create(memory.data(), memory.size() * 8, limit);
        EXPECT_FALSE(refused) << limit;
        EXPECT_EQ(refused.error, ViewError::BadLayout) << limit;
        EXPECT_EQ(refused.layout_error, LayoutError::LogicalLimitTooLarge) << limit;
    }
    for (const std::uint64_t word : memory) EXPECT_EQ(word, 0xABABABABABABABABu);
}

TEST(MapViewWideLimit, CreateRefusesALimitOfZero) {
    std::vector<std::uint64_t> memory(View::bytes_for(8) / 8 + 1);
    EXPECT_EQ(View::create(memory.data(), memory.size() * 8, 0).layout_error, LayoutError::LogicalLimitZero);
}

TEST(MapViewWideLimit, CreateTakesTheLargestLimitWhole) {
    std::vector<std::uint64_t> memory(View::bytes_for(32768) / 8 + 1);
    View::Result made = View::create(memory.data(), memory.size() * 8, 32768);
    ASSERT_TRUE(made) << made.why();
    EXPECT_EQ(made->limit(), 32768u);
    EXPECT_EQ(made->capacity(), 32768u);
}

}  // namespace
}  // namespace hashmap_mem::test
