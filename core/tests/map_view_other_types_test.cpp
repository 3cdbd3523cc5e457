// attach's OtherTypes answer says what does not match: the map's key_size and
// value_size next to sizeof(K) and sizeof(V), in why() and as numbers.
#include <string>

#include "hashmap_mem/map_view.hpp"
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using View = MapView<std::uint32_t, std::uint64_t>;

// A valid image of the given sizes in 8-aligned memory.
std::vector<std::uint64_t> image_of(std::uint32_t key_size, std::uint32_t value_size, std::size_t& size) {
    TestMap raw = make_map(key_size, 4, value_size, 4, 8);
    std::vector<std::uint64_t> memory(raw.block.size() / 8 + 1);
    std::memcpy(memory.data(), raw.block.data(), raw.block.size());
    size = raw.block.size();
    return memory;
}

TEST(MapViewOtherTypes, WhyGivesTheMapsAndTheTypesSizes) {
    std::size_t size = 0;
    std::vector<std::uint64_t> memory = image_of(4, 12, size);
    const View::Result refused = View::attach(memory.data(), size);
    ASSERT_EQ(refused.error, ViewError::OtherTypes);
    EXPECT_STREQ(refused.why(), "the map's key_size is 4 and value_size 12; this MapView's sizeof(K) is 4 and sizeof(V) 8");
    EXPECT_EQ(refused.map_key_size, 4u);
    EXPECT_EQ(refused.map_value_size, 12u);
}

TEST(MapViewOtherTypes, AnOtherKeySizeIsNamedToo) {
    std::size_t size = 0;
    std::vector<std::uint64_t> memory = image_of(16, 8, size);
    const View::Result refused = View::attach(memory.data(), size);
    ASSERT_EQ(refused.error, ViewError::OtherTypes);
    EXPECT_NE(std::string(refused.why()).find("key_size is 16"), std::string::npos) << refused.why();
    EXPECT_EQ(refused.map_key_size, 16u);
}

TEST(MapViewOtherTypes, OtherErrorsLeaveTheSizesZero) {
    std::size_t size = 0;
    std::vector<std::uint64_t> memory = image_of(4, 8, size);
    const View::Result short_block = View::attach(memory.data(), 23);
    EXPECT_EQ(short_block.error, ViewError::InvalidImage);
    EXPECT_EQ(short_block.map_key_size, 0u);
    EXPECT_EQ(short_block.map_value_size, 0u);
}

}  // namespace
}  // namespace hashmap_mem::test
