// Every single-byte change of a small live image is either rejected by
// validate or safe: every operation on it stays inside its exact-size block
// (ASan) and each scanned entry is found by lookup.
#include "validate_support.hpp"

namespace hashmap_mem::test {
namespace {

// Runs every operation on an accepted image in a block of exactly its size.
void exercise(const Bytes& image) {
    const std::unique_ptr<std::uint8_t[]> block(new std::uint8_t[image.size()]);
    std::memcpy(block.get(), image.data(), image.size());
    const MapHeader h = read_header(block.get());
    for (Entry e = find_next_valid_entry(block.get(), 0); e.key != nullptr;
         e = find_next_valid_entry(block.get(), e.index + 1u)) {
        const Bytes key(e.key, e.key + h.key_size);
        EXPECT_EQ(lookup(block.get(), key.data()), e.value);
    }
    EXPECT_EQ(overwrite(block.get(), block.get()), OverwriteResult::Ok);
    const Bytes fresh(h.key_size, 0xa5);
    if (std::uint8_t* slot = get_or_reserve_entry(block.get(), fresh.data())) std::memset(slot, 0x11, h.value_size);
    remove(block.get(), fresh.data());
    for (Entry e = find_next_valid_entry(block.get(), 0); e.key != nullptr;
         e = find_next_valid_entry(block.get(), 0)) {
        const Bytes key(e.key, e.key + h.key_size);
        ASSERT_TRUE(remove(block.get(), key.data()));
    }
    EXPECT_EQ(read_header(block.get()).element_count, 0);
}

TEST(ValidateCorruption, EverySingleByteChangeIsRejectedOrSafe) {
    TestMap map = make_map(2, 1, 1, 1, 4);  // 24 + 4 buckets of 4 bytes
    for (std::uint64_t n : {0x0102u, 0x0304u, 0x0506u}) ASSERT_TRUE(put(map, key_of(n, 2), {0x42}));
    ASSERT_EQ(map.block.size(), 40u);
    int accepted = 0;
    for (std::size_t offset = 0; offset < map.block.size(); ++offset) {
        for (int value = 0; value < 256; ++value) {
            Bytes image = map.block;
            image[offset] = static_cast<std::uint8_t>(value);
            if (!validate_copy(image)) continue;
            ++accepted;
            exercise(image);
        }
    }
    // Accepted: the original (40 ways), stale key/value bytes of the Empty
    // bucket, every value byte, and header changes that stay consistent.
    EXPECT_GT(accepted, 40);
    EXPECT_LT(accepted, 40 * 256 / 2);
}

}  // namespace
}  // namespace hashmap_mem::test
