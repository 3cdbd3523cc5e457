// Each way create and attach refuse a block has its own ViewError and
// sentence, and attach refuses each misalignment the typed pointers would
// suffer: the block, the key offset, the value offset, the bucket size.
#include <set>
#include <string>

#include "hashmap_mem/map_view.hpp"
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

using View = MapView<std::uint32_t, std::uint64_t>;

TEST(MapViewErrors, EveryErrorHasItsOwnSentence) {
    std::set<std::string> sentences;
    for (const ViewError e : {ViewError::None, ViewError::BadLayout, ViewError::BlockTooSmall, ViewError::Misaligned,
                              ViewError::InvalidImage, ViewError::OtherTypes}) {
        EXPECT_TRUE(sentences.insert(describe(e)).second) << describe(e);
    }
    EXPECT_STREQ(describe(ViewError::None), "ok");
    EXPECT_STREQ(describe(static_cast<ViewError>(99)), "unknown view error");
}

// Bytes of a valid image placed `shift` bytes into 8-aligned memory.
struct Image {
    std::vector<std::uint64_t> memory = std::vector<std::uint64_t>(128);
    std::uint8_t* at(std::size_t shift) { return reinterpret_cast<std::uint8_t*>(memory.data()) + shift; }
};

TEST(MapViewErrors, AttachRefusesAMisalignedBlock) {
    TestMap raw = make_map(4, 4, 8, 8, 8);
    Image image;
    std::memcpy(image.at(4), raw.block.data(), raw.block.size());
    const View::Result refused = View::attach(image.at(4), raw.block.size());
    EXPECT_EQ(refused.error, ViewError::Misaligned);
    EXPECT_STREQ(refused.why(), describe(ViewError::Misaligned));
    std::memcpy(image.at(0), raw.block.data(), raw.block.size());
    EXPECT_TRUE(View::attach(image.at(0), raw.block.size()));
}

TEST(MapViewErrors, AttachRefusesAValueOffsetNotAlignedForV) {
    TestMap raw = make_map(1, 1, 4, 1, 8);  // key at 1, value at 2: no place for a u32 value
    Image image;
    std::memcpy(image.at(0), raw.block.data(), raw.block.size());
    EXPECT_EQ((MapView<std::uint8_t, std::uint32_t>::attach(image.at(0), raw.block.size()).error), ViewError::Misaligned);
}

TEST(MapViewErrors, AttachRefusesABucketSizeNotAlignedForV) {
    // One Empty bucket of 17 bytes: validate accepts it (key 4..8, value 8..16
    // fit), but bucket 1 of a larger map would put its u64 value at 24+17+8.
    TestMap raw = make_map(4, 4, 8, 8, 1);
    MapHeader h = raw.header();
    h.bucket_size = 17;
    Image image;
    write_header(image.at(0), h);
    ASSERT_TRUE(validate(image.at(0), 24 + 17));
    EXPECT_EQ(View::attach(image.at(0), 24 + 17).error, ViewError::Misaligned);
}

}  // namespace
}  // namespace hashmap_mem::test
