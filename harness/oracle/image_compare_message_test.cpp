// When an image differs from the Rust crate's (reference::compare_images),
// the message names where: the header field, or the bucket and which of its
// bytes (status, key, value, padding), so a report reads without the SPEC.
#include <gtest/gtest.h>

#include "hashmap_mem/hashmap_mem.hpp"
#include "oracle/reference.hpp"

namespace hashmap_mem::harness {
namespace {

// Key 1 byte at offset 1, padding at 2 and 3, value 4 bytes at 4: bucket 8.
Bytes image_with_one_entry() {
    const LayoutResult made = layout(1, 1, 4, 4, 8);
    Bytes image(made.map_init.total_size, 0);
    init(image.data(), made.map_init);
    const std::uint8_t key = 7;
    std::uint8_t* value = get_or_reserve_entry(image.data(), &key);
    for (int i = 0; i < 4; ++i) value[i] = 0x40;
    return image;
}

std::string changed_at(std::size_t at) {
    const Bytes expected = image_with_one_entry();
    Bytes real = expected;
    real[at] ^= 0x01;
    return reference::compare_images(real.data(), expected);
}

TEST(ImageCompareMessage, NamesTheHeaderField) {
    EXPECT_EQ(changed_at(2), "image byte 2 is 0, the Rust crate's is 1 (header field element_count)");
    EXPECT_NE(changed_at(0).find("(header field capacity)"), std::string::npos);
    EXPECT_NE(changed_at(21).find("(header field logical_limit)"), std::string::npos);
    EXPECT_NE(changed_at(22).find("(header field key_offset)"), std::string::npos);
    EXPECT_NE(changed_at(23).find("(header field padding_and_secret_code)"), std::string::npos);
}

TEST(ImageCompareMessage, NamesTheBucketAndItsKeyValueOrPaddingByte) {
    const Bytes image = image_with_one_entry();
    std::uint32_t bucket = 0;
    while (image[24 + bucket * 8] != 2) ++bucket;  // the Occupied one
    const std::size_t at = 24 + bucket * 8;
    const std::string of = " of bucket " + std::to_string(bucket) + ")";
    EXPECT_NE(changed_at(at + 1).find("(key byte 0" + of), std::string::npos) << changed_at(at + 1);
    EXPECT_NE(changed_at(at + 3).find("(padding byte 3" + of), std::string::npos) << changed_at(at + 3);
    EXPECT_NE(changed_at(at + 6).find("(value byte 2" + of), std::string::npos) << changed_at(at + 6);
    EXPECT_NE(changed_at(at).find("(status byte of bucket " + std::to_string(bucket) + ")"), std::string::npos);
}

TEST(ImageCompareMessage, IsEmptyForTheSameImage) {
    const Bytes image = image_with_one_entry();
    EXPECT_EQ(reference::compare_images(image.data(), image), "");
}

}  // namespace
}  // namespace hashmap_mem::harness
